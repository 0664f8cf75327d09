"""Feedback widgets ("Was this page helpful?", "Rate this article")."""

from __future__ import annotations

from typing import ClassVar

from .base import LabelRule


class SiteFeedbackPrompt(LabelRule):
    """Feedback widgets.

    Removes:
        A block of at most 10 words that is a feedback question or button ("Was this page
        helpful?", "Rate this article", "Submit correction", "War dieser Artikel hilfreich?",
        "Cet article vous a-t-il été utile ?", "Была ли эта статья полезной?").

    Why:
        Documentation and help sites put the same feedback widget under every page.

    Example:
        "Run the installer.\\nWas this page helpful?\\n" -> "Run the installer.\\n"

    Keeps:
        A heading or sentence that goes on ("Was this helpful for the patients? The study
        says yes.").
    """

    code: ClassVar[str] = "CMS02"
    name: ClassVar[str] = "site.feedback_prompt"
    topic: ClassVar[str] = "feedback_prompts"
    max_words: ClassVar[int] = 10
    label: ClassVar[str] = "feedback prompt"
