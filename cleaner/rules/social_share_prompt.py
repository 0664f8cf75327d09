"""Share-bar labels ("Share this article", "Artikel teilen", "Поделиться")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from .. import phrases
from ..document import Document
from ..textutil import match_phrase, word_count
from .base import Hit, Removal, Rule

MAX_WORDS: Final = 6


class SocialSharePrompt(Rule):
    """Share-bar labels.

    Removes:
        A block of at most 6 words that is a share label ("Share this article", "Share on
        Facebook", "Artikel teilen", "Teilen mit:", "Partager", "Поделиться"); labels of 3+
        words also match as a prefix ("Share this story with a friend").

    Why:
        Share bars sit above and below every article; flattened, their labels become lines
        of their own that say nothing about the article.

    Example:
        "The talks resumed.\\nShare this article\\n" -> "The talks resumed.\\n"

    Keeps:
        A sentence about sharing ("Share prices fell 4% on Monday."), which is not a label
        on its own.
    """

    code: ClassVar[str] = "SOC01"
    name: ClassVar[str] = "social.share_prompt"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        labels = phrases.load("share_prompts", doc.langs)
        for i, block in enumerate(doc.blocks):
            if word_count(block.text) <= MAX_WORDS:
                phrase = match_phrase(block.key, labels)
                if phrase:
                    yield Hit(i, f"share label {phrase!r}")
