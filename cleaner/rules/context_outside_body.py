"""Page chrome of a text dump lying outside its densest run of body text.

Measured on all 1497 WCXB dev pages, word F1 of the text path (WCXB dumps; articles in
brackets): a removed block costing 25 -> 100 took 0.786 (0.899) -> 0.788 (0.905), and
comment stamps costing 25 took it on to 0.789 (0.908); every dump style of
``benchmarks/dump_styles.py`` and both halves (odd/even ids) gained. Costlier stamps (50)
were no better; the forum pages lose 0.005 (a stamp also heads a forum post). Constants
that did not help when varied (before): CHROME_PENALTY 3 -> 4, OTHER_REGION_SHARE 0.25 -> 0.35/0.5,
MARGIN_BLOCKS 2 -> 1; nor did a wall at gaps costing 50-100, costlier long runs of short
lines, costlier lines repeated on the page, or splitting the main region at its costliest gap.
With FRM01 (forum post meta) the forum dumps fell to 0.711: its poster statistics stood
between the posts as 100-point borders. Counted as in-body furniture (like captions, 3) they
give forum 0.711 -> 0.721 and all pages 0.7883 -> 0.7891 (odd 0.7923 -> 0.7927, even 0.7845
-> 0.7856), forum +0.010 to +0.012 on every dump style, no other page type changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import ClassVar, Final

from .. import phrases
from ..document import Block, Document, Kind
from ..textutil import WORD, PhraseSet, word_count
from .base import Hit, Removal, Rule

SENTENCE_END: Final = re.compile(r"[.!?:;…\"”»)。！？」』।؟]$")
PARAGRAPH_WORDS: Final = 15
SHORT_WORDS: Final = 6
MAX_PARAGRAPH_SCORE: Final = 80
CHROME_PENALTY: Final = 3.0
MARGIN_BLOCKS: Final = 2
HEADLINE_REACH: Final = 6
HEADLINE_WORDS: Final = (4, 25)
REMOVED_PENALTY: Final = 100.0
STAMP_PENALTY: Final = 25.0
STAMP_WORDS: Final = 12
TIME_OF_DAY: Final = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b", re.I)
YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
OTHER_REGION_SHARE: Final = 0.25
IN_BODY_GROUPS: Final = frozenset({"caption", "media", "forum"})


class ContextOutsideBody(Rule):
    """Page chrome of a text dump lying outside its densest run of body text.

    Removes:
        In a text dump, the blocks outside its body regions. The main region is the contiguous
        run of blocks with the highest score, where a paragraph (15+ words ending with a
        sentence mark) scores its word count (capped at 80), a short block (under 6 words)
        costs 3, any other block 1.5 (a teaser title or an image's alt text is long but ends
        no sentence), a block other rules removed costs 100 (a share bar, a comment form, a
        copyright line: the run stops at such furniture), or 3 if it was a caption, a
        player or a forum post's meta line (poster statistics), which sit inside bodies. The
        stamp over a comment or a post costs 25: a short line (at most 12 words) with a year
        and a time of day ("July 14, 2015 at 3:53 pm"), or one that ends with a verb of saying
        ("Sharon says:"); a comment thread is a run of paragraphs cut by such stamps, so it
        does not join the article above it.
        Other runs that score at least a quarter of the main one are body regions too (the
        sections of a listing, a product or a service page). Up to two sentence-length lines
        right outside a region stay (a closing quote, a credit line), and so do the headline
        and standfirst: title-like lines (4-25 words, no closing period, not mostly numbers,
        not inside a menu) among the six lines before it.

    Why:
        A flattened page starts with menus and ends with footers: runs of short lines far
        from the article's paragraphs. Position relative to the densest run of text is a
        signal in every language and every dump style.

    Example:
        "Home\\nNews\\nSport\\n<three long paragraphs>\\nContact\\nJobs\\n" -> the three paragraphs

    Keeps:
        Headings, captions and short lines between body paragraphs (inside the region), and
        any dump without two paragraph-like blocks. HTML is left to main-content extraction.
    """

    code: ClassVar[str] = "CTX01"
    name: ClassVar[str] = "context.outside_body"
    context: ClassVar[bool] = True

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        blocks = doc.blocks
        if doc.kind is not Kind.TEXT:
            return
        scores = _scores(blocks, removed, phrases.load("comment_stamps", doc.langs))
        if sum(s >= PARAGRAPH_WORDS for s in scores) < 2:
            return
        start, end = _densest_run(scores)
        best = sum(scores[start : end + 1])
        regions = [
            (start, end),
            *_other_regions(scores, 0, start, best),
            *_other_regions(scores, end + 1, len(scores), best),
        ]
        keep: set[int] = set()
        for first, last in regions:
            keep.update(range(first, last + 1))
            keep |= _margin(blocks, range(first - 1, -1, -1)) | _margin(blocks, range(last + 1, len(blocks)))
            keep |= _headline_and_standfirst(blocks, first, removed)
        for i in range(len(blocks)):
            if i in removed or i in keep:
                continue
            where = "before" if i < start else "after" if i > end else "between"
            yield Hit(i, f"{where} the body region{'s' if len(regions) > 1 else ''}")


def _scores(blocks: Sequence[Block], removed: Mapping[int, Removal], says: PhraseSet) -> list[float]:
    return [_removed_score(removed[i]) if i in removed else _score(b, says) for i, b in enumerate(blocks)]


def _removed_score(removal: Removal) -> float:
    """Page furniture another rule found (share bar, comment form, legal line) is a border;
    a caption, a player or the poster statistics between a thread's posts are not."""
    return -CHROME_PENALTY if removal.name.split(".")[0] in IN_BODY_GROUPS else -REMOVED_PENALTY


def _score(block: Block, says: PhraseSet) -> float:
    words = word_count(block.text)
    if words <= STAMP_WORDS and _stamp(block, says):
        return -STAMP_PENALTY
    if words >= PARAGRAPH_WORDS and SENTENCE_END.search(block.text):
        return float(min(words, MAX_PARAGRAPH_SCORE))
    return -CHROME_PENALTY if words < SHORT_WORDS else -CHROME_PENALTY / 2


def _stamp(block: Block, says: PhraseSet) -> bool:
    """The header of a comment or a post: a date with a time of day, or "<name> says:"."""
    text = block.text
    if TIME_OF_DAY.search(text) and YEAR.search(text):
        return True
    return block.key.rsplit(" ", 1)[-1] in says


def _margin(blocks: Sequence[Block], outward: range) -> set[int]:
    """Up to MARGIN_BLOCKS lines of sentence length right outside the region (a closing
    quote, a credit line) stay with it."""
    kept: set[int] = set()
    for i in outward[:MARGIN_BLOCKS]:
        if word_count(blocks[i].text) < SHORT_WORDS:
            break
        kept.add(i)
    return kept


def _headline_and_standfirst(blocks: Sequence[Block], start: int, removed: Mapping[int, Removal]) -> set[int]:
    """Title-like lines shortly before the body (headline, kicker, standfirst) that are not
    inside a menu or list, and the sentence-length lines between them and the body."""
    before = [i for i in range(start - 1, -1, -1) if i not in removed][:HEADLINE_REACH]
    heads = [i for i in before if _title_like(blocks[i].text) and not _inside_list(blocks, i)]
    if not heads:
        return set()
    first = min(heads)
    return set(heads) | {j for j in before if j > first and word_count(blocks[j].text) >= SHORT_WORDS}


def _inside_list(blocks: Sequence[Block], i: int) -> bool:
    """Glued to the lines above and below it, as the entries of a menu are in a dump."""
    return not blocks[i].gap_before and i + 1 < len(blocks) and not blocks[i + 1].gap_before


def _title_like(text: str) -> bool:
    """4-25 words, no closing sentence mark, mostly not numbers (a dateline is no title)."""
    tokens = WORD.findall(text)
    digits = sum(t.isdigit() for t in tokens)
    return (
        HEADLINE_WORDS[0] <= len(tokens) <= HEADLINE_WORDS[1]
        and digits * 3 < len(tokens)
        and not (text.endswith((".", "!", "?")))
    )


def _other_regions(scores: Sequence[float], lo: int, hi: int, best: float) -> list[tuple[int, int]]:
    """The densest runs of scores[lo:hi] that reach OTHER_REGION_SHARE of the best one, recursively
    on both sides of each (a listing or a product page spreads its text over several sections)."""
    if hi - lo < 2:
        return []
    a, b = _densest_run(scores[lo:hi])
    a, b = a + lo, b + lo
    if sum(scores[a : b + 1]) < OTHER_REGION_SHARE * best:
        return []
    return [(a, b), *_other_regions(scores, lo, a, best), *_other_regions(scores, b + 1, hi, best)]


def _densest_run(scores: Sequence[float]) -> tuple[int, int]:
    """Indexes (first, last) of the contiguous run with the largest sum (Kadane)."""
    best_start, best_end, best = 0, 0, float("-inf")
    run_start, run = 0, 0.0
    for i, value in enumerate(scores):
        if run <= 0:
            run_start, run = i, value
        else:
            run += value
        if run > best:
            best_start, best_end, best = run_start, i, run
    return best_start, best_end
