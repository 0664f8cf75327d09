"""The page title: from HTML metadata, or the first heading-like line of a text dump."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import Final

from lxml.html import HtmlElement

from .document import Block
from .textutil import collapse, word_count

SITE_SUFFIX: Final = re.compile(r"\s+[|–—·:]\s+[^|–—·:]{1,60}$|\s+-\s+[^-]{1,40}$")


def html_title(tree: HtmlElement) -> str:
    """og:title, else <title> without a trailing ' | Site name', else the first <h1>."""
    for meta in tree.iterfind(".//meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            content = collapse(meta.get("content") or "")
            if content:
                return content
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        text = collapse(title.text_content())
        return SITE_SUFFIX.sub("", text) or text
    h1 = tree.find(".//h1")
    return collapse(h1.text_content()) if h1 is not None else ""


def text_title(blocks: Sequence[Block], removed: Container[int]) -> str:
    """The first kept short line without sentence punctuation at its end."""
    for i, block in enumerate(blocks[:30]):
        if i in removed:
            continue
        if 2 <= word_count(block.text) <= 25 and not block.text.endswith((".", ":", ";", ",")):
            return block.text
    return ""
