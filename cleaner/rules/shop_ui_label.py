"""Shop interface labels ("Add to cart", "Out of stock", "Sort and Filter")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from .. import phrases
from ..document import Document
from ..textutil import starts_with_phrase, word_count
from .base import CODE_BLOCK_TAGS, Hit, LabelRule, Removal

MAX_PROMO_WORDS: Final = 12
"""A shipping or returns promise ("Free Shipping on Domestic Orders $75+") is this short."""


class ShopUiLabel(LabelRule):
    """Shop interface labels.

    Removes:
        A block of at most 6 words that is a label of a shop's interface ("Add to cart",
        "Out of stock", "Regular price", "Free shipping", "Sort and Filter", "Recently
        viewed", "In den Warenkorb", "Ajouter au panier", "Añadir al carrito", "В корзину").
        And a block of at most 12 words that starts with a shop's shipping or returns promise
        (topic ``shop_promos``: "Free shipping on orders over $75", "Returns & exchanges
        accepted within 30 days", "Ships from: Ukraine", "Livraison offerte").

    Why:
        Product and category pages repeat these buttons and badges on every product tile;
        flattened, they become lines of their own between the product names and prices.

    Example:
        "Canvas tote, navy\\n$39.99\\nAdd to cart\\n" -> "Canvas tote, navy\\n$39.99\\n"

    Keeps:
        Sentences that use the words ("Add to cart only what you need, the guide says."),
        longer paragraphs about shipping, and code blocks ("sort by" in an SQL listing).
        On WCXB dev the promises (with the labels added with them) removed 38 lines, 5 of
        them in a ground truth (product pages that list the shop's terms as features).
    """

    code: ClassVar[str] = "SHP01"
    name: ClassVar[str] = "shop.ui_label"
    topic: ClassVar[str] = "shop_labels"
    max_words: ClassVar[int] = 6
    label: ClassVar[str] = "shop label"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        yield from super().find_in_blocks(doc, removed)
        promos = phrases.load("shop_promos", doc.langs)
        starts = promos.ordered
        for i, block in enumerate(doc.blocks):
            if not block.key.startswith(starts):  # one C-level test for the common miss
                continue
            if block.tag not in CODE_BLOCK_TAGS and word_count(block.text) <= MAX_PROMO_WORDS:
                phrase = starts_with_phrase(block.key, promos)
                if phrase:
                    yield Hit(i, f"shipping/returns promise {phrase!r}")
