"""Stage 1: bytes or str or tree -> a parsed page (HTML tree or text), with its language.

Decoding order for bytes: a BOM; UTF-16 without a BOM (its NUL pattern); ASCII; UTF-8 when the
bytes (nearly) validate; the caller's transport hint, then the page's own declaration
(``<meta charset>`` / ``http-equiv``), each only if the bytes decode with it; then
charset-normalizer's detection among the encodings browsers know. Invalid bytes are replaced,
never fatal; binary input raises :class:`NotAWebPageError`.

Parsing is safe: lxml's HTML parser, no network, no DTD loading, no entity expansion (an
internal DOCTYPE subset is dropped before parsing), comments and processing instructions
dropped. Markup nested deeper than ``Config.max_depth`` is flattened (tags dropped, text
kept) or refused with :class:`TooDeeplyNestedError`. See ``docs/hostile-input.md``."""

from __future__ import annotations

import codecs
import contextlib
import copy
import html
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from bs4.dammit import EncodingDetector
from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from . import nesting
from .config import Config
from .document import Kind
from .errors import (
    DecodeError,
    InputError,
    InputTooLargeError,
    NotAWebPageError,
    TooDeeplyNestedError,
)

log = logging.getLogger(__name__)

BINARY_MAGIC: Final = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF media file (WebP, WAV, AVI)"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"BM", None),  # BMP: only with its header checked, see _magic()
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x00\x01\x00\x00\x00", "a font file"),
    (b"OTTO", "a font file"),
    (b"PK\x03\x04", "a ZIP archive (or office document, EPUB, JAR)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"BZh", "bzip2-compressed data (decompress it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed data (decompress it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress it first)"),
    (b"\x7fELF", "an executable"),
    (b"MZ", None),  # Windows executable: only with its PE header, see _magic()
    (b"\xca\xfe\xba\xbe", "a Java class file or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O binary"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"FLV\x01", "a Flash video"),
    (b"CWS", None),  # Flash: only with a version byte, see _magic()
    (b"FWS", None),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
)
# ISO media (MP4, MOV, HEIC, AVIF): "ftyp" at offset 4.
ISO_MEDIA: Final = b"ftyp"
# Markup that only a web page (or an XML/SVG document) starts a tag with. "<b>" or "<i>" alone
# are too common in plain text that talks about HTML, so they are not here.
HTML_SNIFF: Final = re.compile(
    rb"<(?:!doctype\s+html|\?xml\s|html|head|body|meta|title|link|base|script|style|noscript|template"
    rb"|div|p|span|a|table|article|section|main|nav|header|footer|aside|figure|form|iframe|img"
    rb"|br|hr|ul|ol|li|h[1-6]|svg|math|frameset|frame)\b",
    re.IGNORECASE,
)
XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
DOCTYPE_SUBSET: Final = re.compile(r"<!doctype[^>\[]*\[", re.IGNORECASE)
SUBSET_END: Final = re.compile(r"\]\s*>")
START_TAG: Final = re.compile(r"<[A-Za-z]")
MAX_SUBSET: Final = 1_000_000
HUGE_TAG_CHARS: Final = 50_000
HUGE_TAG: Final = re.compile(rf"<([A-Za-z][^\s/>]*)[^<>]{{{HUGE_TAG_CHARS},}}")
CHARACTER_REFERENCE: Final = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}))")
MAX_ATTRIBUTES: Final = 1000
# C0 controls that no text needs (tab, LF, FF and CR stay), DEL, and NUL.
CONTROL_CHARS: Final[dict[int, str | None]] = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F]
)
# C1 controls are never text: they are windows-1252 punctuation that went through a Latin-1 or
# ISO-8859 decoder, or were stored so as UTF-8 (U+0093 for a curly quote). Map them back.
C1_CHARS: Final[dict[int, str | None]] = {
    c: (bytes([c]).decode("cp1252") if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else None)
    for c in range(0x80, 0xA0)
}
CHAR_FIXES: Final = {**CONTROL_CHARS, **C1_CHARS, 0x0C: "\n", 0xFFFE: None, 0xFFFF: None}
"""Also a form feed becomes a line break (lxml refuses it in text set through its API, so a
tree rule that moves text around would fail on it), and the noncharacters go."""
ELEMENT_CLASSES: Final = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)
"""Every element an HtmlElement, chosen in C: lxml.html's default lookup calls Python for each
element proxy made (a tenth of trafilatura's time) to give forms and inputs their own classes,
which nothing here uses."""
C0_CONTROL_BYTES: Final = bytes(CONTROL_CHARS)
CHAR_FIX_BYTES: Final = bytes(c for c in CHAR_FIXES if c < 0x80)
C1_UTF8: Final = re.compile(b"\xc2[\x80-\x9f]")
NONCHARACTER_UTF8: Final = re.compile(b"\xef\xbf[\xbe\xbf]")
"""U+FFFE and U+FFFF in UTF-8."""
NOT_XML: Final[dict[int, str | None]] = {**CONTROL_CHARS, 0x0C: " ", 0xFFFE: None, 0xFFFF: None}
"""What lxml refuses in text set through its API (the parser itself lets these through)."""
CONTROL_RUN: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""One character of those ``CHAR_FIXES`` maps (the same set: a test checks it)."""
CONTROL_RUNS: Final = re.compile(f"{CONTROL_RUN.pattern}+")
BINARY_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
"""Control bytes that text in no encoding uses (ESC stays: ISO-2022 encodings need it)."""
LANG_CODE: Final = re.compile(r"^[a-zA-Z]{2,3}(?=$|[-_])")
SNIFF_BYTES: Final = 4096
MAX_CONTROL_SHARE: Final = 0.05
"""Share of control bytes past which the input is binary, not text. Text in any real encoding
has almost none; random bytes have about 10%."""
MAX_BROKEN_SHARE: Final = 0.25
"""Share of U+FFFD and control characters in the decoded text past which no decoding made text."""
DETECTION_BYTES: Final = 200_000
UTF8_MAJORITY: Final = 2
UTF8_LABELLED: Final = 0.5
"""UTF-8 wins over any label when at least ``UTF8_MAJORITY`` multi-byte characters decode per
byte that does not (a page cut mid-character, a stray windows-1252 byte), and over the
detector when the page says UTF-8 and at least ``UTF8_LABELLED`` do. Legacy text gets at
most 0.4 by accident (EUC-JP, TIS-620), Western legacy text about 0."""
WEB_LEGACY_CODECS: Final = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "iso8859_2", "iso8859_4", "iso8859_5", "iso8859_7", "iso8859_8", "iso8859_10", "iso8859_13",
    "iso8859_15", "iso8859_16", "koi8_r", "koi8_u", "mac_cyrillic", "cp932", "shift_jis", "euc_jp",
    "iso2022_jp", "gb18030", "big5", "euc_kr", "cp949",
)  # fmt: skip
"""The encodings browsers know (WHATWG): detection picks among these only, not DOS or Mac
code pages, which otherwise win on short Western pages."""
HIGH_BYTES: Final = bytes(range(0x80, 0x100))
MAX_UNDETECTED_SHARE: Final = 0.3
"""Bytes no encoding detects, with more than this share above 0x7F, are refused as binary."""
CHAOS_SLACK: Final = 0.1
"""windows-1252 wins over the detector's first choice when its 'chaos' (charset-normalizer's
mess score) is at most this much higher and its language coherence as good."""
CENTRAL_EUROPEAN: Final = frozenset(
    {"Czech", "Slovak", "Polish", "Hungarian", "Romanian", "Croatian", "Slovene", "Bosnian",
     "Serbian", "Lithuanian", "Latvian", "Estonian", "Turkish", "Vietnamese"}
)  # fmt: skip
"""Languages written in a Latin code page other than windows-1252."""
PARSER_MAX_DEPTH: Final = 2048
"""libxml2 stops parsing (and silently drops the rest of the page) past this depth."""

# What browsers do with legacy labels (WHATWG Encoding Standard), in Python codec names.
WHATWG_CODECS: Final = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}
LABEL_ALIASES: Final = {"utf8mb4": "utf-8", "utf8mb3": "utf-8", "x-sjis": "shift_jis", "unicode": "utf-16"}
IGNORED_LABELS: Final = frozenset({"utf-7", "x-user-defined", "replacement"})
ENCODING_LABEL: Final = re.compile(r"[a-z0-9][a-z0-9._:+-]{0,39}")
WIDE_CODECS: Final = ("utf-16", "utf-32")

BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Markup flattening (only for pages nested deeper than Config.max_depth).
BLOCK_TAGS: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "option",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"
    }
)  # fmt: skip
"""Flattening starts a new <p> at these, so the text of each stays a block of its own."""
NOT_TEXT_TAGS: Final = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select", "head", "title"}
)  # fmt: skip
"""Deep elements whose content is not page text: removed, not unwrapped."""
VOID_TAGS: Final = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "image",
        "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"
    }
)  # fmt: skip
NEVER_SHOWN: Final = ("noframes", "noembed")
RAW_TEXT_DROP: Final = frozenset({"script", "style", "iframe", "noembed", "noframes", "noscript"})
RAW_TEXT_KEEP: Final = frozenset({"textarea", "title", "xmp"})
SIBLING_CLOSES: Final = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "option": {"option"},
}
TAG_OPEN: Final = re.compile(r"<(/?)([A-Za-z][^\s/>]*)|<!--|<[!?]")
TAG_END_OR_QUOTE: Final = re.compile(r""">|=\s*(["'])""")


@dataclass(slots=True)
class Loaded:
    """The input after decoding and parsing: exactly one of ``tree`` / ``text`` is set."""

    kind: Kind
    tree: HtmlElement | None = None
    text: str = ""


def load(source: Any, kind: Kind, config: Config, encoding: str | None = None) -> Loaded:
    """Turn any accepted input into a parsed tree (HTML) or a str (text dump)."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str or None, not {type(encoding).__name__}")
    if isinstance(source, (etree._Element, etree._ElementTree)):
        return Loaded(Kind.HTML, tree=_from_tree(source, config))
    if _is_soup(source):
        source = str(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), config, "bytes")
        controls = len(data.translate(None, CHAR_FIX_BYTES)) != len(data)  # any C0 control or DEL
        _reject_binary(data, controls)
        is_html = kind is Kind.HTML or (kind is Kind.AUTO and bool(HTML_SNIFF.search(data[:SNIFF_BYTES])))
        decoded, utf8 = _decode(data, encoding, is_html=is_html)
        encoded = _reject_undecodable(decoded, encoding, utf8, controls=controls or utf8 is None)
        source = clean_chars(decoded, encoded, controls=controls or utf8 is None)
        if source is not decoded:
            encoded = None
    elif isinstance(source, str):
        _check_size(len(source), config, "characters")
        source, encoded = clean_chars(source), None
    else:
        raise TypeError(
            f"clean() takes str, bytes, an lxml tree or a BeautifulSoup object, not {type(source).__name__}"
        )
    if kind is Kind.AUTO:
        kind = Kind.HTML if _looks_like_html(source) else Kind.TEXT
    if kind is Kind.TEXT:
        return Loaded(Kind.TEXT, text=source)
    return Loaded(Kind.HTML, tree=parse_html(source, config, encoded))


def clean_chars(text: str, encoded: bytes | None = None, *, controls: bool = True) -> str:
    """Lone surrogates become U+FFFD (pairs are joined); NUL, the other C0 control characters
    and the noncharacters U+FFFE/U+FFFF go, a form feed becomes a line break; C1 controls
    become the windows-1252 characters they stand for. ``encoded``: ``text`` in UTF-8, if the
    caller has it; ``controls=False``: the caller knows it has no C0 control or DEL."""
    try:
        data = text.encode("utf-8") if encoded is None else encoded
    except UnicodeEncodeError:  # lone surrogates
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        data, controls = text.encode("utf-8"), True
    if not _has_control_bytes(data, controls=controls):
        return text
    # Only the runs of characters to fix, translated: str.translate looks each character of the
    # text up in the dict (38 ms on a 1 MB page); the regex scans in C (4 ms). Same result.
    return CONTROL_RUNS.sub(_fix_run, text)


def _fix_run(match: re.Match[str]) -> str:
    return match.group().translate(CHAR_FIXES)


def _has_control_bytes(data: bytes, *, controls: bool = True) -> bool:
    """Does UTF-8 ``data`` hold a character ``CHAR_FIXES`` changes? C-speed tests, not a regex
    over the characters: C0 controls are single bytes, C1 controls follow a 0xC2 byte.
    ``controls=False`` skips the C0 test (the caller made it)."""
    return (
        (controls and len(data.translate(None, CHAR_FIX_BYTES)) != len(data))
        or C1_UTF8.search(data) is not None
        or NONCHARACTER_UTF8.search(data) is not None  # one regex scan: 0.05 ms, two `in` tests 0.2
    )


def decode(data: bytes, hint: str | None, *, is_html: bool) -> str:
    """Decode page bytes; see the module docstring for the order."""
    return _decode(data, hint, is_html=is_html)[0]


def _decode(data: bytes, hint: str | None, *, is_html: bool) -> tuple[str, bytes | None]:
    """``decode``, and ``data`` again when it is the text's UTF-8 (ASCII or valid UTF-8):
    the checks after decoding need not encode the text again."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace"), None
    wide = _utf16_without_bom(data)
    if wide:
        return data.decode(wide, "replace"), None
    labels = [hint] if hint else []
    if is_html:
        declared = EncodingDetector.find_declared_encoding(data[: SNIFF_BYTES * 4], is_html=True)
        if declared:
            labels.append(declared)
    codecs_ = [c for c in map(_python_codec, labels) if c]
    if data.isascii():
        # Reads the same in every label but the 7-bit ISO-2022 ones.
        if b"\x1b" in data:
            for codec in codecs_:
                if codec.startswith("iso2022"):
                    return data.decode(codec, "replace"), None
        return data.decode("ascii"), data
    try:
        return data.decode("utf-8"), data  # valid UTF-8: the test below would take it anyway
    except UnicodeDecodeError:
        pass
    utf8, good, bad = _utf8_reading(data)
    if good >= UTF8_MAJORITY * bad or ("utf-8" in codecs_ and good >= UTF8_LABELLED * bad):
        # UTF-8 whatever the labels say when it (nearly) validates: legacy text almost never
        # does; and UTF-8 as labelled unless it mostly fails (a legacy page that lies).
        return utf8, None
    for codec in codecs_:
        if codec == "utf-8" or codec.startswith(WIDE_CODECS):
            continue  # UTF-8 failed above; a UTF-16/32 label on bytes without its NULs lies
        text = _strict(data, codec)
        if text is not None:
            return text, None
    return _detect(data, utf8 if good else None), None


def _utf8_reading(data: bytes) -> tuple[str, int, int]:
    """``data`` read as UTF-8 (invalid sequences replaced), with the number of multi-byte
    characters that decoded and of replacement characters for the bytes that did not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
        bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    else:
        bad = 0
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text, max(good, 0), max(bad, 0)


def _python_codec(label: str) -> str | None:
    """The Python codec for an encoding label, as browsers read it; None if unknown or unsafe."""
    label = label.strip().strip("\"'").lower()
    label = LABEL_ALIASES.get(label, label)
    if label in IGNORED_LABELS or not ENCODING_LABEL.fullmatch(label):
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        log.debug("unknown encoding label %r ignored", label)
        return None
    return WHATWG_CODECS.get(name, name)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when every other byte of the start is NUL (ASCII-range UTF-16)."""
    sample = data[:8192]
    if len(sample) < 8:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.9 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.9 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _detect(data: bytes, utf8: str | None) -> str:
    """charset-normalizer's pick among the web's legacy encodings, preferring windows-1252
    when it reads as well and the language is not a Central European one. When nothing
    fits, mostly-ASCII bytes are read as UTF-8 (``utf8``, if some of it decoded) or
    windows-1252; bytes mostly above 0x7F are no text at all (DecodeError)."""
    from charset_normalizer import from_bytes

    results = from_bytes(data[:DETECTION_BYTES], cp_isolation=list(WEB_LEGACY_CODECS))
    best = results.best()
    if best is None:
        high = len(data) - len(data.translate(None, HIGH_BYTES))
        if high > MAX_UNDETECTED_SHARE * len(data):
            raise DecodeError(
                f"input is neither UTF-8 nor text in any legacy web encoding ({high / len(data):.0%} "
                "of its bytes are above 0x7F; it looks like binary data); pass encoding=... if "
                "you know the page's charset"
            )
        return utf8 if utf8 is not None else data.decode("cp1252", "replace")
    encoding = best.encoding
    western = next((m for m in results if m.encoding == "cp1252"), None)
    if (
        western is not None
        and western.chaos <= best.chaos + CHAOS_SLACK
        and western.coherence >= best.coherence
        and best.language not in CENTRAL_EUROPEAN
    ):
        encoding = "cp1252"
    codec = _python_codec(encoding) or "cp1252"
    log.debug("detected encoding %s", codec)
    return data.decode(codec, "replace")


def _looks_like_html(text: str) -> bool:
    head = text[:SNIFF_BYTES].encode("utf-8", "replace")
    return bool(HTML_SNIFF.search(head))


def parse_html(text: str, config: Config | None = None, encoded: bytes | None = None) -> HtmlElement:
    """Parse HTML safely: no network, no entity expansion, comments and PIs dropped.
    ``encoded``: ``text`` in UTF-8, if the caller has it.

    A page nested deeper than ``config.max_depth`` is flattened past that depth (or refused
    with :class:`TooDeeplyNestedError` when ``config.flatten_deep`` is False).
    """
    config = config or Config()
    prepared = _tame_huge_tags(_strip_doctype_subset(XML_DECLARATION.sub("", text, count=1)))
    if prepared is not text:  # each step returns its input when it changes nothing
        text, encoded = prepared, None
    if not text.strip():
        return document_fromstring("<html><body></body></html>")
    tree, too_deep = _parse(text, encoded)
    if too_deep:
        if not config.flatten_deep:
            raise _too_deep(f"more than {PARSER_MAX_DEPTH:,}", config)
        limit = config.max_depth
        while too_deep and limit >= 8:
            log.warning(
                "page is nested more than %d levels deep: flattening its markup past depth %d "
                "(text kept; Config(max_depth=...) sets the depth)",
                PARSER_MAX_DEPTH,
                limit,
            )
            tree, too_deep = _parse(flatten_markup(text, limit))
            limit //= 2
        if too_deep:
            raise _too_deep(f"more than {PARSER_MAX_DEPTH:,}", config)
    if _has_control_reference(text):
        _clean_tree_chars(tree)
    _finish(tree, config)
    return tree


def _finish(tree: HtmlElement, config: Config) -> None:
    """What every parsed or given tree goes through: no fallback content that browsers never
    show (``<noframes>``, ``<noembed>``), and no markup deeper than ``config.max_depth``."""
    for el in list(tree.iter(*NEVER_SHOWN)):
        if el.getparent() is not None:
            el.drop_tree()
    limit_depth(tree, config)


def _parse(text: str, encoded: bytes | None = None, *, repair: bool = True) -> tuple[HtmlElement, bool]:
    """Parse; also say whether libxml2 hit its depth limit (and so dropped the rest).

    libxml2 reads UTF-8 bytes (``encoded``, or ``text`` encoded here) faster than a str, which
    it converts first: the trees are the same on all 2,487 pages of WCXB and the trafilatura
    set, parsed in 3.9 ms a page against 4.4 on WCXB (1.9 against 2.1 on the trafilatura set).
    A page libxml2 nests in its own chrome is parsed again from an HTML5 parser's tree
    (nesting.py)."""
    markup: str | bytes = text
    if encoded is None:
        with contextlib.suppress(UnicodeEncodeError):  # lone surrogates: libxml2 reads the str
            encoded = text.encode("utf-8")
    if encoded is not None:
        markup = encoded
    parser = HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
        encoding="utf-8" if encoded is not None else None,
    )
    parser.set_element_class_lookup(ELEMENT_CLASSES)
    try:
        tree = document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise InputError(f"could not parse the page as HTML: {err}") from err
    too_deep = False
    for entry in parser.error_log:
        if entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            if "depth" not in entry.message.lower():
                raise InputTooLargeError(
                    f"the HTML parser hit a resource limit ({entry.message.strip()}); "
                    "lower Config(max_bytes=...) to refuse such pages up front"
                )
            too_deep = True
    if repair and not too_deep and nesting.misnested(text, tree, parser.error_log):
        html5 = nesting.as_html5(text)
        if html5 is not None:
            return _parse(html5, repair=False)
    return tree, too_deep


def _too_deep(depth: str, config: Config) -> TooDeeplyNestedError:
    return TooDeeplyNestedError(
        f"the page is nested {depth} levels deep, past Config(max_depth={config.max_depth}); "
        "raise Config(max_depth=...) (at most 1000) or set Config(flatten_deep=True) to clean it "
        "with the deeper markup flattened (its text is kept)"
    )


@lru_cache(maxsize=16)
def _depth_path(depth: int) -> etree.XPath:
    """Elements exactly ``depth`` levels below the root (C-speed, linear in the tree)."""
    return etree.XPath("/".join(["*"] * depth))


def limit_depth(tree: HtmlElement, config: Config) -> None:
    """Flatten (or refuse) markup deeper than ``config.max_depth`` (the root is level 1).

    Each subtree that goes too deep is cut at level ``max_depth - 1``: its element there keeps
    one ``<p>`` per block of text found below it, so the text and its block breaks stay.
    """
    deep = _depth_path(config.max_depth)(tree)
    if not deep:
        return
    if not config.flatten_deep:
        raise _too_deep(f"more than {config.max_depth:,}", config)
    cuts: dict[HtmlElement, None] = {}
    for el in deep:
        node = el.getparent().getparent()  # level max_depth + 1 -> max_depth - 1
        cuts[node] = None
    flattened = sum(_flatten_into(node) for node in cuts)
    log.warning(
        "page is nested more than %d levels deep: %d deeper elements flattened (text kept)",
        config.max_depth,
        flattened,
    )


def _flatten_into(node: HtmlElement) -> int:
    """Replace the content of ``node`` by one <p> per run of text between block-level tags;
    content that is not text (scripts, SVG...) goes. Linear; returns the elements removed."""
    pieces: list[str] = []
    current: list[str] = [node.text or ""]
    count = 0

    def boundary() -> None:
        nonlocal current
        text = "".join(current)
        if text.strip():
            pieces.append(text)
            current = []
        else:
            current = [text]

    walker = etree.iterwalk(node, events=("start", "end"))
    for event, el in walker:
        if el is node:
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            count += 1
            if not tag or tag in NOT_TEXT_TAGS:
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS or tag == "br":
                boundary()
            current.append(el.text or "")
        else:
            if tag in BLOCK_TAGS:
                boundary()
            current.append(el.tail or "")
    boundary()
    if current:
        pieces.append("".join(current))
    for child in list(node):
        node.remove(child)
    node.text = None
    for text in pieces:
        etree.SubElement(node, "p").text = text.translate(NOT_XML)
    return count


def flatten_markup(text: str, limit: int) -> str:
    """Rewrite HTML so that no element opens deeper than ``limit``: deeper start/end tags are
    dropped (block tags become ``<br>``), their text stays; deep scripts and styles go.

    A tokenizer with an approximate open-element stack, linear in the input: it only runs on
    pages the HTML parser could not hold, and the tree is checked exactly afterwards.
    """
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, kept)
    open_count: Counter[str] = Counter()
    pos, n = 0, len(text)
    while pos < n:
        m = TAG_OPEN.search(text, pos)
        if m is None:
            out.append(text[pos:])
            break
        out.append(text[pos : m.start()])
        token = m.group(0)
        if token == "<!--":
            end = text.find("-->", m.end())
            end = n if end < 0 else end + 3
            out.append(text[m.start() : end])
            pos = end
            continue
        if m.group(2) is None:  # <!doctype>, <![CDATA[, <?pi>
            end = text.find(">", m.end())
            end = n if end < 0 else end + 1
            out.append(text[m.start() : end])
            pos = end
            continue
        end = _tag_end(text, m.end())
        raw, name, closing = text[m.start() : end], m.group(2).lower(), bool(m.group(1))
        pos = end
        if closing:
            if open_count[name] == 0:
                out.append(raw)  # stray end tag: the parser ignores it too
                continue
            while stack:
                tag, kept = stack.pop()
                open_count[tag] -= 1
                if tag == name:
                    out.append(raw if kept else ("<br>" if tag in BLOCK_TAGS else ""))
                    break
            continue
        closes = SIBLING_CLOSES.get(name)
        if closes and stack and stack[-1][0] in closes:
            open_count[stack.pop()[0]] -= 1
        if name in VOID_TAGS or raw.endswith("/>"):
            out.append(raw)
            continue
        kept = len(stack) < limit
        if name in RAW_TEXT_DROP or name in RAW_TEXT_KEEP:
            close = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).search(text, pos)
            body_end, after = (close.start(), close.end()) if close else (n, n)
            if kept:
                out.append(text[m.start() : after])
            elif name in RAW_TEXT_KEEP:
                out.append(" " + html.escape(text[pos:body_end]) + " ")
            pos = after
            continue
        stack.append((name, kept))
        open_count[name] += 1
        out.append(raw if kept else ("<br>" if name in BLOCK_TAGS else ""))
    return "".join(out)


def _tag_end(text: str, pos: int) -> int:
    """Index just past the ``>`` that ends the tag whose name ends at ``pos`` (quotes honoured)."""
    while True:
        m = TAG_END_OR_QUOTE.search(text, pos)
        if m is None:
            return len(text)
        if m.group(1) is None:
            return m.end()
        close = text.find(m.group(1), m.end())
        if close < 0:
            return len(text)
        pos = close + 1


def _strip_doctype_subset(text: str) -> str:
    """Drop an internal DTD subset (``<!DOCTYPE x [ <!ENTITY ...> ]>``) from the document head.

    The HTML parser never expands its entities (nor loads external ones), but it would show
    the declarations as text. A subset that does not close, or holds tags, is left alone.
    """
    m = DOCTYPE_SUBSET.search(text, 0, SNIFF_BYTES)
    if m is None:
        return text
    end = SUBSET_END.search(text, m.end(), m.end() + MAX_SUBSET)
    if end is None or START_TAG.search(text, m.end(), end.start()):
        return text
    return text[: m.start()] + "<!DOCTYPE html>" + text[end.end() :]


def _tame_huge_tags(text: str) -> str:
    """Drop the attributes of start tags that have thousands of them: libxml2 checks each new
    attribute against all earlier ones (quadratic), and no text lives in them."""
    if not _has_long_tag(text):
        return text  # a linear check first: HUGE_TAG backtracks over every tag of the page
    out: list[str] = []
    pos = 0
    for m in HUGE_TAG.finditer(text):
        if len(m.group(0).split(None, MAX_ATTRIBUTES + 1)) <= MAX_ATTRIBUTES:
            continue  # one long value (a data: URL), not thousands of attributes
        out.append(text[pos : m.start()])
        out.append("<" + m.group(1))
        pos = m.end()
    if not out:
        return text
    log.warning("dropped the attributes of %d tags with over %d attributes", len(out) // 2, MAX_ATTRIBUTES)
    out.append(text[pos:])
    return "".join(out)


def _has_long_tag(text: str) -> bool:
    """Does ``text`` hold a start of tag that long: a '<' with ``HUGE_TAG_CHARS`` characters after
    it and no '<' or '>' among them? Those characters would cover one of the chunks of half that
    length that ``text`` divides into, so only a chunk without a '<' can lie in one, after the
    last '<' before it. (Splitting the page at every '<' instead cost 1 ms a WCXB page: long
    scripts and JSON leave such chunks on many pages.)"""
    half = HUGE_TAG_CHARS // 2
    seen = 0
    for start in range(0, len(text) - half + 1, half):
        if text.find("<", start, start + half) != -1:
            continue
        tag = text.rfind("<", seen, start) + 1
        if tag == 0:
            continue  # no tag before this chunk, or the same one as before it
        seen = tag
        end = text.find("<", start + half)
        if (len(text) if end == -1 else end) - tag >= HUGE_TAG_CHARS and text.find(
            ">", tag, tag + HUGE_TAG_CHARS
        ) == -1:
            return True
    return False


def page_lang(tree: HtmlElement) -> str | None:
    """The language the page declares: <html lang>, content-language, og:locale."""
    values = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iterfind(".//meta"):
        name = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if name in ("content-language", "og:locale", "language", "dc.language"):
            values.append(meta.get("content"))
    for value in values:
        match = LANG_CODE.match((value or "").strip())
        if match:
            return match.group(0).lower()
    return None


def detect_lang(text: str) -> str | None:
    """Guess the language of a text with py3langid (model loaded on first use)."""
    sample = text[:3000]
    if len(sample.split()) < 5:
        return None
    import py3langid

    lang, _score = py3langid.classify(sample)
    return str(lang)


def _from_tree(source: etree._Element | etree._ElementTree, config: Config) -> HtmlElement:
    root = source.getroot() if isinstance(source, etree._ElementTree) else source
    if isinstance(root, HtmlElement):
        tree = copy.deepcopy(root)
        _clean_tree_chars(tree)
        _finish(tree, config)
        return tree
    return parse_html(etree.tostring(root, encoding="unicode", method="html"), config)


def _clean_tree_chars(tree: HtmlElement) -> None:
    """``clean_chars`` for the text of a parsed tree: lxml's parser lets control characters
    through, and makes them from character references (``&#16;``)."""
    for el in tree.iter():
        for attr in ("text", "tail"):
            value = getattr(el, attr)
            if value and CONTROL_RUN.search(value):
                setattr(el, attr, clean_chars(value).translate(NOT_XML))


def _has_control_reference(text: str) -> bool:
    """Does a numeric character reference in ``text`` make a character ``clean_chars`` fixes?"""
    if "&#" not in text:
        return False
    for hexa, decimal in set(CHARACTER_REFERENCE.findall(text)):  # a page repeats a few, often
        code = int(hexa, 16) if hexa else int(decimal)
        if code in CHAR_FIXES or 0xD800 <= code <= 0xDFFF:
            return True
    return False


def _is_soup(source: object) -> bool:
    return type(source).__module__.startswith("bs4") and hasattr(source, "decode")


def _check_size(size: int, config: Config, unit: str) -> None:
    if size > config.max_bytes:
        raise InputTooLargeError(
            f"input is {size:,} {unit}, over the limit of Config(max_bytes={config.max_bytes:,}); "
            "raise max_bytes to clean it anyway"
        )


def _magic(head: bytes) -> str | None:
    """What a file signature says the bytes are, or None."""
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            if what is not None:
                return what
            if magic == b"BM" and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
                return "a BMP image"
            if magic in (b"CWS", b"FWS") and len(head) > 3 and head[3] < 0x30:
                return "a Flash file"
            if magic == b"MZ" and b"This program" in head[:128]:
                return "a Windows executable"
    if head[4:8] == ISO_MEDIA:
        return "an MP4/QuickTime/HEIF media file"
    return None


def _reject_binary(data: bytes, controls: bool = True) -> None:
    """Refuse files by their signature, and bytes with many control bytes (``controls=False``:
    the caller knows there is none)."""
    what = _magic(data[:128])
    if what:
        raise NotAWebPageError(
            f"input looks like {what}, not a web page or text; pass the text of the document instead"
        )
    if not controls or not data or _utf16_without_bom(data) or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return
    found = len(data) - len(data.translate(None, BINARY_CONTROL_BYTES))
    if found > MAX_CONTROL_SHARE * len(data):
        raise NotAWebPageError(
            f"input looks like binary data ({found / len(data):.0%} of its bytes are control "
            "bytes), not a web page or text; if it is text, decode it and pass a str"
        )


def _reject_undecodable(
    text: str, hint: str | None, utf8: bytes | None = None, *, controls: bool = True
) -> bytes | None:
    """After the best decoding, mostly U+FFFD or control characters means it was no text.
    Returns ``text`` in UTF-8 for ``clean_chars`` (None if it has lone surrogates). ``utf8``:
    ``text`` in UTF-8 if the caller has it; ``controls=False``: the caller knows it has no C0
    control or DEL."""
    if utf8 is not None:
        encoded, valid = utf8, utf8
    else:
        try:
            encoded = text.encode("utf-8")  # a C0 control is one byte in UTF-8
            valid = encoded
        except UnicodeEncodeError:
            encoded, valid = text.encode("utf-8", "surrogatepass"), None
    if not text:
        return valid
    broken = text.count("\ufffd")
    if controls:
        broken += len(encoded) - len(encoded.translate(None, C0_CONTROL_BYTES))
    if broken > MAX_BROKEN_SHARE * len(text):
        given = f" with encoding={hint!r}" if hint else ""
        raise DecodeError(
            f"input does not decode to text{given}: {broken / len(text):.0%} of the characters are "
            "invalid or control characters; pass encoding=... if you know the page's charset"
        )
    return valid
