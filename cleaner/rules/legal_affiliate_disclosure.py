"""Affiliate and advertiser disclosures ("As an Amazon Associate we earn from qualifying purchases")."""

from __future__ import annotations

from typing import ClassVar

from .base import ContainsPhraseRule


class LegalAffiliateDisclosure(ContainsPhraseRule):
    """Affiliate and advertiser disclosures.

    Removes:
        A block of at most 80 words that contains a disclosure phrase ("As an Amazon
        Associate we earn from qualifying purchases", "This post contains affiliate links",
        "Purchases made through our links may earn us a commission", "Advertiser
        Disclosure", "Wir erhalten eine Provision", "liens affiliés", "enlaces de afiliado").

    Why:
        Review and recipe sites print the same disclosure above or below every article; it
        is a legal notice about the site's income, not part of the article.

    Example:
        "This post may contain affiliate links.\\nText.\\n" -> "Text.\\n"

    Keeps:
        Text about affiliate marketing that is not a disclosure ("Streamers earn money when
        viewers buy games through their links.") and long paragraphs.
    """

    code: ClassVar[str] = "LEG04"
    name: ClassVar[str] = "legal.affiliate_disclosure"
    topic: ClassVar[str] = "affiliate_disclosures"
    max_words: ClassVar[int] = 80
    label: ClassVar[str] = "affiliate disclosure"
