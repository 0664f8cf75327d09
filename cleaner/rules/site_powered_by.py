"""Site-software and design credits ("Proudly powered by WordPress")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from .. import phrases
from ..document import Document
from ..textutil import starts_with_phrase, word_count
from .base import Hit, Removal, Rule

MAX_WORDS: Final = 10


class SitePoweredBy(Rule):
    """Site-software and design credits.

    Removes:
        A block of at most 10 words that starts with a software or design credit ("Proudly
        powered by WordPress", "Powered by Verbosa & WordPress.", "Website Design by ...",
        "Fièrement propulsé par WordPress", "Mit Stolz präsentiert von WordPress").

    Why:
        Theme footers credit the software that made the site; they never belong to a page's
        content.

    Example:
        "Text.\\nProudly powered by WordPress\\n" -> "Text.\\n"

    Keeps:
        Longer sentences that start the same way ("Powered by a new battery, the car now
        covers 600 kilometres on one charge, the company said.").
    """

    code: ClassVar[str] = "CMS01"
    name: ClassVar[str] = "site.powered_by"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        credits = phrases.load("powered_by", doc.langs)
        for i, block in enumerate(doc.blocks):
            if word_count(block.text) <= MAX_WORDS:
                phrase = starts_with_phrase(block.key, credits)
                if phrase:
                    yield Hit(i, f"site credit {phrase!r}")
