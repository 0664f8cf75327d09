"""Related-content headings and teaser lines ("You might also like", "Related: <title>")."""

from __future__ import annotations

from typing import ClassVar

from .base import ColonLabelRule


class RelatedLinksLabel(ColonLabelRule):
    """Related-content headings and teaser lines.

    Removes:
        A block of at most 12 words that is the heading of a related-content box ("Related
        articles", "You might also like", "Recommended for you", "People who viewed this
        item also viewed", "Das könnte Sie auch interessieren", "À lire aussi", "Читайте
        также"), or a teaser line of at most 20 words that starts with a related label and a
        colon ("Related: Tutoring may not improve attendance", "Lesen Sie auch: ...").

    Why:
        Teasers for other pages of the site are inserted into and after articles; their
        headings and one-line links are not part of the article.

    Example:
        "The talks resumed.\\nRelated: Five things to know about the deal\\n" -> "The talks
        resumed.\\n"

    Keeps:
        Sentences that begin with the word ("Related research shows the opposite.") — no
        colon after the label, and longer than a heading; a paragraph after a label and a
        colon (more than 20 words).
    """

    code: ClassVar[str] = "REL01"
    name: ClassVar[str] = "related.links_label"
    topic: ClassVar[str] = "related_labels"
    max_words: ClassVar[int] = 12
    max_colon_words: ClassVar[int] = 20
    """A teaser line ("Related: <title>"): titles run past ``max_words`` (on WCXB dev and the
    trafilatura set 5 lines of 13 to 15 words on 4 sites, none in a reference)."""
    label: ClassVar[str] = "related-content label"
