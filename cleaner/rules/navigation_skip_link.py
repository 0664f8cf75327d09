"""Skip links, accessibility-link menus and back-to-top links."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from lxml.html import HtmlElement

from .. import phrases
from ..document import Document
from ..selectors import outermost, short_enough
from .base import Hit, Removal, Rule


class NavigationSkipLink(Rule):
    """Skip links, accessibility-link menus and back-to-top links.

    Removes:
        A block that is only a skip/accessibility/back-to-top label ("Accessibility links",
        "Skip to main content", "Back to top", "Ссылки для упрощенного доступа"); in HTML,
        also a short element whose class or id names it a skip link (``skip-links``).

    Why:
        These are keyboard-navigation aids in the page chrome, not content; text dumps keep
        them as lines of their own at the very top or bottom.

    Example:
        "Accessibility links\\nBorder crisis deepens\\n" -> "Border crisis deepens\\n"

    Keeps:
        A sentence that contains the words ("Readers asked us to skip to the main content
        of the report.") — matching is on the whole block only.
    """

    code: ClassVar[str] = "NAV01"
    name: ClassVar[str] = "navigation.skip_link"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        labels = phrases.load("skip_links", doc.langs)
        index = doc.page_index
        found = [
            el
            for el in index.with_token("skip-link", "skiplink", "skip-to", "skip-nav")
            if short_enough(el, 20)
        ]
        found += [el for el, label in index.labels if label in labels]
        for el in outermost(found):
            yield Hit(el, "skip/accessibility link")

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        labels = phrases.load("skip_links", doc.langs)
        for i, block in enumerate(doc.blocks):
            if block.key in labels:
                yield Hit(i, f"skip-link label {block.key!r}")
