"""Lines of a text dump that repeat a line kept earlier on the page."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from ..document import Document, Kind
from .base import Hit, Removal, Rule


class ContextRepeatedLine(Rule):
    """Lines of a text dump that repeat a line kept earlier on the page.

    Removes:
        In a text dump, a line whose text (normalised, edge punctuation ignored) equals a line
        that is still kept above it, anywhere on the page: the teaser title written twice (its
        image's alt text and its link), the menu repeated in the footer, "Reply" under every
        comment, the headline repeated in a breadcrumb or a share bar. The first copy stays.

    Why:
        A page says its body once. What a flattened page says twice is furniture that the
        template repeats (cards, menus, per-post buttons); keeping the first copy loses no
        words of the body, and only the repeat is dropped.

    Example:
        "Best quilts of 2026\\nBest quilts of 2026\\nFrom the Pacific coast to Arizona, we tested..."
        -> "Best quilts of 2026\\nFrom the Pacific coast to Arizona, we tested..."

    Keeps:
        The first copy of each line; lines that other rules removed do not count as copies
        (a caption dropped above does not take the paragraph it repeats). HTML is left alone:
        main-content extraction already keeps one copy of the body.
    """

    code: ClassVar[str] = "CTX02"
    name: ClassVar[str] = "context.repeated_line"
    context: ClassVar[bool] = True

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        if doc.kind is not Kind.TEXT:
            return
        seen: set[str] = set()
        for i, block in enumerate(doc.blocks):
            if i in removed or not block.key:
                continue
            if block.key in seen:
                yield Hit(i, "repeats a line kept above")
            else:
                seen.add(block.key)
