"""Call-to-action button labels ("Learn more", "Book a demo", "Get started today")."""

from __future__ import annotations

from typing import ClassVar

from .base import LabelRule


class PromoCallToAction(LabelRule):
    """Call-to-action button labels.

    Removes:
        A block of at most 6 words that is a button label asking the reader to act ("Learn
        more", "Sign up", "Book a demo", "Get started today", "Request a quote", "Back to
        blog", "Mehr erfahren", "En savoir plus", "Leer más", "Подробнее").

    Why:
        Buttons and teaser links flatten into lines of their own; they lead somewhere else
        and say nothing about the page.

    Example:
        "Our planners handle every detail.\\nRequest a Quote\\n" -> "Our planners handle every
        detail.\\n"

    Keeps:
        Sentences and headings that only begin with the same words ("Learn more about the
        history of the bridge", "Get started with Python in ten minutes"), which are not a
        label on their own.
    """

    code: ClassVar[str] = "PRM03"
    name: ClassVar[str] = "promo.call_to_action"
    topic: ClassVar[str] = "cta_labels"
    max_words: ClassVar[int] = 6
    label: ClassVar[str] = "call-to-action label"
