"""Login, registration and paywall prompts ("You are not logged in", "Subscribe to continue reading")."""

from __future__ import annotations

from typing import ClassVar

from .base import StartPhraseRule


class PromoAccountPrompt(StartPhraseRule):
    """Login, registration and paywall prompts.

    Removes:
        A block of at most 40 words that starts with a prompt to log in, register or
        subscribe before reading on ("You are not logged in.", "Create an account or sign in
        to comment", "This article is exclusive to subscribers", "Subscribe to continue
        reading", "Sie sind nicht angemeldet", "Cet article est réservé aux abonnés",
        "Для продолжения чтения").

    Why:
        Forum software and paywalls print these to visitors who are not logged in; they say
        something about the visitor's session, nothing about the page.

    Example:
        "Text.\\nCreate an account or sign in to comment\\n" -> "Text.\\n"

    Keeps:
        Sentences in which the words come later ("Users who sign in to comment must verify
        their phone number, the company said."), and long paragraphs.
    """

    code: ClassVar[str] = "PRM02"
    name: ClassVar[str] = "promo.account_prompt"
    topic: ClassVar[str] = "account_prompts"
    max_words: ClassVar[int] = 40
    label: ClassVar[str] = "account prompt"
