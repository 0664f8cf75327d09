"""Lone section labels and news tickers ("Breaking News", "Live", "Most read")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from lxml.html import HtmlElement

from .. import phrases
from ..document import Document
from ..selectors import outermost, short_enough
from .base import Hit, Removal, Rule

TICKER_TOKENS: Final = ("ticker", "breaking-news", "breakingnews")


class NavigationSectionLabel(Rule):
    """Lone section labels and news tickers.

    Removes:
        A block that is only a section or ticker label ("Breaking News", "Live", "Trending",
        "Most read", "Eilmeldung", "Срочно"); in HTML, a short element whose class/id
        names it a ticker (``ticker``, ``breaking-news``).

    Why:
        Such labels head site widgets (tickers, most-read boxes), not the article; a text
        dump leaves them behind as orphan lines.

    Example:
        "Breaking News\\nThe talks resumed.\\n" -> "The talks resumed.\\n"

    Keeps:
        A heading that merely starts with a label ("Breaking News Analysis"): whole-block
        match only.
    """

    code: ClassVar[str] = "NAV03"
    name: ClassVar[str] = "navigation.section_label"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        found = [
            el
            for el, tokens in doc.page_index.tokens_with(*TICKER_TOKENS)
            if _ticker(tokens) and short_enough(el, 40)
        ]
        for el in outermost(found):
            yield Hit(el, "element marked as a news ticker")

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        labels = phrases.load("section_labels", doc.langs)
        for i, block in enumerate(doc.blocks):
            if block.key in labels:
                yield Hit(i, f"lone section label {block.key!r}")


def _ticker(tokens: list[str]) -> bool:
    return any("ticker" in t or t.startswith(TICKER_TOKENS[1:]) for t in tokens)
