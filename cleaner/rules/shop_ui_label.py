"""Shop interface labels ("Add to cart", "Out of stock", "Sort and Filter")."""

from __future__ import annotations

from typing import ClassVar

from .base import LabelRule


class ShopUiLabel(LabelRule):
    """Shop interface labels.

    Removes:
        A block of at most 6 words that is a label of a shop's interface ("Add to cart",
        "Out of stock", "Regular price", "Free shipping", "Sort and Filter", "Recently
        viewed", "In den Warenkorb", "Ajouter au panier", "Añadir al carrito", "В корзину").

    Why:
        Product and category pages repeat these buttons and badges on every product tile;
        flattened, they become lines of their own between the product names and prices.

    Example:
        "Canvas tote, navy\\n$39.99\\nAdd to cart\\n" -> "Canvas tote, navy\\n$39.99\\n"

    Keeps:
        Sentences that use the words ("Add to cart only what you need, the guide says."),
        and code blocks ("sort by" in an SQL listing).
    """

    code: ClassVar[str] = "SHP01"
    name: ClassVar[str] = "shop.ui_label"
    topic: ClassVar[str] = "shop_labels"
    max_words: ClassVar[int] = 6
    label: ClassVar[str] = "shop label"
