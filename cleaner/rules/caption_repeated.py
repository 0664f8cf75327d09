"""Image alt text and captions repeated side by side or repeated from the body."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from lxml.html import HtmlElement

from ..document import Document, Kind
from ..selectors import outermost, text_of
from ..textutil import key, word_count
from .base import Hit, Removal, Rule

UNREPEATABLE_TAGS: Final = frozenset({"tr", "pre"})
MIN_CAPTION_WORDS: Final = 4
FIGURE_DEPTH: Final = 3


class CaptionRepeated(Rule):
    """Image alt text and captions repeated side by side or repeated from the body.

    Removes:
        In a text dump, every copy in a run of two or more identical lines with no blank line
        between them (the image's alt text followed by the same caption, as dumps write
        them); in extracted HTML, the second and later copies of adjacent identical blocks.
        In HTML, also a caption element (``figcaption``, class/id with ``caption``) whose text
        repeats the alt text of its own image or a paragraph of the page.

    Why:
        A caption that repeats the lead or the alt text adds a duplicate of text that is
        either not body text at all or already kept where it really belongs.

    Example:
        "Headline\\nThe lead, used as caption.\\nThe lead, used as caption.\\nBody.\\n"
        -> "Headline\\n\\nBody.\\n"

    Keeps:
        A quote the article repeats on purpose further down (not adjacent), table rows and
        code lines that happen to repeat, and in a text dump a sidebar entry that a blank line
        separates from the identical page heading.
    """

    code: ClassVar[str] = "CAP01"
    name: ClassVar[str] = "caption.repeated"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        captions = list(dict.fromkeys([*tree.iter("figcaption"), *doc.page_index.with_token("caption")]))
        if not captions:
            return
        inside = set(captions)
        paragraphs: list[str] | None = None  # read only once a caption is long enough
        for el in outermost(captions):
            k = key(text_of(el))
            if word_count(k) < MIN_CAPTION_WORDS:
                continue
            if k in _alts_near(el):
                yield Hit(el, "caption repeats its image's alt text")
                continue
            if paragraphs is None:
                paragraphs = _paragraphs_outside(tree, inside)
            if any(k in p for p in paragraphs):
                yield Hit(el, "caption repeats a body paragraph")

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        blocks = doc.blocks
        glued = doc.kind is Kind.TEXT
        start = 0
        for i in range(1, len(blocks) + 1):
            same = i < len(blocks) and blocks[i].key == blocks[start].key and bool(blocks[i].key)
            if same and not (glued and blocks[i].gap_before):
                continue
            if i - start >= 2 and blocks[start].tag not in UNREPEATABLE_TAGS:
                if glued:  # alt text + caption in a dump: neither is body text
                    for j in range(start, i):
                        yield Hit(j, f"{i - start} adjacent copies of the same caption/alt text")
                else:  # extracted HTML: keep the first copy
                    for j in range(start + 1, i):
                        yield Hit(j, "repeats the block right above it")
            start = i


def _paragraphs_outside(tree: HtmlElement, captions: set[HtmlElement]) -> list[str]:
    """The ``key`` of each <p> that is not in one of ``captions``."""
    return [
        key(p.text_content())
        for p in tree.iter("p")
        if p not in captions and not any(a in captions for a in p.iterancestors())
    ]


def _alts_near(el: HtmlElement) -> set[str]:
    """Alt texts of images in the caption's figure (up to three levels up)."""
    node = el
    for _ in range(FIGURE_DEPTH):
        parent = node.getparent()
        if parent is None:
            break
        node = parent
        alts = {key(img.get("alt") or "") for img in node.iter("img")}
        if alts - {""}:
            return alts
    return set()
