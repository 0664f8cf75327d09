"""Image placeholders ("16x9 Image", a lone "Photo")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from .. import phrases
from ..document import Document
from .base import Hit, Removal, Rule

ASPECT_PREFIX: Final = re.compile(r"^\d{1,2}\s*[x×:]\s*\d{1,2}\s+")


class MediaImagePlaceholder(Rule):
    """Image placeholders.

    Removes:
        A block that is only an image word, optionally after an aspect ratio: "16x9 Image",
        "4:3 Photo", "Image", "[Bild]", "• 16x9 Image".

    Why:
        Lazy-loading image slots and responsive-image wrappers leave their label behind in
        text dumps; it names a missing picture, not content.

    Example:
        "Text.\\n  • 16x9 Image\\nMore text.\\n" -> "Text.\\n\\nMore text.\\n"

    Keeps:
        A caption or sentence about an image ("Image of the week: a comet over Kyiv").
    """

    code: ClassVar[str] = "MED02"
    name: ClassVar[str] = "media.image_placeholder"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        words = phrases.load("image_words", doc.langs)
        for i, block in enumerate(doc.blocks):
            k = block.key
            rest = ASPECT_PREFIX.sub("", k)
            if rest in words:
                yield Hit(i, "image placeholder" + (" with aspect ratio" if rest != k else ""))
