"""The page title: from HTML metadata, or the first heading-like line of a text dump."""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import Final

from lxml.html import HtmlElement

from .document import Block
from .textutil import collapse, word_count

TITLE_SEPARATORS: Final = (" | ", " - ", " – ", " — ", " · ", " :: ")
MAX_SITE_NAME_CHARS: Final = 60


def html_title(tree: HtmlElement) -> str:
    """og:title, else <title> without a trailing ' | Site name', else the first <h1>."""
    for meta in tree.iterfind(".//meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            content = collapse(meta.get("content") or "")
            if content:
                return content
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        return strip_site_name(collapse(title.text_content()))
    h1 = tree.find(".//h1")
    return collapse(h1.text_content()) if h1 is not None else ""


def strip_site_name(title: str) -> str:
    """'Headline | Site' -> 'Headline': drop the last separated part if it is short."""
    cut = max(title.rfind(sep) for sep in TITLE_SEPARATORS)
    if cut > 0 and len(title) - cut <= MAX_SITE_NAME_CHARS:
        return title[:cut].strip()
    return title


def text_title(blocks: Sequence[Block], removed: Container[int]) -> str:
    """The first kept short line without sentence punctuation at its end."""
    for i, block in enumerate(blocks[:30]):
        if i in removed:
            continue
        if 2 <= word_count(block.text) <= 25 and not block.text.endswith((".", ":", ";", ",")):
            return block.text
    return ""
