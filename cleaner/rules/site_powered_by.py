"""Site-software and design credits ("Proudly powered by WordPress")."""

from __future__ import annotations

from typing import ClassVar

from .base import StartPhraseRule


class SitePoweredBy(StartPhraseRule):
    """Site-software and design credits.

    Removes:
        A block of at most 10 words that starts with a software or design credit ("Proudly
        powered by WordPress", "Powered by Verbosa & WordPress.", "Website Design by ...",
        "Fièrement propulsé par WordPress", "Mit Stolz präsentiert von WordPress").

    Why:
        Theme footers credit the software that made the site; they never belong to a page's
        content.

    Example:
        "Text.\\nProudly powered by WordPress\\n" -> "Text.\\n"

    Keeps:
        Longer sentences that start the same way ("Powered by a new battery, the car now
        covers 600 kilometres on one charge, the company said.").
    """

    code: ClassVar[str] = "CMS01"
    name: ClassVar[str] = "site.powered_by"
    topic: ClassVar[str] = "powered_by"
    max_words: ClassVar[int] = 10
    label: ClassVar[str] = "site credit"
