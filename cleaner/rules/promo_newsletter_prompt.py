"""Newsletter and subscription prompts ("Sign up to our weekly newsletter")."""

from __future__ import annotations

from typing import ClassVar

from .base import StartPhraseRule


class PromoNewsletterPrompt(StartPhraseRule):
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
    topic: ClassVar[str] = "newsletter_prompts"
    max_words: ClassVar[int] = 25
    label: ClassVar[str] = "newsletter prompt"
