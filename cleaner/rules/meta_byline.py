"""Bylines, datelines and reading times ("Written by Jane Doe", "Updated March 3, 2025", "6 min read")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from .. import phrases
from ..document import Block, Document
from ..textutil import PhraseSet, collapse, starts_with_phrase, word_count
from .base import Hit, Removal, Rule

MAX_WORDS: Final = 14
MAX_DATE_WORDS: Final = 6
MAX_NAME_WORDS: Final = 8
SENTENCE_END: Final = re.compile(r"[.!?]\s+\w")
NOT_LETTERS: Final = re.compile(r"[\W\d_]+")
LABEL_SEPARATOR: Final = " :-–—|"


class MetaByline(Rule):
    """Bylines, datelines and reading times.

    Removes:
        A block of at most 14 words that is only article metadata: a date label followed
        by a date ("Updated August 14, 2025", "Published on: February 14, 2025",
        "Aktualisiert am 3. März 2025", "Mis à jour le 2 mai 2024"); an author label
        followed by a name ("Written by Cassidy Horton", "Posted by David at December 16,
        2025 11:15 AM", "Geschrieben von Anna Weber"); or a reading time ("6 min read",
        "Reading time: 5 minutes", "Lesezeit: 4 Min.", "Время чтения: 3 мин").

    Why:
        The metadata line above or below an article is page furniture; extraction keeps
        it when it sits inside the article element. ``Result.title`` carries the headline,
        and the date and author belong in metadata, not in the body text.

    Example:
        "Updated August 14, 2025\\nThe talks resumed.\\n" -> "The talks resumed.\\n"

    Keeps:
        Sentences that start with the same words ("Updated figures from 2024 show a rise of
        4%.": no date right after the label; "Written by hand in 1846, the letter ...":
        not a name), and bare names ("By Emma Fromberg" in a reading list).
    """

    code: ClassVar[str] = "BYL01"
    name: ClassVar[str] = "meta.byline"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        authors = phrases.load("byline_labels", doc.langs)
        dates = phrases.load("dateline_labels", doc.langs)
        times = phrases.load("read_time_labels", doc.langs)
        for i, block in enumerate(doc.blocks):
            if word_count(block.text) <= MAX_WORDS:
                reason = _metadata(block, authors, dates, times)
                if reason:
                    yield Hit(i, reason)


def _metadata(block: Block, authors: PhraseSet, dates: PhraseSet, times: PhraseSet) -> str | None:
    if any(c.isdigit() for c in block.key) and collapse(NOT_LETTERS.sub(" ", block.key)) in times:
        return "reading time"
    label = starts_with_phrase(block.key, authors)
    if label:
        rest = _after(block, label)
        if rest[:1].isupper() and word_count(rest) <= MAX_NAME_WORDS and not SENTENCE_END.search(rest):
            return f"byline {label!r}"
        return None
    label = starts_with_phrase(block.key, dates)
    if label:
        rest = _after(block, label)
        if any(c.isdigit() for c in rest[:12]) and word_count(rest) <= MAX_DATE_WORDS:
            return f"dateline {label!r}"
    return None


def _after(block: Block, label: str) -> str:
    """The original text after ``label`` (which starts ``block.key``), separators dropped."""
    start = len(block.text) - len(block.text.lstrip(" \t*•·|[(")) + len(label)
    return block.text[start:].lstrip(LABEL_SEPARATOR)
