"""Choose between a page's two main-content candidates: trafilatura's and Resiliparse's.

trafilatura (fast mode) is precise on articles but often stops short on pages whose content
is not one run of prose: forum threads, listings, service pages. Resiliparse keeps more of
such pages, and more page chrome elsewhere. When Resiliparse finds no text at all and
trafilatura fewer than ``ALONE_WORDS`` words, the page has no main content (an error page, an
empty listing: what trafilatura found there is a menu or a notice), and the empty Resiliparse
candidate is taken. Otherwise trafilatura is kept unless Resiliparse

1. holds clearly more words (``MORE_WORDS`` times trafilatura's; ``DISCUSSION_MORE_WORDS`` on a
   forum thread or Q&A page, where trafilatura often keeps only the first post), and
2. what it adds beyond trafilatura's text is prose, not link lists and menus: at least
   ``PROSE_SHARE`` of the added words stand in lines of ``PROSE_LINE_WORDS`` words or more.

On WCXB dev (1,497 pages, word F1 after the block rules): trafilatura fast mode alone 0.792,
Resiliparse alone 0.781, the better candidate on every page 0.861. The word-count test alone
at 1.5 gives 0.834 and the prose test adds 0.0015 on each half (odd and even page ids), but
on the trafilatura eval set that choice falls below trafilatura's default mode (snippet F1
0.916 against 0.918): Resiliparse brings comments and teasers to articles. At 3 times (1.5
on discussion pages) WCXB is at 0.834 (odd ids 0.831, even 0.837) and the eval set at 0.922.
Tried and left out (no gain on either half): word overlap between the candidates, the share
of the page text each covers, and dropping Resiliparse's short lines that trafilatura lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Final

WORD: Final = re.compile(r"\w+")

ALONE_WORDS: Final = 50
"""Without any Resiliparse text, trafilatura's counts as content from this many words."""
MORE_WORDS: Final = 3.0
"""Resiliparse must have more than this many times trafilatura's words..."""
DISCUSSION_MORE_WORDS: Final = 1.5
"""...or this many when comments count as content (discussion pages, see ``page_type``), where
trafilatura often keeps only the first post."""
PROSE_LINE_WORDS: Final = 8
"""A line of at least this many words is prose (a menu entry or a link label is shorter)."""
PROSE_SHARE: Final = 0.3
"""The share of the words Resiliparse adds that must stand in prose lines."""


class Source(str, Enum):
    """Where the blocks of a page came from."""

    TRAFILATURA = "trafilatura"
    RESILIPARSE = "resiliparse"
    POSTS = "posts"
    """The posts of a discussion thread marked up with schema.org (``cleaner.posts``)."""
    BODY = "body"
    """No extraction (off, skipped, or it found nothing): the <body>."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Choice:
    source: Source
    reason: str


def choose(trafilatura: str, resiliparse: str, *, comments: bool = False) -> Choice:
    """Which candidate to keep, and why. Both are plain text, one block per line. ``comments``:
    comments count as content (by default on discussion pages only)."""
    t_count = word_count(trafilatura)
    r_count = word_count(resiliparse)
    found = f"Resiliparse {r_count} words, trafilatura {t_count}"
    if r_count == 0 and t_count < ALONE_WORDS:
        return Choice(Source.RESILIPARSE, f"{found}: no main content")
    more = DISCUSSION_MORE_WORDS if comments else MORE_WORDS
    if r_count <= more * t_count:
        return Choice(Source.TRAFILATURA, f"{found}: not {more:g} times as many")
    share = _prose_share(_key(trafilatura), resiliparse.splitlines())
    if share < PROSE_SHARE:
        return Choice(Source.TRAFILATURA, f"{found}, but only {share:.0%} of its extra words are prose")
    return Choice(Source.RESILIPARSE, f"{found}; {share:.0%} of its extra words are prose")


def may_prefer_resiliparse(
    trafilatura_words: int, most_words: Callable[[], int], *, comments: bool = False
) -> bool:
    """Could ``choose`` take Resiliparse's candidate when trafilatura's has ``trafilatura_words``
    words and Resiliparse's can have at most ``most_words()`` (an upper bound, called only when
    needed; words counted as ``choose`` counts them: ``word_count``)? False means Resiliparse
    need not run: its candidate would be turned down."""
    if trafilatura_words < ALONE_WORDS:
        return True
    more = DISCUSSION_MORE_WORDS if comments else MORE_WORDS
    return most_words() > more * trafilatura_words


def word_count(text: str) -> int:
    """The words of ``text`` as ``choose`` counts them."""
    return len(WORD.findall(text))


def _key(text: str) -> str:
    """Casefolded words joined by single spaces: text compared across line breaks and markup."""
    return " ".join(WORD.findall(text.casefold()))


def _prose_share(base: str, lines: list[str]) -> float:
    """The share of the words in ``lines`` missing from ``base`` that stand in prose lines."""
    added = prose = 0
    for line in lines:
        key = _key(line)
        if key and key not in base:
            words = key.count(" ") + 1
            added += words
            prose += words if words >= PROSE_LINE_WORDS else 0
    return prose / added if added else 0.0
