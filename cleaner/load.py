"""Stage 1: bytes or str or tree -> a parsed page (HTML tree or text), with its language.

Decoding order for bytes: BOM, the caller's transport hint, the page's own declaration
(``<meta charset>`` / ``http-equiv``) if the bytes really decode with it, UTF-8, then
charset-normalizer's detection. Invalid bytes are replaced, never fatal.
"""

from __future__ import annotations

import codecs
import copy
import logging
import re
from dataclasses import dataclass
from typing import Any, Final

from bs4.dammit import EncodingDetector
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from .config import Config
from .document import Kind
from .errors import InputError, InputTooLargeError, NotAWebPageError

log = logging.getLogger(__name__)

BINARY_MAGIC: Final = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or office document)"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
)
HTML_SNIFF: Final = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|a|table|article|section|br|ul|li|h[1-6])\b",
    re.IGNORECASE,
)
XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
LANG_CODE: Final = re.compile(r"^[a-zA-Z]{2,3}(?=$|[-_])")
SNIFF_BYTES: Final = 4096


@dataclass(slots=True)
class Loaded:
    """The input after decoding and parsing: exactly one of ``tree`` / ``text`` is set."""

    kind: Kind
    tree: HtmlElement | None = None
    text: str = ""


def load(source: Any, kind: Kind, config: Config, encoding: str | None = None) -> Loaded:
    """Turn any accepted input into a parsed tree (HTML) or a str (text dump)."""
    if isinstance(source, (etree._Element, etree._ElementTree)):
        return Loaded(Kind.HTML, tree=_from_tree(source))
    if _is_soup(source):
        source = str(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), config)
        _reject_binary(data)
        if kind is Kind.AUTO:
            kind = Kind.HTML if HTML_SNIFF.search(data[:SNIFF_BYTES]) else Kind.TEXT
        source = decode(data, encoding, is_html=kind is Kind.HTML)
    if not isinstance(source, str):
        raise TypeError(
            f"clean() takes str, bytes, an lxml tree or a BeautifulSoup object, not {type(source).__name__}"
        )
    _check_size(len(source), config)
    source = source.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(source) else source
    if kind is Kind.AUTO:
        kind = Kind.HTML if HTML_SNIFF.search(source[:SNIFF_BYTES].encode("utf-8", "replace")) else Kind.TEXT
    if kind is Kind.TEXT:
        return Loaded(Kind.TEXT, text=source.replace("\x00", ""))
    return Loaded(Kind.HTML, tree=parse_html(source))


def decode(data: bytes, hint: str | None, *, is_html: bool) -> str:
    """Decode page bytes; see the module docstring for the order."""
    for enc, bom in (
        ("utf-8-sig", codecs.BOM_UTF8),
        ("utf-16", codecs.BOM_UTF16_LE),
        ("utf-16", codecs.BOM_UTF16_BE),
    ):
        if data.startswith(bom):
            return data.decode(enc, "replace")
    candidates = [hint] if hint else []
    if is_html:
        declared = EncodingDetector.find_declared_encoding(data[: SNIFF_BYTES * 4], is_html=True)
        if declared:
            candidates.append(declared)
    candidates.append("utf-8")
    for enc in candidates:
        text = _strict(data, enc)
        if text is not None:
            return text
    return _detect(data)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(_python_codec(encoding))
    except (LookupError, UnicodeDecodeError):
        return None


def _python_codec(encoding: str) -> str:
    """Browsers decode iso-8859-1/ascii labels as windows-1252 (WHATWG): so do we."""
    name = codecs.lookup(encoding).name
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    log.debug("detected encoding %s", encoding)
    return data.decode(_python_codec(encoding), "replace")


def parse_html(text: str) -> HtmlElement:
    """Parse HTML safely: no network, no entity expansion, comments and PIs dropped."""
    text = XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
    parser = HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    try:
        return document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as err:
        if not text.strip():
            return document_fromstring("<html><body></body></html>")
        raise InputError(f"could not parse the page as HTML: {err}") from err


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


def _from_tree(source: etree._Element | etree._ElementTree) -> HtmlElement:
    root = source.getroot() if isinstance(source, etree._ElementTree) else source
    if isinstance(root, HtmlElement):
        return copy.deepcopy(root)
    return parse_html(etree.tostring(root, encoding="unicode", method="html"))


def _is_soup(source: object) -> bool:
    return type(source).__module__.startswith("bs4") and hasattr(source, "decode")


def _check_size(size: int, config: Config) -> None:
    if size > config.max_bytes:
        raise InputTooLargeError(
            f"input is {size:,} bytes, over the limit of {config.max_bytes:,}; "
            "raise Config(max_bytes=...) to clean it anyway"
        )


def _reject_binary(data: bytes) -> None:
    head = data[:16]
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            raise NotAWebPageError(f"input looks like {what}, not a web page or text")
    sample = data[:SNIFF_BYTES]
    if sample.count(b"\x00") > len(sample) // 10 and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotAWebPageError("input has many NUL bytes: it looks like binary data, not a web page or text")


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
