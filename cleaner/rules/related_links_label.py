"""Related-content headings and teaser lines ("You might also like", "Related: <title>")."""

from __future__ import annotations

from typing import ClassVar, Final

from ..document import Block
from ..textutil import PhraseSet
from .base import LabelRule

PREFIX_MARK: Final = ":"


class RelatedLinksLabel(LabelRule):
    """Related-content headings and teaser lines.

    Removes:
        A block of at most 12 words that is the heading of a related-content box ("Related
        articles", "You might also like", "Recommended for you", "People who viewed this
        item also viewed", "Das könnte Sie auch interessieren", "À lire aussi", "Читайте
        также"), or a teaser line that starts with a related label and a colon ("Related:
        Tutoring may not improve attendance", "Lesen Sie auch: ...").

    Why:
        Teasers for other pages of the site are inserted into and after articles; their
        headings and one-line links are not part of the article.

    Example:
        "The talks resumed.\\nRelated: Five things to know about the deal\\n" -> "The talks
        resumed.\\n"

    Keeps:
        Sentences that begin with the word ("Related research shows the opposite.") — no
        colon after the label, and longer than a heading.
    """

    code: ClassVar[str] = "REL01"
    name: ClassVar[str] = "related.links_label"
    topic: ClassVar[str] = "related_labels"
    max_words: ClassVar[int] = 12
    label: ClassVar[str] = "related-content label"

    def matches(self, block: Block, found: PhraseSet) -> str | None:
        if block.key in found:
            return block.key
        for phrase in found.ordered:
            if phrase.endswith(PREFIX_MARK) and block.key.startswith(phrase):
                return phrase
        return None
