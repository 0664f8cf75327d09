"""Newsletter pitches inside a block ("The best of the city, delivered to your inbox")."""

from __future__ import annotations

from typing import ClassVar

from .base import ContainsPhraseRule


class PromoInboxPitch(ContainsPhraseRule):
    """Newsletter pitches inside a block.

    Removes:
        A block of at most 25 words that contains a newsletter pitch anywhere ("Get the best
        of Creative Boom delivered to your inbox weekly", "Want more? Sign up for our
        newsletter, The Selection", "Subscribe for the latest updates", "direkt in Ihr
        Postfach", "directamente en tu bandeja de entrada").

    Why:
        PRM01 catches prompts that start with the call; many sign-up boxes lead with a
        teaser sentence instead and put the call at the end.

    Example:
        "Text.\\nThe best of New York, delivered to your inbox every morning.\\n" ->
        "Text.\\n"

    Keeps:
        Longer paragraphs that mention a newsletter in passing, and short sentences that
        mention an inbox without a pitch ("Phishing mails reach your inbox every day.").
    """

    code: ClassVar[str] = "PRM04"
    name: ClassVar[str] = "promo.inbox_pitch"
    topic: ClassVar[str] = "inbox_pitches"
    max_words: ClassVar[int] = 25
    label: ClassVar[str] = "newsletter pitch"
