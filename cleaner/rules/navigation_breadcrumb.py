"""Breadcrumb trails ("Home > News > World")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from lxml.html import HtmlElement

from .. import phrases
from ..document import Document
from ..selectors import BREADCRUMB_ATTRIBUTES, outermost, short_enough
from ..textutil import key, word_count
from .base import Hit, Removal, Rule

SEPARATORS: Final = re.compile(r"\s+(?:>|<|›|‹|»|«|/|\||→|•|·|::)\s+|\s*[›‹»→]\s*")
SENTENCE_END: Final = re.compile(r"[.!?;:]$")
MAX_CRUMB_WORDS: Final = 5
MAX_LAST_CRUMB_WORDS: Final = 12
MAX_TRAIL_WORDS: Final = 25


class NavigationBreadcrumb(Rule):
    """Breadcrumb trails.

    Removes:
        In HTML, a short element marked as a breadcrumb: class/id containing ``breadcrumb``,
        ``aria-label="breadcrumb"``, or schema.org ``BreadcrumbList``. In any input, a block
        shaped like a trail: crumbs of at most 5 words (the last, the page's own title, up to
        12) joined by ``>``, ``›``, ``‹``, ``»``, ``/``, ``|`` or ``→``, starting with a home
        word ("Home", "Startseite", "Главная") or made of three or more crumbs, with no
        sentence punctuation at its end.

    Why:
        Breadcrumbs locate the page in the site; they are navigation, not article text.

    Example:
        "Home > News > World\\nThe talks resumed.\\n" -> "The talks resumed.\\n"

    Keeps:
        Instructions that cite a menu path inside a sentence ("Open Home > Settings > Privacy
        and turn tracking off."): the last crumb would be a sentence.
    """

    code: ClassVar[str] = "NAV02"
    name: ClassVar[str] = "navigation.breadcrumb"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        marked = [*doc.page_index.with_token("breadcrumb"), *BREADCRUMB_ATTRIBUTES(tree)]
        found = [el for el in marked if short_enough(el, 40)]
        for el in outermost(found):
            yield Hit(el, "element marked as breadcrumb")

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        homes = phrases.load("breadcrumb_home", doc.langs)
        for i, block in enumerate(doc.blocks):
            if block.tag != "tr" and _is_trail(block.text, homes):
                yield Hit(i, "breadcrumb-shaped line")


def _is_trail(text: str, homes: frozenset[str]) -> bool:
    if word_count(text) > MAX_TRAIL_WORDS or SENTENCE_END.search(text):
        return False
    crumbs = [c for c in SEPARATORS.split(text) if c.strip()]
    if len(crumbs) < 2 or word_count(crumbs[-1]) > MAX_LAST_CRUMB_WORDS:
        return False
    if any(word_count(c) > MAX_CRUMB_WORDS for c in crumbs[:-1]):
        return False
    return len(crumbs) >= 3 or key(crumbs[0]) in homes
