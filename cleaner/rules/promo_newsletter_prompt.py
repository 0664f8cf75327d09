"""Newsletter and subscription prompts ("Sign up to our weekly newsletter")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from .. import phrases
from ..document import Document
from ..textutil import starts_with_phrase, word_count
from .base import Hit, Removal, Rule

MAX_WORDS: Final = 25


class PromoNewsletterPrompt(Rule):
    """Newsletter and subscription prompts.

    Removes:
        A block of at most 25 words that starts with a newsletter prompt ("Sign up to our
        weekly newsletter", "Newsletter abonnieren", "Abonnez-vous à notre newsletter",
        "Подписывайтесь на нас").

    Why:
        Sign-up boxes are marketing furniture inserted into or after articles.

    Example:
        "Sign up to our newsletter for the week's best stories\\nText.\\n" -> "Text.\\n"

    Keeps:
        A sentence in which the words come later ("Readers who sign up for our newsletter
        get the puzzle early, the editor said."), and long paragraphs.
    """

    code: ClassVar[str] = "PRM01"
    name: ClassVar[str] = "promo.newsletter_prompt"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        prompts = phrases.load("newsletter_prompts", doc.langs)
        for i, block in enumerate(doc.blocks):
            if word_count(block.text) <= MAX_WORDS:
                phrase = starts_with_phrase(block.key, prompts)
                if phrase:
                    yield Hit(i, f"newsletter prompt {phrase!r}")
