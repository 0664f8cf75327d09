"""Photo credits ("Photo: Reuters", "(Photo by Jane Doe/Getty Images)", "Фото: ТАСС")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from lxml.html import HtmlElement

from .. import phrases
from ..document import Document
from ..selectors import outermost, short_enough
from ..textutil import PhraseSet, word_count
from .base import Hit, Removal, Rule

AFTER_CREDIT_WORD: Final = re.compile(r"\s*[:：]|\s+(?:by|von|par|por|de|di|от)\b", re.IGNORECASE)
MAX_CREDIT_WORDS: Final = 15
CREDIT_CONTEXT: Final = ("photo", "image", "img", "media", "caption", "pic", "foto")


class CaptionPhotoCredit(Rule):
    """Photo credits.

    Removes:
        A short block (at most 15 words) that starts with a credit word followed by ``:`` or
        "by" ("Photo: Reuters", "(Photo by Jane Doe/Getty Images)", "Foto: dpa", "Фото: ТАСС",
        "Crédit photo : AFP"), or that ends in "/ <agency>" ("Jane Doe/AFP"). In HTML, a
        short element whose class/id is a photo credit (``photo-credit``, ``image-credit``,
        ``credit`` inside a caption).

    Why:
        Credits name the rights holder of a picture that is not in the text output.

    Example:
        "Photo: Reuters\\nThe talks resumed.\\n" -> "The talks resumed.\\n"

    Keeps:
        Sentences that begin with the same word ("Photos taken by the drone show the dam.")
        — they are longer than a credit or lack the ``:``/"by" pattern right after the word.
    """

    code: ClassVar[str] = "CAP02"
    name: ClassVar[str] = "caption.photo_credit"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        index = doc.page_index
        found = [
            el
            for el, tokens in index.tokens_with("credit")
            if _credit_marked(tokens) and short_enough(el, MAX_CREDIT_WORDS)
        ]
        for el in outermost(found):
            yield Hit(el, "element marked as a photo credit")

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        words = phrases.load("photo_credit", doc.langs)
        agencies = phrases.load("photo_agencies", doc.langs)
        for i, block in enumerate(doc.blocks):
            if word_count(block.text) > MAX_CREDIT_WORDS:
                continue
            reason = _credit_reason(block.normal.lstrip("([ "), block.key, words, agencies)
            if reason:
                yield Hit(i, reason)


def _credit_reason(text: str, k: str, words: PhraseSet, agencies: PhraseSet) -> str | None:
    if not text.startswith(words.ordered) and "/" not in k:
        return None  # two C-level tests for the common miss
    for word in words.ordered:
        if text.startswith(word) and AFTER_CREDIT_WORD.match(text, len(word)):
            return f"photo credit starting {word!r}"
    for agency in agencies.ordered:
        if k.endswith("/" + agency) or k.endswith("/ " + agency):
            return f"credit line ending with agency {agency!r}"
    return None


def _credit_marked(tokens: list[str]) -> bool:
    for token in tokens:
        if "credit" in token and (token in ("credit", "credits") or any(c in token for c in CREDIT_CONTEXT)):
            return True
    return False
