"""Text helpers shared by the stages and the rules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import Final

WORD: Final = re.compile(r"\w+")
PREFIX_MIN_WORDS: Final = 3
EDGE_PUNCT: Final = re.compile(r"^[\W_]+|[\W_]+$")
"""What ``strip_edges`` drops (it does not use the regex)."""
NOTHING: Final = "(?!)"
"""A pattern that matches nowhere."""


class PhraseSet(frozenset[str]):
    """A frozen set of phrases that also iterates in a fixed order (longest first), so that
    the phrase a match reports does not depend on hash randomisation."""

    ordered: tuple[str, ...]
    prefixes: tuple[str, ...]
    """Phrases of PREFIX_MIN_WORDS or more words, which also match as a prefix."""
    labels: tuple[str, ...]
    """Phrases that end in a colon ("Related:", "Tags:"), longest first: labels of what follows."""

    def __new__(cls, items: Iterable[str] = ()) -> PhraseSet:
        obj = super().__new__(cls, items)
        obj.ordered = tuple(sorted(obj, key=lambda p: (-len(p), p)))
        obj.prefixes = tuple(p for p in obj.ordered if p.count(" ") + 1 >= PREFIX_MIN_WORDS)
        obj.labels = tuple(p for p in obj.ordered if p.endswith(":"))
        return obj

    def __reduce__(self) -> tuple[type[PhraseSet], tuple[tuple[str, ...]]]:
        return (PhraseSet, (self.ordered,))

    @cached_property
    def anywhere(self) -> re.Pattern[str]:
        """Finds any of the phrases, as a substring: one scan of a text instead of a search for
        each phrase (compiled on first use, for the sets ``contains_any`` is asked about)."""
        return re.compile("|".join(map(re.escape, self.ordered)) if self else NOTHING)


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends. (``str.split`` splits at
    exactly the characters the regex ``\\s`` matches, and is four times as fast as it.)"""
    return " ".join(text.split())


def normalise(text: str) -> str:
    """NFKC, casefold, single spaces: the form phrase files are written in."""
    return collapse(unicodedata.normalize("NFKC", text).casefold())


def key(text: str) -> str:
    """Normalised text without leading/trailing punctuation or bullets: for whole-block matches."""
    return strip_edges(normalise(text))


def strip_edges(normal: str) -> str:
    """Drop leading/trailing punctuation, symbols and bullets from normalised text: what
    ``EDGE_PUNCT`` matches (``[\\W_]`` is exactly ``not str.isalnum()``, checked over all of
    Unicode), found from each end. The regex tried every position of the text: 2.9 µs a
    call on the lines of the benchmark outputs, this 0.3."""
    end = len(normal)
    while end and not normal[end - 1].isalnum():
        end -= 1
    start = 0
    while start < end and not normal[start].isalnum():
        start += 1
    return normal[start:end]


def words(text: str) -> list[str]:
    """Lowercase word tokens."""
    return WORD.findall(text.casefold())


@lru_cache(maxsize=1024)
def word_count(text: str) -> int:
    """Cached: every block rule asks it of the same block texts."""
    return len(WORD.findall(text))


def contains_any(text: str, phrases: PhraseSet) -> str | None:
    """The longest phrase in ``phrases`` that occurs in ``text`` as whole words, or None.
    Nearly every text has none of them, which ``PhraseSet.anywhere`` tells in one scan: all
    calls of a page take 0.34 ms on the trafilatura set (0.77 on WCXB) with that test first,
    0.55 (0.85) with a search per phrase only (timed in both orders)."""
    if phrases.anywhere.search(text) is None:
        return None
    for phrase in phrases.ordered:
        start = text.find(phrase)
        while start != -1:
            end = start + len(phrase)
            if (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            ):
                return phrase
            start = text.find(phrase, start + 1)
    return None


def match_phrase(text_key: str, phrases: PhraseSet) -> str | None:
    """Whole-block match of a ``key()``-normalised text; phrases of at least
    PREFIX_MIN_WORDS words also match as a prefix (long UI sentences get extended)."""
    if text_key in phrases:
        return text_key
    if not text_key.startswith(phrases.prefixes):  # one C-level test for the common miss
        return None
    return next(p for p in phrases.prefixes if text_key.startswith(p))


def starts_with_phrase(text: str, phrases: PhraseSet) -> str | None:
    """The longest phrase that ``text`` (normalised) starts with, followed by a word boundary."""
    if not text.startswith(phrases.ordered):
        return None
    for phrase in phrases.ordered:
        end = len(phrase)
        if text.startswith(phrase) and (end == len(text) or not text[end].isalnum()):
            return phrase
    return None
