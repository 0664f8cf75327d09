"""Comment-form furniture ("Leave a Reply", "Your email address will not be published")."""

from __future__ import annotations

from typing import ClassVar

from .base import StartPhraseRule


class CommentsReplyForm(StartPhraseRule):
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
    topic: ClassVar[str] = "comment_form"
    max_words: ClassVar[int] = 30
    label: ClassVar[str] = "comment form"
