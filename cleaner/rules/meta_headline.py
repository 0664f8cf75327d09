"""The page's headline repeated as the first line of the body (HTML)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from ..document import Document, Kind
from ..textutil import words
from ..title import strip_site_name
from .base import Hit, Removal, Rule


class MetaHeadline(Rule):
    """The page's headline repeated as the first line of the body (HTML).

    Removes:
        In an HTML page, the first kept block when its words are exactly those of the page
        title (``og:title``, else ``<title>``, else the first ``<h1>``), also once a trailing
        " | Site name" is dropped from the title. Only when a kept block follows it.

    Why:
        ``Result.title`` carries the headline (design note 3): most ground truths start
        below it and trafilatura drops it, but extraction keeps the ``<h1>`` when it sits in
        the article element, or Resiliparse's text starts with it. Measured on all 1497 WCXB
        dev pages (outputs of main at b088848): word F1 0.8496 -> 0.8501 (odd 0.8456 ->
        0.8461, even 0.8536 -> 0.8540), without-snippet rate 0.0486 -> 0.0482; 324 blocks
        removed, 48 of them a line of the ground truth (which starts with the headline). On
        the trafilatura evaluation set (225 removals) snippet F1 0.9279 -> 0.9275: some of
        its ``with`` snippets are headlines. Comparing with the title as given only (no site
        name dropped, sample of the same outputs) gained less (F1 0.8500, without 0.0484);
        looking for it among the first three kept blocks instead of the first, no more.

    Example:
        "<title>Tiny houses | Example</title> ... <h1>Tiny houses</h1><p>A smaller house
        costs less.</p>" -> "A smaller house costs less.\\n"

    Keeps:
        The headline in a text dump (CTX01 keeps it there: a dump has no other title), a
        heading further down that repeats the title, a first line that only starts with the
        title's words, and a page whose only line is the headline.
    """

    code: ClassVar[str] = "TTL01"
    name: ClassVar[str] = "meta.headline"
    context: ClassVar[bool] = True

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        if doc.kind is not Kind.HTML or not doc.title:
            return
        titles = {tuple(words(doc.title)), tuple(words(strip_site_name(doc.title)))} - {()}
        kept = (i for i in range(len(doc.blocks)) if i not in removed)
        first = next(kept, None)
        if first is None or tuple(words(doc.blocks[first].text)) not in titles:
            return
        if next(kept, None) is not None:
            yield Hit(first, "the page title repeated above the body")
