"""Copyright and "All rights reserved" lines."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from lxml.html import HtmlElement

from .. import phrases
from ..document import Document
from ..selectors import outermost, short_enough
from ..textutil import contains_any, word_count
from .base import Hit, Removal, Rule

COPYRIGHT_MARK: Final = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})", re.IGNORECASE)
MAX_WORDS: Final = 40
MAX_SHORT_WORDS: Final = 12
LEAD_CHARS: Final = 3


class LegalCopyright(Rule):
    """Copyright and "All rights reserved" lines.

    Removes:
        A block of at most 40 words that opens with a copyright mark ("©", "(c) 2024",
        "Copyright 2024") or ends with a rights-reserved phrase ("All rights reserved",
        "Alle Rechte vorbehalten", "Все права защищены"), or a block of at most 12 words with a
        mark anywhere ("Photo: AFP ©"); in HTML, a short element whose class/id says
        ``copyright``.

    Why:
        Copyright lines belong to the page footer or to a picture credit, never to the
        article's own text.

    Example:
        "Text.\\n© 2024 Example Media. All rights reserved.\\n" -> "Text.\\n"

    Keeps:
        A paragraph about copyright law ("The court said copyright law does not protect
        facts.") — the word alone, without a mark or year, is not a copyright line; and a
        sentence that mentions the sign and the phrase in its middle ("Lawyers note that the ©
        sign and the words «All rights reserved» are optional in Russia").
    """

    code: ClassVar[str] = "LEG01"
    name: ClassVar[str] = "legal.copyright"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        found = [el for el in doc.page_index.with_token("copyright") if short_enough(el, MAX_WORDS)]
        for el in outermost(found):
            yield Hit(el, "element marked as copyright notice")

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        rights = phrases.load("rights_reserved", doc.langs)
        for i, block in enumerate(doc.blocks):
            if word_count(block.text) > MAX_WORDS:
                continue
            mark = COPYRIGHT_MARK.search(block.text)
            if mark and (mark.start() < LEAD_CHARS or word_count(block.text) <= MAX_SHORT_WORDS):
                yield Hit(i, "copyright mark")
            else:
                phrase = contains_any(block.normal, rights)
                if phrase and block.key.endswith(phrase):
                    yield Hit(i, f"rights phrase {phrase!r}")
