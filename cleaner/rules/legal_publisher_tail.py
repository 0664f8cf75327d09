"""The publisher's self-description and legal warnings after the end of the article."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from typing import ClassVar, Final

from .. import phrases
from ..document import Block, Document, Kind
from ..textutil import word_count
from .base import Hit, Removal, Rule

QUOTED: Final = re.compile(r"“[^“”]*”|\"[^\"]*\"|«[^«»]*»|„[^„“”]*[“”]|‘[^‘’]*’")  # no opener inside: linear
TOKEN: Final = re.compile(r"\w+")
MAX_ORPHAN_WORDS: Final = 30
MAX_TAIL_SHARE: Final = 0.35
MAX_BODY_VOICE_SHARE: Final = 0.15


class LegalPublisherTail(Rule):
    """The publisher's self-description and legal warnings after the end of the article.

    Removes:
        The trailing run of blocks at the end of the page where each block is already
        removed, or speaks in the publisher's first-person plural outside quotes ("We
        provide...", "sharing our content"), or is a short block (at most 30 words) right
        after such a block. It fires only when the run holds such a voiced block — in HTML,
        after main-content extraction, also with a block another rule removed before it (an
        image placeholder, a share bar: the article has ended) — when the run is at most 35%
        of the page, and when the body before it rarely
        uses that voice (in under 15% of its blocks) — the voice changes where the article
        ends.

    Why:
        Publishers append a standing blurb about themselves and legal warnings to every
        article; their wording differs by site, but the shift from reported third-person
        text to "we/our/us" at the very end is a signal in every language.

    Example:
        "Body one.\\nBody two.\\nBody three.\\nWe report the news in 20 languages.\\n
        Our content may not be shared.\\n" -> "Body one.\\n\\nBody two.\\n\\nBody three.\\n"

    Keeps:
        A review or column written in "we" throughout (the voice does not change at the
        end), quoted speech ('"We will resist," he said.'), a short credit line right after
        the last body paragraph ("With reporting by ..."), and a company page's closing
        "we can help" paragraphs in extracted HTML when nothing removed separates them from
        the body.
    """

    code: ClassVar[str] = "LEG03"
    name: ClassVar[str] = "legal.publisher_tail"
    context: ClassVar[bool] = True

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        pronouns = phrases.load("publisher_voice", doc.langs)
        blocks = doc.blocks

        @cache
        def voiced(i: int) -> bool:  # asked for the tail and, rarely, the body: not every block
            return _voiced(blocks[i], pronouns)

        start = _tail_start(blocks, voiced, removed)
        tail = range(start, len(blocks))
        first_voiced = next((i for i in tail if voiced(i)), None)
        if first_voiced is None or len(tail) > MAX_TAIL_SHARE * len(blocks):
            return
        if doc.kind is Kind.HTML and not any(i in removed for i in range(start, first_voiced)):
            return  # extracted HTML: nothing marks the end of the article before the voice changes
        body = [i for i in range(start) if i not in removed]
        if body and sum(voiced(i) for i in body) >= MAX_BODY_VOICE_SHARE * len(body):
            return
        for i in tail:
            if i not in removed:
                yield Hit(
                    i, "publisher voice at the end" if voiced(i) else "short line inside the publisher tail"
                )


def _voiced(block: Block, pronouns: frozenset[str]) -> bool:
    """First-person plural outside quotes (all-caps tokens like 'US' do not count)."""
    unquoted = QUOTED.sub(" ", block.text)
    return any(
        tok.casefold() in pronouns and not (tok.isupper() and len(tok) > 1) for tok in TOKEN.findall(unquoted)
    )


def _tail_start(
    blocks: Sequence[Block], voiced: Callable[[int], bool], removed: Mapping[int, Removal]
) -> int:
    """Walk back from the end while blocks are removed, voiced, or short after a tail block."""
    i = len(blocks)
    while i > 0:
        j = i - 1
        prev_in_tail = j > 0 and (j - 1 in removed or voiced(j - 1))
        short_orphan = word_count(blocks[j].text) <= MAX_ORPHAN_WORDS and prev_in_tail
        if not (j in removed or voiced(j) or short_orphan):
            break
        i = j
    return i
