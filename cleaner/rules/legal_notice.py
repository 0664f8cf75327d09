"""Cookie/consent, terms and privacy notices, syndication notices, "click here" links."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from lxml.html import HtmlElement

from .. import phrases
from ..document import Document
from ..selectors import outermost, short_enough
from ..textutil import contains_any, word_count
from .base import Hit, Removal, Rule

MAX_NOTICE_WORDS: Final = 80
MAX_LINK_WORDS: Final = 10
CONSENT_TOKENS: Final = ("cookie", "consent", "gdpr")


class LegalNotice(Rule):
    """Cookie/consent, terms and privacy notices, syndication notices, "click here" links.

    Removes:
        A block of at most 80 words with a distinctive notice sentence ("We use cookies",
        "This material may not be published, broadcast, rewritten or redistributed"), or a
        block of at most 10 words with a legal link label ("Privacy Policy", "Terms of Use",
        "Impressum", "To find out more, click here."). In HTML, a consent banner: a short
        element whose class/id says cookie/consent/gdpr.

    Why:
        Notices about the site's terms, cookies or syndication rights are the publisher's
        legal furniture, repeated on every page.

    Example:
        "Text.\\nTo find out more, click here.\\n" -> "Text.\\n"

    Keeps:
        A recipe step about cookies ("Bake the cookies for 12 minutes."), and a paragraph
        that discusses a privacy policy at length.
    """

    code: ClassVar[str] = "LEG02"
    name: ClassVar[str] = "legal.notice"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        index = doc.page_index
        found = [
            el
            for el, tokens in index.tokens_with(*CONSENT_TOKENS)
            if _consent(tokens) and short_enough(el, MAX_NOTICE_WORDS)
        ]
        for el in outermost(found):
            yield Hit(el, "consent/cookie banner")

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        notices = phrases.load("legal_notices", doc.langs)
        links = phrases.load("legal_links", doc.langs)
        for i, block in enumerate(doc.blocks):
            n = word_count(block.text)
            if n > MAX_NOTICE_WORDS:
                continue
            text = block.normal
            phrase = contains_any(text, notices)
            if phrase:
                yield Hit(i, f"legal notice {phrase!r}")
            elif n <= MAX_LINK_WORDS:
                phrase = contains_any(text, links)
                if phrase:
                    yield Hit(i, f"legal link label {phrase!r}")


def _consent(tokens: list[str]) -> bool:
    return any(t.startswith(CONSENT_TOKENS) or any(f"-{c}" in t for c in CONSENT_TOKENS) for t in tokens)
