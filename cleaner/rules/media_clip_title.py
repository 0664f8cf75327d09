"""The title of an embedded clip, sitting in the player block."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from ..document import Document, Kind
from ..textutil import word_count
from .base import Hit, Removal, Rule

PLAYER_RULE: Final = "MED01"
MAX_TITLE_WORDS: Final = 15


class MediaClipTitle(Rule):
    """The title of an embedded clip, sitting in the player block.

    Removes:
        A short line (at most 15 words, no closing period) directly followed by player UI
        that MED01 removed, in the same widget: in a text dump, with no blank line between
        them; in HTML, any non-heading block.

    Why:
        Players print the clip's title above their controls; in a dump it reads like a
        heading but belongs to the player, and repeats no article text.

    Example:
        "Crisis at the border\\nplease wait\\nText.\\n" -> "Text.\\n"

    Keeps:
        A subheading followed by a blank line and then the player ("Watch the debate\\n\\n
        please wait" keeps "Watch the debate"), and any line ending in a period.
    """

    code: ClassVar[str] = "MED03"
    name: ClassVar[str] = "media.clip_title"
    context: ClassVar[bool] = True

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        blocks = doc.blocks
        for i in range(len(blocks) - 1):
            nxt = removed.get(i + 1)
            if i in removed or nxt is None or nxt.rule != PLAYER_RULE:
                continue
            block = blocks[i]
            same_widget = not blocks[i + 1].gap_before if doc.kind is Kind.TEXT else block.tag != "h"
            if same_widget and word_count(block.text) <= MAX_TITLE_WORDS and not block.text.endswith("."):
                yield Hit(i, "clip title directly above player UI")
