"""Comment-form furniture ("Leave a Reply", "Your email address will not be published")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from .. import phrases
from ..document import Document
from ..textutil import starts_with_phrase, word_count
from .base import Hit, Removal, Rule

MAX_WORDS: Final = 30


class CommentsReplyForm(Rule):
    """Comment-form furniture.

    Removes:
        A block of at most 30 words that starts with comment-form text ("Leave a Reply",
        "Your email address will not be published. Required fields are marked *", "Save my
        name, email, and website in this browser...", "Schreibe einen Kommentar", "Votre
        adresse e-mail ne sera pas publiée").

    Why:
        The reply form under a post is the same on every page of a CMS; it is not part of
        the post, nor of the comments.

    Example:
        "Text.\\nLeave a Reply\\nYour email address will not be published.\\n" -> "Text.\\n"

    Keeps:
        Comments themselves, and sentences that only mention a reply ("She did not leave a
        reply to our questions.").
    """

    code: ClassVar[str] = "CMT01"
    name: ClassVar[str] = "comments.reply_form"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        form = phrases.load("comment_form", doc.langs)
        for i, block in enumerate(doc.blocks):
            if word_count(block.text) <= MAX_WORDS:
                phrase = starts_with_phrase(block.key, form)
                if phrase:
                    yield Hit(i, f"comment form {phrase!r}")
