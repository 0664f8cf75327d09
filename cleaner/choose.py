"""Choose between a page's main-content candidates: trafilatura's and Resiliparse's.

trafilatura (fast mode) is precise on articles but often stops short on pages whose content
is not one run of prose: forum threads, listings, service pages. Resiliparse keeps more of
such pages, and more page chrome elsewhere. When Resiliparse finds no text at all and
trafilatura fewer than ``ALONE_WORDS`` words, the page has no main content (an error page, an
empty listing: what trafilatura found there is a menu or a notice), and the empty Resiliparse
candidate is taken, unless (step 0) the page has ``FOOLED_WORDS`` words or more: then both
extractors missed content that is there (on WCXB dev: markup that nests the whole page in an
unclosed <aside> or <header>, trafilatura's fast mode missing an article its default mode
finds), trafilatura's default mode is tried, and where it too finds fewer than
``ALONE_WORDS``, no candidate is taken and the <body> fallback runs. Step D comes next: when
trafilatura's text is one block holding at least ``DUMP_SHARE`` of the page's words (its last
resort when it finds no content is the text of the whole page run together: menus, teasers
and footer in one paragraph, where no block rule can tell them apart), Resiliparse's text is
taken if it has ``DUMP_KEEP`` of that many words, in lines the block rules can judge.
Step L comes last (:func:`last_resort`, asked by ``api`` wherever trafilatura's fast-mode
text is kept): when that text is one block holding ``LAST_RESORT_SHARE`` of the words of the
page its last resort reads (``extract.last_resort_page``: the <body> after trafilatura's basic
cleaning), it is that last resort, and the page's own blocks are taken instead, with the words
trafilatura joined (text nodes set apart) and without its menus and headers
(``extract.page_in_blocks``), so the block rules judge each line.
Otherwise, in this order:

1. Resiliparse is taken when it holds clearly more words (``MORE_WORDS`` times trafilatura's;
   ``DISCUSSION_MORE_WORDS`` on a forum thread or Q&A page, where trafilatura often keeps
   only the first post) and what it adds beyond trafilatura's text is prose, not link lists
   and menus: at least ``PROSE_SHARE`` of the added words stand in lines of
   ``PROSE_LINE_WORDS`` words or more.
2. When Resiliparse holds somewhat more words (``UNSURE_MORE_WORDS`` times trafilatura's),
   the added words are mostly prose (``MERGE_PROSE_SHARE`` of them in prose lines) and at
   least ``INSIDE_SHARE`` of them lie *inside* trafilatura's text (between the first and the
   last Resiliparse line that trafilatura also has), trafilatura skipped parts of the content
   (headings, lists, boxed paragraphs) rather than Resiliparse adding a header, teasers or
   comments around it: the MERGED candidate is taken (:func:`merged`: Resiliparse's lines
   from the first to the last line it shares with trafilatura, without the short lines
   trafilatura lacks).
   Step 2a comes before steps 1-2 when Resiliparse holds only a few more words
   (``NEAR_MORE_WORDS`` to ``UNSURE_MORE_WORDS`` times trafilatura's): nearly all of them
   prose (``NEAR_PROSE_SHARE``) inside trafilatura's text (``NEAR_INSIDE_SHARE``) are
   paragraphs trafilatura skipped (a note box, a paragraph after a code example), and the
   merge adds only those prose lines (``Choice.prose_only``); not on discussion pages.
3. When Resiliparse holds more words (``UNSURE_MORE_WORDS`` times) and trafilatura's text is
   under ``FRAGMENT_SHARE`` of the words of the page, trafilatura's fast mode probably caught
   a fragment: its default mode (readability and jusText compared, a second run, so only on
   these pages) is tried, and kept if it finds more words (:func:`more_words`).
4. Otherwise trafilatura is kept.

On WCXB dev (1,497 pages, word F1 after the block rules): trafilatura fast mode alone 0.805,
Resiliparse alone 0.786, the better of the two on every page 0.865 (0.873 of these and
trafilatura's default mode). Step 1 alone (3 times, 1.5 on discussion pages) gives 0.8385
(odd ids 0.835, even 0.842; without-rate 0.053) and on the trafilatura eval set snippet F1
0.926 (trafilatura's default mode: 0.921); at 1.5 everywhere the eval set falls to 0.916
(Resiliparse brings comments and teasers to articles). Step 2 (1.2 times, half of the added
words prose and half inside) adds 0.009 (0.8475; odd ids +0.007, even +0.011; without-rate
unchanged; eval set 0.927) on about 125 pages (36 of 990 on the eval set). Taking all of
Resiliparse there instead of the merge gives 0.8468 with without-rate 0.059; a prose share
of 0.3 for the merge, 0.001 more F1 but without-rate 0.054 (shop and sign-up lines). Step 3
(under a tenth of the page) runs the default mode on 23 WCXB pages (1.5%; 10 of 990 on the
eval set) and adds 0.0017 (odd +0.0026, even +0.0009); at 0.15 it runs on 32 pages for
0.0003 more. All steps, ``benchmarks/run.py --extractors cleaner,trafilatura --datasets
wcxb,trafeval``: WCXB 0.849 (odd 0.845, even 0.853; articles 0.947; without-rate 0.052), eval
set 0.928. CPU: the second trafilatura pass costs about 130 ms on each page it runs on, 2 ms
a page on average over WCXB (0.7 on the eval set); the line comparison of steps 1-2 about
0.3 ms. ``FRAGMENT_SHARE = 0`` turns step 3 off. Step 0 runs on 3 WCXB pages (none of the
eval set; the 16 near-empty pages under ``FOOLED_WORDS`` have at most 420 words, the 3 above
1,762 to 2,685: any bar from 500 to 1,700 gives the same) and adds 0.0017 (``benchmarks/run.py
--extractors cleaner,trafilatura --datasets wcxb,trafeval``: WCXB 0.8496 to 0.8513, odd ids
0.8456 to 0.8483, even 0.8536 to 0.8544; articles 0.9472 to 0.9497, collections 0.609 to
0.614; eval set 0.928 unchanged): an article the default mode finds (0 to 0.996), one the
fallback finds (0 to 0.984) and a collection (0 to 0.615, with 2 of its 3 "without" snippets:
without-rate 0.0486 to 0.0491); the second pass costs about 0.5 ms a page on average.
Step D changes 9 WCXB pages (2 of 990 on the eval set), none for the worse: WCXB 0.8560 to
0.8562 (odd ids 0.8523 to 0.8524, even 0.8596 to 0.8600) and the "without" rate 0.0483 to
0.0449 (the dump of the page brought its menu and sign-up lines along), eval set 0.9280 to
0.9281. Any ``DUMP_SHARE`` from 0.40 to 0.61 and ``DUMP_KEEP`` from 0.52 to 0.68 gives the same
pages; a lower ``DUMP_KEEP`` takes Resiliparse on a collection where it holds half the items
(0.98 to 0.68), a lower ``DUMP_SHARE`` on articles where trafilatura's one block is a long
paragraph. The page's words are counted only when trafilatura's text is one block.
Step L changes 15 WCXB pages (2 of 990 on the eval set, snippets unchanged): of the 21 kept
one-block texts of 50 words or more, those with 0.97 to 1.0 of the last resort's words (the
other 6 have 0.11 to 0.897: article paragraphs, a teaser block; any share from 0.90 to 0.96
gives the same pages). WCXB 0.8562 to 0.8569 (odd ids 0.8524 to 0.8526, even 0.8600 to 0.8610;
collections 0.626 to 0.630, listings 0.657 to 0.660, forum 0.777 to 0.779), "without" rate
0.0449 to 0.0416 (4.9 page-units of leaked menu and footer snippets: "Go to Reddit Home",
"Supplier Discovery", "Recipes by Cuisine", "Apple Watch", "Sell on Amazon"), eval set 0.9281
unchanged. 13 pages gain (a forum thread 0.64 to 0.92, listings 0.68 to 0.94, 0.74 to 0.96,
0.78 to 0.94, collections 0.56 to 0.80, 0.79 to 0.99), 2 lose: a schedule whose reference is
its menu of team names (0.73 to 0.12: that list is a <nav>) and a collection by 0.003. The
"with" rate falls 0.7727 to 0.7707: snippets that ran across the parts of a row ("#1 Scream 7
2026 1h 54m R") now stand in lines. Footers in any case (``extract.FOOTERS``) change 3 of the
15 pages, all up (0.87 to 0.99 with 3 "without" snippets fewer, 0.974 to 0.987, 0.796 to
0.799). On these 21 pages (sums of page F1 / of "without" shares, 15.25 / 7.55 before): step L
as is but footers in lower case only 16.09 / 3.35; without the space between text nodes 15.80 /
3.35 ("20261h 54mR": a listing 0.80 to 0.55), and that at ``DUMP_SHARE`` of the page's words
(step D's test) instead of the last resort's, 3 pages fewer (``most_words`` counts hidden
text): 15.20 / 5.85, and that with the menus and headers kept 14.43 / 8.10; the <body> with
chrome and link-dense blocks out (the fallback) 9.74 / 4.33 (listings are links); Resiliparse's
text 7.25 / 3.00; trafilatura's default mode returns the same one block. Cost: about 45 ms on
each page step L takes (the copy of the <body>, its cleaning and segmentation, on pages of 500
to 2,100 words), 0.46 ms a page over WCXB; elsewhere one test for a line break.
Steps D and L tell trafilatura's last resort by different tests because they put different
things in its place. Step D puts Resiliparse's own choice of lines there, so it only needs to
know that the one block is a last resort: half the page's words, the whole page run together
or an <article> run together (trafilatura's last resort takes an <article>'s text where there
is one). Step L puts the whole page's blocks there, so the block must be the whole page: 0.95
of what the last resort reads. Step D with step L's test misses 2 WCXB pages where the block is
an <article> run together (0.975 to 0.939, 0.981 to 0.946); step L with step D's test, 3 pages
(above).
A line is not prose when ``CODE_SYMBOLS`` of its characters are symbols (code, a version
line such as "1.0.0 (const: 1.48.0) · Source", a JSON blob): counted in runs of letters and
digits, a line of code has as many words as a sentence. It changes 3 WCXB pages (1 of 990 on
the eval set): a Rust API reference where the merge brought the code examples its ground
truth leaves out (0.595 to 0.787), a product page (0.593 to 0.830) and a service page whose
merge was carried by a JSON line (0.877 to 0.820): WCXB 0.8562 to 0.8565 (odd ids 0.8524 to
0.8529, even 0.8600 unchanged; documentation 0.928 to 0.930, products 0.669 to 0.671),
without-rate 0.0449 and eval set 0.9281 unchanged. 0.25 changes the same pages, 0.15 one more
each on WCXB (0.923 to 0.934) and the eval set (snippet F1 unchanged).
Step 2a (after the code-line change above) changes 11 WCXB pages, 9 of them up (a Kubernetes
concept page 0.906 to 0.963, a service page 0.849 to 0.916; an article 0.994 to 0.978), none a
discussion page, and 14 of 990 on the eval set (5 more "with" snippets found; "without"
snippets: 3 more on a page whose photo captions the merge adds, 1 more on another, 2 fewer on
two others): WCXB 0.8565 to 0.8567 (odd ids 0.8529 to 0.8531, even 0.8600 to 0.8602; listings
0.657 to 0.658, services 0.818 to 0.819), without-rate 0.0449 unchanged, eval set 0.9281 to
0.9287. Keeping the added short lines (headings) as the step-2 merge does brings call-to-action
lines ("Book your growth session"): without-rate 0.0454; keeping repeated sentences: 0.0451.
``NEAR_MORE_WORDS`` 1.0 (70 pages): without-rate 0.0454 (promotion boxes inside articles), eval
set 0.9289; 1.1: WCXB 0.8566, eval set 0.9284. ``NEAR_PROSE_SHARE`` 0.7 gives the same figures,
0.9 less (0.8566, eval set 0.9285); ``NEAR_INSIDE_SHARE`` 0.9: eval set 0.9284.
Tried and left out (no gain on either half): word overlap between the candidates, the share of
the page text each covers, dropping Resiliparse's short lines that trafilatura lacks when it is
taken whole (step 1), skipping step 2 on product pages (0.0007 less), and running the default
mode on every page where Resiliparse has 1.2 to 3 times trafilatura's words (292 pages: at most
+0.0055 with a perfect choice between the two, for about 10 ms a page). Measured on the
candidates before the block rules and left out too: running the default mode where step 1 takes
Resiliparse on a fragment and keeping it when it has at least 0.5-0.9 times Resiliparse's words
(+0.1 to +0.4 page-F1 points in all, odd ids up, even ids down at every share; 36-42 more
passes); running it where trafilatura is kept but its text is under 5-30% of the page (docs
page 0681 and others gain 0.4-0.9, as many lose 0.5: +1.1 to +1.7 points, on both halves only
from 25%, where it runs on 131 pages, about 11 ms a page; -0.6 to -1.0 on articles); keeping
the merge's lines trafilatura lacks from 1, 2, 4-8 words instead of 3 (within 0.06 points, or
worse). Unwrapping a chrome element that holds most of the body (a misnested parse) before
extracting when Resiliparse finds nothing: +0.41 points on articles, -0.37 on a collection, odd
ids up and even ids down.

Tried and left out (issue 3, documentation lead; the code is in commit 4585c1b): taking the
merge wherever trafilatura found no content container and gathered the page's stray paragraphs
(its "wild text" recovery, which leaves out headings, lists and bare ``<div>`` text; noted by
wrapping ``trafilatura.main_extractor.recover_wild_text``). It runs on 337 WCXB pages (86
articles, 56 collections, 48 service, 46 forum, 45 listing, 44 product, 12 documentation).
Merging wherever Resiliparse has more words: +1.3 page-F1 points, -0.5 on listings and -0.6 on
products (trafilatura's 70-150 words are the page's few sentences), 3.3 more "without" snippets;
from 200 words and 1.15 times the words, not on discussion pages (post dates and user lines):
36 WCXB pages, +2.2 points (odd ids +1.65, even +0.55; documentation +0.25: 0.836 -> 0.942,
0.906 -> 0.970, 0.774 -> 0.823, 0.782 -> 0.814), WCXB 0.8544 -> 0.8559, without-rate +0.0002;
but on the trafilatura set it merges 12 articles, finds one more "with" snippet and 7 more
"without" (teaser lists, info boxes, a newsletter box): snippet F1 0.9275 -> 0.9266. The ratio
of the merge's words to trafilatura's does not tell these apart (0.99-2.3 on the set, 0.99-2.8
on WCXB). Taking all of Resiliparse instead of the merge: less (+1.6 from 100 words).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Final

from .textutil import WORD, words

ALONE_WORDS: Final = 50
"""Without any Resiliparse text, trafilatura's counts as content from this many words."""
MORE_WORDS: Final = 3.0
"""Resiliparse must have more than this many times trafilatura's words..."""
DISCUSSION_MORE_WORDS: Final = 1.5
"""...or this many when comments count as content (discussion pages, see ``page_type``), where
trafilatura often keeps only the first post."""
PROSE_LINE_WORDS: Final = 8
"""A line of at least this many words is prose (a menu entry or a link label is shorter)..."""
CODE_SYMBOLS: Final = 0.2
"""...unless this share of its characters (spaces aside) are neither letters, digits nor "_":
a line of code or a version line, with as many words (runs of letters and digits) as prose."""
PROSE_SHARE: Final = 0.3
"""The share of the words Resiliparse adds that must stand in prose lines."""
UNSURE_MORE_WORDS: Final = 1.2
"""Below ``MORE_WORDS``, from this many times trafilatura's words the merge or trafilatura's
default mode may be taken (steps 2 and 3)."""
MERGE_PROSE_SHARE: Final = 0.5
"""The share of the words Resiliparse adds that must stand in prose lines for the merge
(step 2): at ``PROSE_SHARE`` the merge brings more shop and sign-up lines (see above)."""
INSIDE_SHARE: Final = 0.5
"""The share of the words Resiliparse adds that must lie inside trafilatura's text (step 2)."""
NEAR_MORE_WORDS: Final = 1.05
"""From this many times trafilatura's words up to ``UNSURE_MORE_WORDS``, the prose-only merge
may be taken (step 2a)..."""
NEAR_PROSE_SHARE: Final = 0.8
"""...when this share of the words Resiliparse adds stand in prose lines..."""
NEAR_INSIDE_SHARE: Final = 0.95
"""...and this share lie inside trafilatura's text."""
ANCHOR_WORDS: Final = 3
"""A line shared with trafilatura marks its span from this many words (shorter ones, "Share"
or "Menu", are found anywhere); the merge drops shorter lines that trafilatura lacks."""
FRAGMENT_SHARE: Final = 0.1
"""trafilatura's text under this share of the page's words is possibly a fragment (step 3)."""
DUMP_SHARE: Final = 0.5
"""trafilatura's text in one block with this share of the page's words is the page run
together (step D), not a paragraph."""
DUMP_KEEP: Final = 0.6
"""...and Resiliparse's text replaces it when it has this share of its words."""
LAST_RESORT_SHARE: Final = 0.95
"""trafilatura's text in one block with this share of the words of its last resort's page
(``extract.last_resort_page``) is that last resort: the page run together (step L)."""
FOOLED_WORDS: Final = 1000
"""A page of this many words (``page_words``) on which both candidates are near-empty has
content the extractors missed (step 0), not none: error pages and empty listings have a few
hundred words of menus (at most 420 on WCXB dev)."""


class Source(str, Enum):
    """Where the blocks of a page came from."""

    TRAFILATURA = "trafilatura"
    """trafilatura's fast mode (its default mode when Resiliparse is not installed)."""
    PAGE_BLOCKS = "page-blocks"
    """trafilatura's text was its last resort, the whole page in one block: the page's own
    blocks after its basic cleaning were taken instead (step L, :func:`last_resort`)."""
    RESILIPARSE = "resiliparse"
    MERGED = "merged"
    """Resiliparse's lines within the span of trafilatura's text (:func:`merged`)."""
    TRAFILATURA_DEFAULT = "trafilatura-default"
    """trafilatura's default mode, run when its fast mode found a fragment (step 3)."""
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
    otherwise: Source = Source.TRAFILATURA
    """For TRAFILATURA_DEFAULT: what is kept when the default mode finds too little (see
    :func:`more_words`): trafilatura's fast mode, or BODY (no candidate: the <body> fallback)."""
    prose_only: bool = False
    """For MERGED: of the lines trafilatura lacks, keep only prose (step 2a; see :func:`merged`)."""

    @property
    def least_words(self) -> int:
        """The words trafilatura's default mode must find to be kept: ``ALONE_WORDS`` when
        the alternative is the <body>, which is better than a menu or a notice."""
        return ALONE_WORDS if self.otherwise is Source.BODY else 0


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    words: int
    shared: bool
    """trafilatura's text has this line (casefolded words, across line breaks)."""

    @property
    def anchor(self) -> bool:
        return self.shared and self.words >= ANCHOR_WORDS


SYMBOL: Final = re.compile(r"[^\w]")
"""A character that is not a letter, a digit or ``_`` (``\\w`` is ``str.isalnum()`` or ``_``)."""


def choose(
    trafilatura: str, resiliparse: str, *, comments: bool = False, page_words: Callable[[], int] | None = None
) -> Choice:
    """Which candidate to keep, and why. Both are plain text, one block per line. ``comments``:
    comments count as content (by default on discussion pages only). ``page_words``: the
    number of words on the page, asked for only when it matters (step 3; None skips it).
    TRAFILATURA_DEFAULT means: run trafilatura's default mode and ask :func:`more_words`."""
    t_count = word_count(trafilatura)
    r_count = word_count(resiliparse)
    found = f"Resiliparse {r_count} words, trafilatura {t_count}"
    if r_count == 0 and t_count < ALONE_WORDS:
        if page_words is not None and (words := page_words()) >= FOOLED_WORDS:
            reason = f"{found}, though the page has {words}: both missed its content"
            return Choice(Source.TRAFILATURA_DEFAULT, reason, otherwise=Source.BODY)
        return Choice(Source.RESILIPARSE, f"{found}: no main content")
    if _dump(trafilatura, t_count, r_count, page_words):
        return Choice(Source.RESILIPARSE, f"{found}: trafilatura's is the page's text in one block")
    if r_count <= NEAR_MORE_WORDS * t_count:
        return Choice(Source.TRAFILATURA, f"{found}: not {NEAR_MORE_WORDS:g} times as many")
    lines = _lines(trafilatura, resiliparse)
    if r_count <= UNSURE_MORE_WORDS * t_count:
        return _near(lines, found, comments)
    prose = _prose_share(lines)
    more = DISCUSSION_MORE_WORDS if comments else MORE_WORDS
    if r_count > more * t_count and prose >= PROSE_SHARE:
        return Choice(Source.RESILIPARSE, f"{found}; {prose:.0%} of its extra words are prose")
    inside = _inside_share(lines)
    if prose >= MERGE_PROSE_SHARE and inside >= INSIDE_SHARE:
        return Choice(
            Source.MERGED, f"{found}; {prose:.0%} of its extra words are prose, {inside:.0%} inside"
        )
    if page_words is not None and t_count < FRAGMENT_SHARE * (words := page_words()):
        return Choice(Source.TRAFILATURA_DEFAULT, f"{found}, trafilatura's a fragment of the page's {words}")
    return Choice(
        Source.TRAFILATURA, f"{found}, but only {prose:.0%} of its extra words are prose, {inside:.0%} inside"
    )


def _near(lines: list[_Line], found: str, comments: bool) -> Choice:
    """Step 2a: Resiliparse has a few more words than trafilatura; the prose-only merge when
    nearly all of them are prose inside trafilatura's text (paragraphs it skipped), not on a
    discussion page (``comments``), where such lines are post headers ("by kai » 7 May 2024,
    20:17")."""
    prose, inside = _prose_share(lines), _inside_share(lines)
    if not comments and prose >= NEAR_PROSE_SHARE and inside >= NEAR_INSIDE_SHARE:
        reason = f"{found}; {prose:.0%} of its extra words are prose, {inside:.0%} inside"
        return Choice(Source.MERGED, reason, prose_only=True)
    return Choice(Source.TRAFILATURA, f"{found}: not {UNSURE_MORE_WORDS:g} times as many")


def _dump(trafilatura: str, t_count: int, r_count: int, page_words: Callable[[], int] | None) -> bool:
    """Step D: trafilatura's text is one block holding ``DUMP_SHARE`` of the page's words (its
    last resort when it finds no content: the text of the whole page, run together), and
    Resiliparse found at least ``DUMP_KEEP`` of that many words in lines of their own."""
    if page_words is None or t_count < ALONE_WORDS or r_count < DUMP_KEEP * t_count:
        return False
    if "\n" in trafilatura.strip():
        return False
    return t_count >= DUMP_SHARE * page_words()


def last_resort(trafilatura: str, page_text: Callable[[], str]) -> bool:
    """Step L: trafilatura's text is its last resort, the text of the whole page run together
    in one block: at least ``ALONE_WORDS`` words in one block, ``LAST_RESORT_SHARE`` of the
    words of ``page_text()``, the text that last resort is made of (asked for only when the
    text is one block)."""
    if "\n" in trafilatura.strip() or (found := word_count(trafilatura)) < ALONE_WORDS:
        return False
    return found >= LAST_RESORT_SHARE * word_count(page_text())


def more_words(default: str, trafilatura: str, least: int = 0) -> bool:
    """Whether trafilatura's default mode found more words than its fast mode (steps 0 and
    3), and at least ``least`` (``Choice.least_words``)."""
    found = word_count(default)
    return found > word_count(trafilatura) and found >= least


def merged(trafilatura: str, resiliparse: str, *, prose_only: bool = False) -> str:
    """Resiliparse's lines from the first to the last one trafilatura also has (of
    ``ANCHOR_WORDS`` words or more), without the lines shorter than that which trafilatura
    lacks: trafilatura's text with what it skipped inside it. All of Resiliparse's text if
    they share no such line. ``prose_only`` (step 2a): of the lines trafilatura lacks, only
    prose lines (:func:`_prose`) that Resiliparse has once (a repeated sentence is a box's:
    "Buy now from one of our trusted retail partners:" under each product)."""
    lines = _lines(trafilatura, resiliparse)
    anchors = [i for i, line in enumerate(lines) if line.anchor]
    if not anchors:
        return resiliparse
    span = lines[anchors[0] : anchors[-1] + 1]
    if not prose_only:
        return "\n".join(line.text for line in span if line.shared or line.words >= ANCHOR_WORDS)
    seen = Counter(_key(line.text) for line in lines)
    kept = (line for line in span if line.shared or (_prose(line) and seen[_key(line.text)] == 1))
    return "\n".join(line.text for line in kept)


def word_count(text: str) -> int:
    """The words of ``text`` as ``choose`` counts them."""
    return len(WORD.findall(text))  # not textutil.word_count: its cache would pin whole page texts


def _key(text: str) -> str:
    """Casefolded words joined by single spaces: text compared across line breaks and markup."""
    return " ".join(words(text))


def _lines(trafilatura: str, resiliparse: str) -> list[_Line]:
    """Resiliparse's non-blank lines, each marked whether trafilatura's text has it."""
    base = _key(trafilatura)
    found = []
    for text in resiliparse.splitlines():
        key = _key(text)
        if key:
            found.append(_Line(text, key.count(" ") + 1, key in base))
    return found


def _prose_share(lines: list[_Line]) -> float:
    """The share of the words in lines trafilatura lacks that stand in prose lines."""
    added = [line.words for line in lines if not line.shared]
    prose = sum(line.words for line in lines if not line.shared and _prose(line))
    return prose / sum(added) if added else 0.0


def _prose(line: _Line) -> bool:
    """A line of ``PROSE_LINE_WORDS`` words or more, not code (``CODE_SYMBOLS``)."""
    if line.words < PROSE_LINE_WORDS:
        return False
    chars = "".join(line.text.split())
    return len(SYMBOL.findall(chars)) < CODE_SYMBOLS * len(chars)


def _inside_share(lines: list[_Line]) -> float:
    """The share of the words in lines trafilatura lacks that lie between the first and the
    last line it has (of ``ANCHOR_WORDS`` words or more)."""
    anchors = [i for i, line in enumerate(lines) if line.anchor]
    added = sum(line.words for line in lines if not line.shared)
    if not anchors or not added:
        return 0.0
    inside = sum(line.words for line in lines[anchors[0] : anchors[-1]] if not line.shared)
    return inside / added
