"""The hostile-input corpus: every case is generated here, none is committed as a blob.

    python -m tests.hostile.corpus DIR            # write the inputs into DIR
    python -m tests.hostile.corpus DIR --report   # also run each (time-limited) and print
                                                  # the Markdown table of docs/hostile-input.md

``tests/test_hostile.py`` writes the corpus into a temporary folder and runs each case in a
worker process with a time limit. A case says what ``cleaner.run()`` must give: text (with
some substrings present or absent), an empty string, or one of the package's errors.
"""

from __future__ import annotations

import argparse
import bz2
import codecs
import gzip
import io
import json
import lzma
import multiprocessing
import random
import sys
import time
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SECRET = "SECRET-7f3a9c"
"""Written to secret files next to the corpus; must never appear in any output."""

PARAGRAPHS = (
    "The regional council approved the new budget on Tuesday after a long debate about schools.",
    "Opposition members said the plan cut too deeply into transport, and promised to fight it.",
    "The mayor said the savings would pay for two new clinics in the northern districts next year.",
    "Teachers who attended the session asked for the heating in older buildings to be repaired.",
)
FRENCH = "Le maire a décidé déjà de réduire les dépenses ; la façade de l'hôtel sera rénovée à Noël."
RUSSIAN = "Городской совет утвердил новый бюджет после долгих дебатов о школах и больницах."
GERMAN = "Die Straße über den Fluss bleibt gesperrt, weil die Brücke für Lastwagen zu schwach ist."


def article(extra: str = "", *, charset: str | None = "utf-8", head: str = "", paragraphs: int = 4) -> str:
    """A small news page whose paragraphs main-content extraction keeps."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS[:paragraphs])
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head>{meta}{head}<title>Budget approved</title></head>\n'
        f"<body><article><h1>Budget approved</h1>\n{body}{extra}</article></body></html>\n"
    )


ARTICLE_TEXT = PARAGRAPHS[0]


def _rand(n: int, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(n)


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.html", article())
    return buf.getvalue()


def _deep(
    n: int, inner: str, *, tag: str = "div", after: str = "<p>After the deep part of the page.</p>"
) -> str:
    return f"<html><body><p>{PARAGRAPHS[0]}</p>{f'<{tag}>' * n}{inner}{f'</{tag}>' * n}{after}</body></html>"


def _deep_paragraphs(n: int) -> str:
    opened = "".join(f"<div><p>Deep paragraph number {i} of this page.</p>" for i in range(n))
    return f"<html><body>{opened}{'</div>' * n}<p>After the deep part of the page.</p></body></html>"


def _entity_bomb() -> str:
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE html [\n' + "\n".join(levels) + "\n]>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol9;</p>'
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</body></html>"
    )


def _quadratic_blowup() -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "{"x" * 50_000}">]>'
        f"<html><body><p>{'&a;' * 10_000}</p><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></body></html>"
    )


def _xxe(d: Path) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{d}/secret.txt">]>'
        f"<html><body><p>&xxe;</p>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</body></html>"
    )


def _xxe_parameter(d: Path) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY % ext SYSTEM "file://{d}/secret.dtd"> %ext;]>'
        f"<html><body><p>&leak;</p>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</body></html>"
    )


def _table(rows: int) -> str:
    cells = "".join(
        f"<tr><td>Row {i}</td><td>District {i % 17}</td><td>{i * 37 % 1000} units</td></tr>"
        for i in range(rows)
    )
    return f"<html><body><h1>Deliveries by district</h1><table>{cells}</table></body></html>"


Payload = bytes | str
Maker = Callable[[Path], Payload]


@dataclass(frozen=True)
class Case:
    """One hostile input and what ``cleaner.run`` must do with it."""

    name: str
    group: str
    about: str
    make: Maker
    expect: tuple[str, ...]
    """Allowed outcomes: 'text' (non-empty), 'empty', 'str' (any), or an error class name."""
    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    kind: str = "auto"
    encoding: str | None = None
    config: Mapping[str, Any] = field(default_factory=dict)
    tree: bool = False
    """Pass the input as an lxml tree the caller built (see ``build_tree``)."""
    limit: float = 20.0
    """Seconds before the case counts as hung (a hang detector, not a speed test)."""

    @property
    def filename(self) -> str:
        return self.name + (".txt" if self.kind == "text" else ".html")


CASES: list[Case] = []


def case(
    name: str,
    group: str,
    about: str,
    make: Maker | Payload,
    expect: str | Sequence[str],
    **kw: Any,
) -> None:
    maker: Maker = make if callable(make) else (lambda _d, p=make: p)
    CASES.append(
        Case(name, group, about, maker, (expect,) if isinstance(expect, str) else tuple(expect), **kw)
    )


# --- empty and trivial ----------------------------------------------------------------------
case("empty-bytes", "empty", "zero bytes", b"", "empty")
case("empty-str", "empty", "an empty str", "", "empty")
case("whitespace-only", "empty", "spaces, tabs and newlines only", b" \n\t\r\n  \n", "empty")
case("bom-only", "empty", "a UTF-8 byte-order mark and nothing else", codecs.BOM_UTF8, "empty")
case("nul-bytes-only", "binary", "10,000 NUL bytes", b"\x00" * 10_000, "NotAWebPageError")
case("nul-chars-only-str", "empty", "a str of 10,000 NUL characters", "\x00" * 10_000, "empty")
case(
    "markup-only",
    "empty",
    "tags without any text",
    b"<html><head></head><body><div><span></span></div></body></html>",
    "empty",
)

# --- binary files, whatever their name says -------------------------------------------------
MAGIC = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "gif": b"GIF89a\x01\x00\x01\x00",
    "webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "mp4": b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00",
    "elf": b"\x7fELF\x02\x01\x01\x00",
    "wasm": b"\x00asm\x01\x00\x00\x00",
    "sqlite": b"SQLite format 3\x00",
    "woff2": b"wOF2\x00\x01\x00\x00",
    "7z": b"7z\xbc\xaf\x27\x1c\x00\x04",
}
for _name, _magic in MAGIC.items():
    case(
        f"binary-{_name}",
        "binary",
        f"a {_name.upper()} file saved as .html",
        _magic + _rand(20_000, len(_name)),
        "NotAWebPageError",
    )
case("binary-zip", "binary", "a ZIP archive holding an HTML page", lambda d: _zip(), "NotAWebPageError")
case(
    "binary-gzip",
    "binary",
    "a gzip-compressed HTML page (Content-Encoding not undone)",
    lambda d: gzip.compress(article().encode()),
    "NotAWebPageError",
)
case(
    "binary-bzip2",
    "binary",
    "a bzip2-compressed HTML page",
    lambda d: bz2.compress(article().encode()),
    "NotAWebPageError",
)
case(
    "binary-xz",
    "binary",
    "an xz-compressed HTML page",
    lambda d: lzma.compress(article().encode()),
    "NotAWebPageError",
)
case(
    "random-bytes",
    "binary",
    "64 KiB of random bytes without a file signature",
    _rand(65_536),
    "NotAWebPageError",
)
case(
    "html-head-then-binary",
    "binary",
    "an HTML start followed by 64 KiB of random bytes",
    b"<html><body><p>Hello</p>" + _rand(65_536, 1),
    "NotAWebPageError",
)
case(
    "html-then-binary-tail",
    "binary",
    "a 20 KB article followed by 100 KB of random bytes",
    lambda d: article("<p>x</p>" * 2500).encode() + _rand(100_000, 2),
    "NotAWebPageError",
)

# --- encodings and characters ---------------------------------------------------------------
_intl = f"<p>{FRENCH}</p><p>{RUSSIAN}</p><p>{GERMAN}</p>"
case(
    "utf8-bom",
    "encoding",
    "UTF-8 with a BOM",
    lambda d: codecs.BOM_UTF8 + article(_intl).encode(),
    "text",
    contains=(FRENCH, RUSSIAN),
)
for _codec, _label in (("utf-16-le", "utf16le"), ("utf-16-be", "utf16be"), ("utf-32-le", "utf32le")):
    case(
        f"{_label}-bom",
        "encoding",
        f"{_codec.upper()} with a BOM",
        lambda d, c=_codec: codecs.lookup(c).encode("\ufeff" + article(_intl, charset=None))[0],
        "text",
        contains=(FRENCH, RUSSIAN),
    )
case(
    "utf16le-no-bom",
    "encoding",
    "UTF-16-LE without a BOM",
    lambda d: article(_intl, charset=None).encode("utf-16-le"),
    "text",
    contains=(FRENCH, RUSSIAN),
)
case(
    "meta-utf8-is-cp1252",
    "encoding",
    "declares UTF-8, is windows-1252 (French)",
    lambda d: article(f"<p>{FRENCH}</p>").encode("cp1252"),
    "text",
    contains=(FRENCH,),
)
case(
    "meta-latin1-is-utf8",
    "encoding",
    "declares ISO-8859-1, is UTF-8",
    lambda d: article(f"<p>{GERMAN}</p><p>{FRENCH}</p>", charset="iso-8859-1").encode(),
    "text",
    contains=(GERMAN, FRENCH),
)
case(
    "meta-utf8-is-cp1251",
    "encoding",
    "declares UTF-8, is windows-1251 (Russian)",
    lambda d: article(f"<p>{RUSSIAN}</p>").encode("cp1251"),
    "text",
    contains=(RUSSIAN,),
)
case(
    "meta-utf16-on-ascii",
    "encoding",
    "declares UTF-16 but is single-byte",
    lambda d: article(f"<p>{GERMAN}</p>", charset="utf-16").encode(),
    "text",
    contains=(GERMAN,),
)
case(
    "meta-unknown-charset",
    "encoding",
    "declares a charset that does not exist",
    lambda d: article(f"<p>{GERMAN}</p>", charset="x-no-such-charset").encode(),
    "text",
    contains=(GERMAN,),
)
case(
    "meta-charset-with-nul",
    "encoding",
    "a charset label with a NUL byte in it (found by fuzzing)",
    lambda d: article(f"<p>{GERMAN}</p>", charset="ut\x00f-8").encode(),
    "text",
    contains=(GERMAN,),
)
case(
    "meta-utf7",
    "encoding",
    "declares UTF-7 (an XSS vector browsers ignore)",
    lambda d: article(
        "<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4- is not decoded.</p>", charset="utf-7"
    ).encode(),
    "text",
    absent=("<script>", "alert(1)<"),
)
case(
    "hint-windows-1251",
    "encoding",
    "no declaration; the caller passes encoding='windows-1251'",
    lambda d: article(f"<p>{RUSSIAN}</p>", charset=None).encode("cp1251"),
    "text",
    contains=(RUSSIAN,),
    encoding="windows-1251",
)
case(
    "hint-lies",
    "encoding",
    "UTF-8 bytes with encoding='iso-8859-1' from a lying header",
    lambda d: article(f"<p>{GERMAN}</p>", charset=None).encode(),
    "text",
    contains=(GERMAN,),
    encoding="iso-8859-1",
)
case(
    "hint-unknown",
    "encoding",
    "encoding='x-bogus' from the caller",
    lambda d: article(f"<p>{GERMAN}</p>").encode(),
    "text",
    contains=(GERMAN,),
    encoding="x-bogus",
)
case(
    "mostly-utf8",
    "encoding",
    "UTF-8 with a few stray windows-1252 bytes",
    lambda d: (
        article(f"<p>{GERMAN}</p><p>{FRENCH}</p><p>Caf\xe9 menu</p>".replace("\xe9 menu", "\x00"))
        .encode()
        .replace(b"\x00", b"\xe9 menu")
    ),
    "text",
    contains=(GERMAN, FRENCH),
)
case(
    "invalid-utf8",
    "encoding",
    "UTF-8 with invalid sequences (0xFF, cut multi-byte, encoded surrogates)",
    lambda d: (
        article(f"<p>{GERMAN}</p>").encode().replace(b"</h1>", b"\xff\xfe\xc3(\xed\xa0\x80\xf0\x9f</h1>")
    ),
    "text",
    contains=(GERMAN,),
)
case(
    "c1-controls",
    "encoding",
    "UTF-8 page holding U+0093/U+0094 (mis-stored curly quotes)",
    lambda d: article("<p>He said \x93no\x94 \x96 twice.</p>").encode(),
    "text",
    contains=("He said “no” – twice.",),
)
case(
    "control-chars",
    "encoding",
    "C0 control characters sprinkled in the text",
    lambda d: article("<p>Bell\x07 back\x08space\x1b esc\x0b vt\x1f us\x7f del.</p>").encode(),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "nul-sprinkled",
    "encoding",
    "a NUL byte every 40 bytes",
    lambda d: b"\x00".join(article().encode()[i : i + 40] for i in range(0, len(article().encode()), 40)),
    "text",
)
case(
    "control-character-references",
    "encoding",
    "character references to control characters (found by fuzzing)",
    lambda d: article("<p>Ctrl &#16; esc &#x1b; del &#127; and &#x93;quoted&#x94; end.</p>"),
    "text",
    contains=("and “quoted” end.",),
)
case(
    "form-feed-in-tail",
    "encoding",
    "a form feed in text a tree rule moves when it removes an element (found by fuzzing)",
    lambda d: article('<p>Before <span class="copyright">© 2024 Example</span>\x0cafter &#12; it.</p>'),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "lone-surrogates-str",
    "encoding",
    "a str with lone surrogates and a split emoji pair",
    lambda d: article("<p>Broken \ud800 and \udfff halves; joined \ud83d\ude00 pair.</p>"),
    "text",
    contains=("Broken \ufffd and \ufffd halves; joined \U0001f600 pair.",),
)

# --- size -----------------------------------------------------------------------------------
_big_para = "<p>" + "The committee reviewed the figures once more. " * 40 + "</p>\n"
case(
    "huge-30mb",
    "size",
    "a 30 MB page",
    lambda d: ("<html><body>" + _big_para * 16_000 + "</body></html>").encode(),
    "InputTooLargeError",
)
case(
    "huge-30mb-str",
    "size",
    "a 30 MB page as str",
    lambda d: "<html><body>" + _big_para * 16_000 + "</body></html>",
    "InputTooLargeError",
)
case(
    "big-5mb",
    "size",
    "a 5 MB page of 2,600 distinct long paragraphs",
    lambda d: (
        "<html><body><article>"
        + "".join(
            f"<p>Paragraph {i}: " + "the committee reviewed the figures once more. " * 40 + "</p>"
            for i in range(2_600)
        )
        + "</article></body></html>"
    ).encode(),
    "text",
    contains=("Paragraph 0:", "Paragraph 2599:"),
    limit=60,
)

# --- nesting depth --------------------------------------------------------------------------
_bottom = "<p>The text at the very bottom of the tree.</p>"
_after = "After the deep part of the page."
case(
    "deep-100k-divs",
    "depth",
    "100,000 nested <div>s",
    lambda d: _deep(100_000, _bottom),
    "text",
    contains=("The text at the very bottom of the tree.", _after),
    limit=60,
)
case(
    "deep-100k-spans",
    "depth",
    "100,000 nested <span>s (inline)",
    lambda d: _deep(100_000, "Deep inline text.", tag="span"),
    "text",
    contains=("Deep inline text.",),
    limit=60,
)
case(
    "deep-3000-paragraphs",
    "depth",
    "3,000 levels, a distinct paragraph at each",
    lambda d: _deep_paragraphs(3_000),
    "text",
    contains=(
        "Deep paragraph number 0 of",
        "Deep paragraph number 1500 of",
        "Deep paragraph number 2999 of",
        _after,
    ),
    limit=60,
)
case(
    "deep-3000-paragraphs-no-extract",
    "depth",
    "the same with Config(extract=False): every paragraph kept",
    lambda d: _deep_paragraphs(3_000),
    "text",
    contains=tuple(f"Deep paragraph number {i} of" for i in range(0, 3000, 100)),
    config={"extract": False},
    limit=60,
)
case(
    "deep-500-paragraphs",
    "depth",
    "500 levels (past max_depth, within the parser's limit)",
    lambda d: _deep_paragraphs(500),
    "text",
    contains=("Deep paragraph number 0 of", "Deep paragraph number 499 of", _after),
)
case(
    "deep-unclosed-font",
    "depth",
    "5,000 unclosed <font> tags, text after each",
    lambda d: (
        "<html><body>"
        + "".join(f"<font size=2>Line {i} of the old forum post. " for i in range(5_000))
        + "</body></html>"
    ),
    "text",
    contains=("Line 0 of the old", "Line 4999 of the old"),
    config={"extract": False},
    limit=60,
)
case(
    "deep-lists",
    "depth",
    "3,000 nested lists",
    lambda d: _deep(3_000, "<li>Innermost item text.</li>", tag="ul"),
    "text",
    contains=("Innermost item text.",),
    config={"extract": False},
)
case(
    "deep-tables",
    "depth",
    "1,000 nested tables",
    lambda d: (
        "<html><body>"
        + "<table><tr><td>" * 1_000
        + "Innermost cell."
        + "</td></tr></table>" * 1_000
        + "</body></html>"
    ),
    "text",
    contains=("Innermost cell.",),
    config={"extract": False},
)
case(
    "deep-script-inside",
    "depth",
    "a script at depth 5,000",
    lambda d: _deep(5_000, "<script>var leaked = 'JS-CODE-MARKER';</script><p>Visible deep text.</p>"),
    "text",
    contains=("Visible deep text.",),
    absent=("JS-CODE-MARKER",),
    limit=60,
)
case(
    "deep-odd-characters",
    "depth",
    "form feeds and U+FFFF in text below max_depth (found by fuzzing)",
    lambda d: _deep(300, "<p>Form\x0cfeed and \uffff noncharacter text.</p>"),
    "text",
    contains=("Form feed and noncharacter text.",),
    config={"extract": False},
)
case(
    "deep-refused",
    "depth",
    "100,000 nested <div>s with Config(flatten_deep=False)",
    lambda d: _deep(100_000, _bottom),
    "TooDeeplyNestedError",
    config={"flatten_deep": False},
)
case(
    "deep-300-refused",
    "depth",
    "300 levels with Config(flatten_deep=False)",
    lambda d: _deep(300, _bottom),
    "TooDeeplyNestedError",
    config={"flatten_deep": False},
)
case(
    "deep-tree-input",
    "depth",
    "an lxml tree 20,000 levels deep built by the caller",
    "20000",
    "text",
    contains=("Text at level 19999.",),
    tree=True,
    limit=60,
)

# --- entities, DTDs, external resources -----------------------------------------------------
case(
    "billion-laughs",
    "safety",
    "XHTML whose DOCTYPE nests entities 10^9 'lol's deep",
    lambda d: _entity_bomb(),
    "text",
    contains=(ARTICLE_TEXT,),
    absent=("lollol",),
)
case(
    "quadratic-blowup",
    "safety",
    "one 50 KB entity referenced 10,000 times",
    lambda d: _quadratic_blowup(),
    "text",
    contains=(ARTICLE_TEXT,),
    absent=("xxxxxxxxxx",),
)
case(
    "xxe-file",
    "safety",
    "an external entity pointing at a local file",
    _xxe,
    "text",
    contains=(ARTICLE_TEXT,),
    absent=(SECRET,),
)
case(
    "xxe-parameter",
    "safety",
    "a parameter entity loading a local DTD",
    _xxe_parameter,
    "text",
    contains=(ARTICLE_TEXT,),
    absent=(SECRET,),
)
case(
    "external-dtd-file",
    "safety",
    "DOCTYPE SYSTEM pointing at a local DTD that defines entities",
    lambda d: (
        f'<!DOCTYPE html SYSTEM "file://{d}/secret.dtd"><html><body><p>&leak;</p><p>{ARTICLE_TEXT}</p></body></html>'
    ),
    "text",
    contains=(ARTICLE_TEXT,),
    absent=(SECRET,),
)
case(
    "external-dtd-network",
    "safety",
    "DOCTYPE PUBLIC with a DTD URL on the network",
    lambda d: (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://127.0.0.1:9/xhtml1-strict.dtd">'
        + article()
    ),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "xinclude",
    "safety",
    "an XInclude of a local file",
    lambda d: article(
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{d}/secret.txt" parse="text"/>'
    ),
    "text",
    contains=(ARTICLE_TEXT,),
    absent=(SECRET,),
)
case(
    "xml-stylesheet",
    "safety",
    "an xml-stylesheet processing instruction naming a local file",
    lambda d: (
        f'<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="file://{d}/secret.xsl"?>' + article()
    ),
    "text",
    contains=(ARTICLE_TEXT,),
    absent=(SECRET,),
)
case(
    "unterminated-doctype-subset",
    "safety",
    "a DOCTYPE internal subset that never closes",
    lambda d: "<!DOCTYPE html [ <!ENTITY a 'b'>" + article(),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "many-doctype-subsets",
    "safety",
    "100,000 '<!DOCTYPE x [' openers",
    lambda d: article() + "<!DOCTYPE x [" * 100_000,
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "odd-entities",
    "safety",
    "undeclared, NUL, surrogate and out-of-range character references",
    lambda d: article("<p>&nosuch; &#0; &#xD800; &#x110000; &#xFFFE; &amp;amp; end.</p>"),
    "text",
    contains=(ARTICLE_TEXT,),
)

# --- documents that are not articles --------------------------------------------------------
_svg = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Logo</title>'
    '<text x="1" y="5">Label</text></svg>'
)
case("svg-document", "not-html", "an SVG image", _svg, "empty")
case(
    "svg-with-xml-declaration",
    "not-html",
    "an SVG image with an XML declaration",
    '<?xml version="1.0" encoding="UTF-8"?>\n' + _svg,
    "empty",
)
case(
    "frameset",
    "not-html",
    "a frameset page",
    '<html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html">'
    '<frame src="b.html"><noframes>Your browser does not support frames.</noframes></frameset></html>',
    "empty",
)
case(
    "only-scripts",
    "not-html",
    "a page of only <script>s, no <html>",
    "".join(f"<script>var v{i} = {i}; console.log('x');</script>\n" for i in range(100)),
    "empty",
)
case("only-styles", "not-html", "a page of only <style>s", "<style>body { color: red }</style>" * 50, "empty")
case(
    "only-template",
    "not-html",
    "a page whose content is in <template> (extraction may keep it)",
    "<html><body><template><p>Rendered later by scripts.</p></template></body></html>",
    "str",
)
case(
    "mathml-only",
    "not-html",
    "a MathML formula",
    '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi><mo>=</mo><mn>2</mn></math>',
    "str",
)
case(
    "high-bytes-noise",
    "binary",
    "64 KiB of random bytes 0x80-0xFF (no control bytes)",
    lambda d: bytes(b | 0x80 for b in _rand(65_536, 5)),
    "DecodeError",
)
case(
    "rss-feed",
    "not-html",
    "an RSS feed",
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item>'
    "<title>Budget approved</title><description>The council approved the budget.</description>"
    "</item></channel></rss>",
    "str",
)
case(
    "json-document",
    "not-html",
    "a JSON API response",
    json.dumps({"id": 1, "body": ARTICLE_TEXT, "tags": ["a", "b"]}),
    "str",
)
case(
    "css-file",
    "not-html",
    "a stylesheet",
    "body { margin: 0 }\n.article > p { line-height: 1.5 }\n" * 200,
    "str",
)
case(
    "plaintext-tag",
    "not-html",
    "a <plaintext> tag (the rest is text)",
    "<html><body><p>Before.</p><plaintext><p>Not a tag</p></body></html>",
    "str",
)
case(
    "xhtml-strict",
    "not-html",
    "well-formed XHTML with a namespace and XML declaration",
    lambda d: (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        + article()
        .replace("<html", '<html xmlns="http://www.w3.org/1999/xhtml"', 1)
        .replace("<!DOCTYPE html>\n", "")
    ),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "html-as-text",
    "not-html",
    "an HTML page passed with kind='text'",
    lambda d: article(),
    "str",
    kind="text",
)
case(
    "text-as-html",
    "not-html",
    "a text dump passed with kind='html'",
    "\n\n".join(PARAGRAPHS),
    "text",
    kind="html",
)

# --- many of something (nothing quadratic) --------------------------------------------------
case(
    "duplicate-lines-100k",
    "scale",
    "100,000 identical lines (text dump)",
    "The same line again and again.\n" * 100_000,
    "str",
    kind="text",
)
case(
    "duplicate-paragraphs-100k",
    "scale",
    "100,000 identical paragraphs",
    lambda d: "<html><body>" + "<p>The same line again and again.</p>" * 100_000 + "</body></html>",
    "str",
    limit=60,
)
case(
    "links-100k",
    "scale",
    "an article followed by 100,000 links",
    lambda d: article("".join(f'<a href="/x{i}">link {i}</a> ' for i in range(100_000))),
    "text",
    contains=(ARTICLE_TEXT,),
    limit=60,
)
case(
    "tiny-paragraphs-200k",
    "scale",
    "200,000 tiny paragraphs",
    lambda d: "<html><body>" + "".join(f"<p>p{i}</p>" for i in range(200_000)) + "</body></html>",
    "str",
    limit=60,
)
case(
    "lines-200k",
    "scale",
    "200,000 short distinct lines (text dump)",
    "".join(f"Line number {i} here.\n" for i in range(200_000)),
    "text",
    kind="text",
    limit=60,
)
case(
    "table-2000-rows",
    "scale",
    "a 2,000-row table",
    lambda d: _table(2_000),
    "text",
    contains=("Row 0 | District 0", "Row 1999 | District"),
)
case(
    "unclosed-paragraphs-100k",
    "scale",
    "100,000 <p> tags never closed",
    lambda d: "<html><body>" + "".join(f"<p>Paragraph {i} is open" for i in range(100_000)),
    "str",
    limit=60,
)
case(
    "attributes-100k",
    "scale",
    "one element with 100,000 attributes",
    lambda d: article(f"<p {' '.join(f'a{i}=x' for i in range(100_000))}>Attribute soup.</p>"),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "class-tokens-100k",
    "scale",
    "a class attribute with 100,000 tokens",
    lambda d: article(
        f'<div class="{" ".join(f"c{i}" for i in range(100_000))} copyright">Token soup.</div>'
    ),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "attribute-5mb",
    "scale",
    "a 5 MB attribute value",
    lambda d: article(f'<img alt="x" src="data:image/png;base64,{"A" * 5_000_000}">'),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "inline-script-5mb",
    "scale",
    "a 5 MB inline script",
    lambda d: article(f"<script>var data = '{'SCRIPTDATA ' * 450_000}';</script>"),
    "text",
    contains=(ARTICLE_TEXT,),
    absent=("SCRIPTDATA",),
)
case(
    "unclosed-comment-5mb",
    "scale",
    "'<!--' and 5 MB that never closes it",
    lambda d: article() + "<!--" + "comment text " * 400_000,
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "unclosed-attribute-quote",
    "scale",
    "an attribute quote that never closes, 2 MB on",
    lambda d: article() + '<a href="' + "x" * 2_000_000,
    "text",
    contains=(ARTICLE_TEXT,),
)

# --- one long line: every regex stays linear ------------------------------------------------
_LONG = 10_000_000
_big_limit = {"max_bytes": 12_000_000}
case(
    "line-10mb-text",
    "long-line",
    "one 10 MB line of words (text dump)",
    "word " * (_LONG // 5),
    "text",
    kind="text",
    config=_big_limit,
    limit=60,
)
case(
    "line-10mb-html",
    "long-line",
    "one 10 MB paragraph",
    lambda d: "<html><body><p>" + "word " * (_LONG // 5) + "</p></body></html>",
    "text",
    config=_big_limit,
    limit=60,
)
case(
    "word-10mb", "long-line", "one 10 MB word", "a" * _LONG, "text", kind="text", config=_big_limit, limit=60
)
_STRESS = 2_000_000
for _label, _unit in {
    "open-quotes-low": "„",
    "open-quotes-high": "“",
    "open-single-quotes": "‘",
    "guillemets": "«",
    "double-quotes": '"',
    "angle-brackets": "<",
    "punctuation": "!?.",
    "spaces": " ",
    "tabs": "\t",
    "nbsp": "\xa0",
    "timecodes": "0:00 ",
    "breadcrumbs": "Home > ",
    "copyright": "© ",
    "ampersands": "&",
    "entities": "&amp;",
    "digits": "7",
    "colons": ":",
    "slashes": "/ ",
}.items():
    _payload = _unit * (_STRESS // len(_unit))
    case(
        f"line-{_label}", "long-line", f"one 2 MB line of {_unit!r} (text dump)", _payload, "str", kind="text"
    )
    case(
        f"line-{_label}-html",
        "long-line",
        f"one 2 MB paragraph of {_unit!r}",
        "<html><body><p>" + _payload + "</p></body></html>",
        "str",
    )

# --- characters ------------------------------------------------------------------------------
case(
    "zalgo",
    "characters",
    "every letter under 50 combining marks",
    lambda d: article("<p>" + "".join(c + "\u0301" * 50 for c in "Zalgo text here " * 200) + "</p>"),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "bidi-controls",
    "characters",
    "right-to-left overrides and zero-width characters",
    lambda d: article("<p>\u202eReversed\u202c text \u200b with \u2066isolates\u2069 and \ufeff BOMs.</p>"),
    "text",
    contains=(ARTICLE_TEXT,),
)
case(
    "astral-characters",
    "characters",
    "emoji and other characters outside the BMP",
    lambda d: article("<p>Emoji \U0001f600 and \U0001d11e music and \U00020000 ideograph.</p>"),
    "text",
    contains=("Emoji \U0001f600 and \U0001d11e music",),
)
case(
    "private-use-and-noncharacters",
    "characters",
    "private-use code points and U+FFFE/U+FFFF",
    lambda d: article("<p>Private \ue000\uf8ff and \ufffe\uffff end.</p>"),
    "text",
    contains=(ARTICLE_TEXT,),
)


def by_name() -> dict[str, Case]:
    return {c.name: c for c in CASES}


def write_corpus(directory: Path) -> list[Path]:
    """Write every case's input (and the secret files the safety cases point at) to ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (directory / "secret.dtd").write_text(
        f'<!ENTITY leak "{SECRET}">\n<!ENTITY % inner "<!ENTITY leak \'{SECRET}\'>"> %inner;\n',
        encoding="utf-8",
    )
    (directory / "secret.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        f'<xsl:template match="/">{SECRET}</xsl:template></xsl:stylesheet>',
        encoding="utf-8",
    )
    paths = []
    for c in CASES:
        payload = c.make(directory)
        path = directory / c.filename
        if isinstance(payload, str):
            path.write_bytes(payload.encode("utf-8", "surrogatepass"))
            path.with_suffix(path.suffix + ".str").touch()
        else:
            path.write_bytes(payload)
        paths.append(path)
    return paths


def build_tree(depth: int) -> Any:
    """A caller-built lxml tree ``depth`` levels deep (deeper than any parser would give)."""
    from lxml import etree
    from lxml.html import document_fromstring

    root = document_fromstring(f"<html><body><p>{PARAGRAPHS[0]}</p></body></html>")
    el = root.find("body")
    for i in range(depth):
        el = etree.SubElement(el, "div")
        el.text = f"Text at level {i}."
    return root


def run_case(name: str, directory: str) -> dict[str, Any]:
    """Run one case in this process; a small JSON-able summary of what happened."""
    import cleaner

    c = by_name()[name]
    path = Path(directory) / c.filename
    data = path.read_bytes()
    page: Any = data
    if path.with_suffix(path.suffix + ".str").exists():
        page = data.decode("utf-8", "surrogatepass")
    if c.tree:
        page = build_tree(int(data))
    config = cleaner.Config(**dict(c.config))
    started, cpu = time.perf_counter(), time.process_time()
    try:
        result = cleaner.run(page, kind=c.kind, encoding=c.encoding, config=config)
    except cleaner.CleanerError as err:
        outcome: dict[str, Any] = {"outcome": type(err).__name__, "message": str(err)}
    else:
        text = result.text
        outcome = {
            "outcome": "text" if text else "empty",
            "chars": len(text),
            "head": text[:160],
            "extracted": result.extracted,
            "missing": [s for s in c.contains if s not in text],
            "leaked": [s for s in (*c.absent, SECRET) if s in text],
            "is_str": type(text) is str,
            "surrogates": any(0xD800 <= ord(ch) <= 0xDFFF for ch in text),
            "controls": sorted({f"U+{ord(ch):04X}" for ch in text if ord(ch) < 32 and ch != "\n"}),
        }
    outcome["seconds"] = round(time.perf_counter() - started, 3)
    outcome["cpu"] = round(time.process_time() - cpu, 3)
    return outcome


REFERENCE = article(
    '<nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a></nav>'
    "<p>To find out more, click here.</p><footer><p>© 2024 Example News. All rights reserved.</p></footer>",
    head='<meta property="og:title" content="Budget approved">',
)


def reference() -> dict[str, Any]:
    """How a normal page cleans: compared before and after hostile pages in the same process."""
    import cleaner

    result = cleaner.run(REFERENCE, url="https://example.org/budget")
    return {
        "text": result.text,
        "title": result.title,
        "lang": result.lang,
        "removals": [(r.rule, r.text) for r in result.removals],
        "bytes": cleaner.clean(REFERENCE.encode("cp1252"), kind="html"),
    }


def check(c: Case, got: Mapping[str, Any]) -> list[str]:
    """What is wrong with ``got`` for case ``c`` (empty: the case passes)."""
    outcome = got["outcome"]
    allowed = set(c.expect)
    ok = outcome in allowed or (outcome in ("text", "empty") and "str" in allowed)
    problems = [] if ok else [f"expected {' or '.join(c.expect)}, got {outcome}: {got.get('message', '')}"]
    if outcome in ("text", "empty"):
        if not got["is_str"]:
            problems.append("output is not a str")
        if got["missing"]:
            problems.append(f"text lost: {got['missing']}")
        if got["leaked"]:
            problems.append(f"text that must not appear: {got['leaked']}")
        if got["surrogates"]:
            problems.append("output holds lone surrogates")
        if got["controls"]:
            problems.append(f"output holds control characters {got['controls']}")
    return problems


def describe(c: Case, got: Mapping[str, Any]) -> str:
    outcome = got["outcome"]
    if outcome == "timeout":
        return f"**hung** (> {c.limit:g} s)"
    if outcome in ("text", "empty"):
        what = "''" if outcome == "empty" else f"text ({got['chars']:,} chars)"
        if outcome == "text" and c.contains:
            what += ", all expected text kept" if not got["missing"] else f", LOST {len(got['missing'])}"
        return what
    return f"`{outcome}`"


class Worker:
    """One spawned process that runs cases one after another, like a batch job; a case that
    overruns its limit has the process killed and replaced."""

    STARTUP = 30.0
    """Extra seconds for the first case in a fresh process (interpreter, imports, models)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.ctx = multiprocessing.get_context("spawn")
        self.pool: Any = None
        self.cold = True

    def run(self, name: str, limit: float) -> dict[str, Any]:
        if self.pool is None:
            self.pool = self.ctx.Pool(1)
            self.cold = True
        job = self.pool.apply_async(run_case, (name, str(self.directory)))
        try:
            got: dict[str, Any] = job.get(timeout=limit + (self.STARTUP if self.cold else 0))
        except multiprocessing.TimeoutError:
            self.close()
            return {"outcome": "timeout", "seconds": limit, "cpu": limit}
        self.cold = False
        return got

    def reference(self) -> dict[str, Any]:
        if self.pool is None:
            self.run("empty-bytes", 5)
        result: dict[str, Any] = self.pool.apply(reference)
        return result

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def report(directory: Path) -> str:
    """Run every case (each in a fresh process, time-limited) and return a Markdown table."""
    lines = [
        "| case | input | outcome | seconds |",
        "| --- | --- | --- | ---: |",
    ]
    worker = Worker(directory)
    for c in CASES:
        got = worker.run(c.name, c.limit)
        problems = check(c, got) if got["outcome"] != "timeout" else ["hung"]
        config = ", ".join(f"{k}={v!r}" for k, v in c.config.items())
        extras = [f"kind={c.kind!r}"] if c.kind != "auto" else []
        extras += [f"encoding={c.encoding!r}"] if c.encoding else []
        extras += [f"Config({config})"] if config else []
        about = c.about + (f" ({'; '.join(extras)})" if extras else "")
        mark = "" if not problems else " ✗ " + "; ".join(problems)
        lines.append(f"| `{c.name}` | {about} | {describe(c, got)}{mark} | {got['seconds']:.2f} |")
        print(lines[-1], file=sys.stderr, flush=True)
    worker.close()
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--report", action="store_true", help="run every case and print a Markdown table")
    args = parser.parse_args(argv)
    paths = write_corpus(args.directory)
    print(f"wrote {len(paths)} cases to {args.directory}", file=sys.stderr)
    if args.report:
        sys.stdout.write(report(args.directory))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
