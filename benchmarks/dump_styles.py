#!/usr/bin/env python3
"""Whole-page plain-text dumps of HTML pages, made several ways: the inputs of text mode.

A text-mode rule must hold up on dumps made by any scraper, not only on the one style the
benchmark's dumps come from. ``make_dump(html, style)`` flattens a page in one of these styles:

- ``wcxb``: the benchmark's own dumps (``shared/tools/make_text_dumps.py``, html-text on
  ``<body>`` with image alt text written in place); delegated to that tool when it is present,
  otherwise an equivalent built on html-text here.
- ``html-text``: ``html_text.extract_text`` on the whole page, library defaults (no alt text;
  the ``<title>`` comes first; block tags on their own lines, paragraphs and headings set off by
  blank lines).
- ``inscriptis``: ``inscriptis.get_text`` with its defaults (lists indented with ``*`` bullets,
  tables laid out in columns, fewer blank lines).
- ``select-all``: an approximation of what a browser's select-all + copy (Chrome's
  text/plain serialisation of the selection) gives: visible text of ``<body>`` only (no
  ``<script>``/``<style>``/``<template>``, no form-control values, no
  ``hidden`` or inline ``display:none``/``visibility:hidden`` elements, only the
  ``<summary>`` of a closed ``<details>``), no image alt text, no list bullets, block elements
  on their own lines, a blank line after paragraphs and headings (Chrome's extra newline for
  elements with a bottom margin), table cells separated by tabs. Style sheets are not applied,
  so text that CSS hides (menus collapsed by a class, "screen-reader only" labels) is kept, as
  it would be in a copy of a page whose CSS failed to load. ``<noscript>`` text is kept: forum
  software such as Discourse serves its posts there to clients without scripts and draws the
  same text with scripts in a browser, so it is what a reader would select.
- ``wcxb-wrapped``: the ``wcxb`` dump hard-wrapped at 72 columns (Python's textwrap), as
  lynx -dump, w3m or an e-mail client write a page: paragraphs become runs of lines.

Usage:
    python benchmarks/dump_styles.py HTML_DIR OUT_DIR --style inscriptis [--limit N]
HTML_DIR holds <id>.html.gz or <id>.html; OUT_DIR gets <id>.txt for each page.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Final

from lxml import etree, html

STYLES: Final[tuple[str, ...]] = ("wcxb", "html-text", "inscriptis", "select-all", "wcxb-wrapped")
WCXB_TOOL: Final = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "make_text_dumps.py"

BLANK_RUNS: Final = re.compile(r"\n{3,}")
WRAP_COLUMNS: Final = 72
SPACES: Final = re.compile(r"[ \t\r\f\v\u00a0]+")
META_CHARSET: Final = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)

# select-all: what a browser does not render or copy.
INVISIBLE_TAGS: Final = frozenset(
    {"head", "script", "style", "template", "iframe", "object", "embed", "svg", "math",
     "select", "textarea", "input", "img", "video", "audio", "canvas", "map", "datalist", "dialog"}
)  # fmt: skip
BLOCK_TAGS: Final = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
     "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr",
     "legend", "li", "main", "menu", "nav", "ol", "pre", "section", "summary", "table", "tbody", "tfoot",
     "thead", "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "p"}
)  # fmt: skip
SPACED_TAGS: Final = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure"})
CELL_TAGS: Final = frozenset({"td", "th"})
HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def decode(data: bytes) -> str:
    """UTF-8 (the WCXB pages are), else the declared <meta charset>, else cp1252; never fails."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = META_CHARSET.search(data[:4096])
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["cp1252"]:
        try:
            return data.decode(encoding, errors="replace")
        except LookupError:
            continue
    return data.decode("utf-8", errors="replace")


def make_dump(html_bytes: bytes, style: str) -> str:
    """The page flattened to plain text in ``style`` (one of ``STYLES``)."""
    try:
        maker = MAKERS[style]
    except KeyError:
        raise ValueError(f"unknown dump style {style!r}; choose from {', '.join(STYLES)}") from None
    text = maker(decode(html_bytes))
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip() + "\n"


# -- wcxb ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _wcxb_tool() -> ModuleType | None:
    if not WCXB_TOOL.is_file():
        return None
    spec = importlib.util.spec_from_file_location("make_text_dumps", WCXB_TOOL)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wcxb(page: str) -> str:
    tool = _wcxb_tool()
    if tool is not None:
        return str(tool.page_to_text(page))
    import html_text

    root = html_text.parse_html(page)
    for head in root.findall("head"):
        root.remove(head)
    for img in root.iter("img"):
        alt = (img.get("alt") or "").strip()
        if alt and not any(anc.tag == "noscript" for anc in img.iterancestors()):
            img.tail = " " + alt + " " + (img.tail or "")
    with contextlib.suppress(AssertionError):  # lxml bug 1838497, handled the same way in html_text
        root = html_text.cleaner.clean_html(root)
    return str(html_text.etree_to_text(root))


# -- html-text, inscriptis ------------------------------------------------------------------------


def _html_text(page: str) -> str:
    import html_text

    return str(html_text.extract_text(page))


def _inscriptis(page: str) -> str:
    import inscriptis

    return str(inscriptis.get_text(page))


# -- select-all -----------------------------------------------------------------------------------


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(HIDDEN_STYLE.search(el.get("style") or ""))


def _select_all(page: str) -> str:
    try:
        root = html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body")
    lines = _Lines()
    _walk(root if body is None else body, lines)
    return lines.text()


class _Lines:
    """Collects inline text into lines; block boundaries request one or two line breaks."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.line: list[str] = []
        self.pending = 0

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.pending and SPACES.sub("", text.replace("\n", "")):
            self._flush()
        self.line.append(text)

    def cell(self) -> None:
        if "".join(self.line).strip():
            self.line.append("\t")

    def brk(self, count: int) -> None:
        self.pending = max(self.pending, count)

    def _flush(self) -> None:
        text = SPACES.sub(" ", "".join(self.line).replace("\n", " ")).strip(" ")
        text = re.sub(r" ?\t ?", "\t", text).strip("\t")
        if text:
            self.out.append(text + "\n" * self.pending)
        elif self.out and self.pending == 2 and not self.out[-1].endswith("\n\n"):
            self.out[-1] += "\n"
        self.line, self.pending = [], 0

    def text(self) -> str:
        self.pending = max(self.pending, 1)
        self._flush()
        return "".join(self.out)


def _walk(el: etree._Element, lines: _Lines) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in INVISIBLE_TAGS or not tag or _hidden(el):
        return
    if tag == "br":
        lines.brk(1)
        lines.add("\n")
        return
    if tag in CELL_TAGS:
        lines.cell()
    if tag in BLOCK_TAGS:
        lines.brk(1)
    if tag == "pre":
        for number, line in enumerate("".join(el.itertext()).split("\n")):
            if number:
                lines.brk(1)
            lines.add(line)
    elif tag == "details" and el.get("open") is None:  # closed: only the summary shows
        for child in el.iter("summary"):
            _walk(child, lines)
    else:
        lines.add(el.text)
        for child in el:
            _walk(child, lines)
            lines.add(child.tail)
    if tag in BLOCK_TAGS:
        lines.brk(2 if tag in SPACED_TAGS else 1)


def _wcxb_wrapped(page: str) -> str:
    lines = _wcxb(page).split("\n")
    return "\n".join(wrapped for line in lines for wrapped in (textwrap.wrap(line, WRAP_COLUMNS) or [""]))


MAKERS: Final[dict[str, Callable[[str], str]]] = {
    "wcxb": _wcxb,
    "wcxb-wrapped": _wcxb_wrapped,
    "html-text": _html_text,
    "inscriptis": _inscriptis,
    "select-all": _select_all,
}


def _pages(html_dir: Path) -> Iterator[tuple[str, bytes]]:
    for f in sorted(html_dir.iterdir()):
        if f.name.endswith(".html.gz"):
            yield f.name[: -len(".html.gz")], gzip.decompress(f.read_bytes())
        elif f.name.endswith(".html"):
            yield f.name[: -len(".html")], f.read_bytes()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("html_dir", type=Path, help="folder of <id>.html.gz or <id>.html pages")
    ap.add_argument("out_dir", type=Path, help="where <id>.txt dumps are written")
    ap.add_argument("--style", choices=STYLES, default="wcxb")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (sorted ids)")
    args = ap.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for page_id, data in _pages(args.html_dir):
        if args.limit and n >= args.limit:
            break
        (args.out_dir / f"{page_id}.txt").write_text(make_dump(data, args.style), encoding="utf-8")
        n += 1
    print(f"{n} {args.style} dumps -> {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
