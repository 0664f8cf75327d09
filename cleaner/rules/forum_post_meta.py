"""Forum post furniture: poster statistics, "Click to expand..." and mobile-app signatures."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from .. import phrases
from ..document import Block, Document
from ..textutil import PhraseSet, starts_with_phrase, word_count
from .base import CODE_BLOCK_TAGS, Hit, Removal, Rule

MAX_META_WORDS: Final = 8
"""A statistic ("Joined: Wed Feb 04, 2015 6:38 pm") or a label is this short."""
MAX_VALUE_WORDS: Final = 4
"""A statistic's value on a line of its own ("12,880", "Feb 19, 2009") is this short."""
MAX_SIGNATURE_WORDS: Final = 14
"""A signature line ("Sent from my SM-S908U using Tapatalk") is this short."""


class ForumPostMeta(Rule):
    """Forum post furniture.

    Removes:
        A block of at most 8 words that is a poster statistic: a label of the topic
        ``forum_post_meta`` ending in a colon ("Posts:", "Join Date:", "Joined:",
        "Reputation:", "Beiträge:", "Сообщений:") followed by a value with a digit (a
        count or a date), also when label and value are two blocks (XenForo's ``dt``/``dd``
        pairs: "Joined" then "Nov 3, 2021"); or that is a whole label of that topic ("Click to expand...",
        "Registered User", "Zum Erweitern anklicken..."). And a block of at most 14 words
        that starts with a mobile-app signature ("Sent from my iPhone using Tapatalk",
        "Gesendet von meinem ...", topic ``mobile_signatures``).

    Why:
        Forum software (phpBB, vBulletin, MyBB, XenForo) prints the poster's statistics
        beside every post and a "Click to expand..." link under every long quote, and apps
        append their signature to the post; extraction keeps them as lines of their own, once
        per post. On WCXB dev the rule removed 246 such lines on 24 pages, none of them in the
        ground truth.

    Example:
        "Posts: 116\\nThreads: 23\\nJoined: Feb 2019\\nThe pump failed after a week.\\n" ->
        "The pump failed after a week.\\n"

    Keeps:
        Sentences that start like a label ("Posts: the new series starts in May" has no
        number after the label), statistics inside a longer line, and the post text.
    """

    code: ClassVar[str] = "FRM01"
    name: ClassVar[str] = "forum.post_meta"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        found = phrases.load("forum_post_meta", doc.langs)
        signatures = phrases.load("mobile_signatures", doc.langs)
        stats = tuple(p for p in found.ordered if p.endswith(":"))
        bare = frozenset(p[:-1].rstrip() for p in stats)
        blocks = doc.blocks
        first = stats + signatures.ordered
        for i, block in enumerate(blocks):
            key = block.key
            if not (key in found or key in bare or block.normal.startswith(first) or key.startswith(first)):
                continue  # the common miss, in C-level tests
            if block.tag in CODE_BLOCK_TAGS:
                continue
            if block.key in bare and i + 1 < len(blocks) and _value(blocks[i + 1]):
                yield Hit(i, f"poster statistic {block.key!r}")
                yield Hit(i + 1, f"value of poster statistic {block.key!r}")
                continue
            words = word_count(block.text)
            if words <= MAX_META_WORDS:
                reason = _meta(block, found, stats)
                if reason:
                    yield Hit(i, reason)
                    continue
            if words <= MAX_SIGNATURE_WORDS:
                phrase = starts_with_phrase(block.key, signatures)
                if phrase:
                    yield Hit(i, f"mobile-app signature {phrase!r}")


def _value(block: Block) -> bool:
    """Is ``block`` a statistic's value alone: a few words with a digit?"""
    return word_count(block.text) <= MAX_VALUE_WORDS and any(c.isdigit() for c in block.text)


def _meta(block: Block, found: PhraseSet, stats: tuple[str, ...]) -> str | None:
    """Why ``block`` is a poster statistic or a forum label, or None."""
    if block.key in found:
        return f"forum label {block.key!r}"
    if not block.normal.startswith(stats):
        return None
    for label in stats:
        if block.normal.startswith(label) and any(c.isdigit() for c in block.normal[len(label) :]):
            return f"poster statistic {label!r}"
    return None
