"""Advertisement labels ("Advertisement", "Sponsored", "Anzeige", "Реклама")."""

from __future__ import annotations

from typing import ClassVar

from .base import ColonLabelRule


class AdsLabel(ColonLabelRule):
    """Advertisement labels.

    Removes:
        A block of at most 8 words that is an advertisement label ("Advertisement",
        "Sponsored", "Story continues below advertisement", "Info Why you're seeing this ad",
        "Anzeige", "Publicité", "Publicidad", "Реклама"), or a heading that starts with such a
        label and a colon ("Advertisement: New AI Book!").

    Why:
        The ad itself is an iframe or a script and leaves no text, but its label does, as a
        line of its own in the middle of the article.

    Example:
        "The talks resumed.\\nAdvertisement\\nBoth sides agreed.\\n" -> "The talks
        resumed.\\nBoth sides agreed.\\n"

    Keeps:
        Sentences about advertising ("Advertisement spending rose 4% last year."), which are
        more than a label.
    """

    code: ClassVar[str] = "ADV01"
    name: ClassVar[str] = "ads.label"
    topic: ClassVar[str] = "ad_labels"
    max_words: ClassVar[int] = 8
    label: ClassVar[str] = "ad label"
