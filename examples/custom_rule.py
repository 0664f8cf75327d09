"""Add your own rule: a Rule subclass passed to Cleaner(extra_rules=[...])."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from cleaner import Cleaner, Hit, Removal, Rule
from cleaner.document import Document


class NewsletterPrompt(Rule):
    """Newsletter sign-up prompts.

    Removes:
        A block that starts with "Sign up for our newsletter".

    Why:
        Marketing prompts are not article text.

    Example:
        "Sign up for our newsletter!\\nText.\\n" -> "Text.\\n"

    Keeps:
        "She signed up for the newsletter in 2019."
    """

    code = "XMP01"
    name = "example.newsletter_prompt"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        for i, block in enumerate(doc.blocks):
            if block.text.lower().startswith("sign up for our newsletter"):
                yield Hit(i, "newsletter prompt")


if __name__ == "__main__":
    cleaner = Cleaner(extra_rules=[NewsletterPrompt])
    result = cleaner.run("Sign up for our newsletter!\n\nThe bridge reopens on Monday.\n", kind="text")
    print(result.text, end="")
    print([(r.rule, r.text) for r in result.removals])
