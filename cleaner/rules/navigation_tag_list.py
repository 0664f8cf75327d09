"""Tag lists ("Tags: Employment, Health & Fitness", "Filed under: ...")."""

from __future__ import annotations

from typing import ClassVar

from .base import ColonLabelRule


class NavigationTagList(ColonLabelRule):
    """Tag lists.

    Removes:
        A block of at most 25 words that is a tag-list label ("Tags", "Schlagwörter") or
        starts with one and a colon ("Tags: Employment, Health & Fitness", "Filed under:
        News", "Étiquettes : Europe, Rail", "Метки: экономика").

    Why:
        Tags link to the site's archive pages; the list under a post is navigation, not
        part of the post.

    Example:
        "The talks resumed.\\nTags: Europe, Trade, Rail\\n" -> "The talks resumed.\\n"

    Keeps:
        Sentences that begin with the word ("Tags on the cattle showed where they had
        grazed."), which have no colon after it.
    """

    code: ClassVar[str] = "NAV05"
    name: ClassVar[str] = "navigation.tag_list"
    topic: ClassVar[str] = "tag_labels"
    max_words: ClassVar[int] = 25
    label: ClassVar[str] = "tag list"
