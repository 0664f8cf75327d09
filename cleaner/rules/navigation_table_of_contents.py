"""Tables of contents ("Table of Contents", an in-page list of links to the headings)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Final

from lxml.html import HtmlElement

from ..document import Document
from ..selectors import link_density, outermost, short_enough
from .base import Hit, LabelRule

TOC_TOKEN: Final = re.compile(r"^(?:toc|toc-.*|.*-toc|ez-toc.*|lwptoc.*|(?:.*-)?table-of-contents.*)$")
MAX_TOC_WORDS: Final = 400
MIN_LINK_DENSITY: Final = 0.5
HEADING_TAGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class NavigationTableOfContents(LabelRule):
    """Tables of contents.

    Removes:
        In HTML, an element whose class/id names a table of contents (``toc``,
        ``article-toc``, ``ez-toc-container``, ``table-of-contents``, ``lwptoc``) when it is
        mostly links (at least half of its text) and at most 400 words. In any input, a
        block of at most 6 words that is a table-of-contents heading ("Table of Contents",
        "On this page", "Inhaltsverzeichnis", "Sommaire", "Índice", "Содержание").

    Why:
        A table of contents repeats the headings of the page as links; in the text output
        the headings are already there, so the list only doubles them.

    Example:
        "Table of Contents\\nWhy it matters\\nThe talks resumed.\\n" -> "Why it
        matters\\nThe talks resumed.\\n" (the heading; in HTML the whole link list goes)

    Keeps:
        A heading that goes on ("Contents of the 1852 time capsule"), and an element marked
        ``toc`` that holds prose rather than links. Headings whose markup mentions the table
        of contents are the page's own headings: ``hide-from-toc`` (Google's devsite) or a
        ``toc-backref`` link inside the heading (Sphinx, docutils). Removing them cost 11
        headings on one documentation page and 33 on another in WCXB dev.
    """

    code: ClassVar[str] = "NAV04"
    name: ClassVar[str] = "navigation.table_of_contents"
    topic: ClassVar[str] = "toc_labels"
    max_words: ClassVar[int] = 6
    label: ClassVar[str] = "table-of-contents heading"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        found = [
            el
            for el, tokens in doc.page_index.tokens_with("toc", "table-of-contents")  # in every TOC_TOKEN
            if any(TOC_TOKEN.match(t) for t in tokens)
            and short_enough(el, MAX_TOC_WORDS)
            and not _in_heading(el)
        ]
        for el in outermost(found):
            if link_density(el) >= MIN_LINK_DENSITY:
                yield Hit(el, "element marked as a table of contents, mostly links")


def _in_heading(el: HtmlElement) -> bool:
    """Is ``el`` a heading (h1-h6) or a link inside one? (A whole table of contents may sit
    in a heading when the markup is broken, so containers inside headings still count.)"""
    if el.tag in HEADING_TAGS:
        return True
    return el.tag == "a" and any(a.tag in HEADING_TAGS for a in el.iterancestors())
