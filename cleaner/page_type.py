"""What kind of page this is, from markup signals (never from site names).

The type that changes the pipeline today is DISCUSSION: a forum thread or Q&A page keeps its
posts, which main-content extraction otherwise treats as comments.

Signals for DISCUSSION, checked first by :func:`detect` before extraction:

- ``<meta name="generator">`` names forum software (phrase list ``forum_software``);
- the URL path has a thread/topic segment (``/threads/``, ``/t/``, ``viewtopic.php``, ...);
- schema.org ``DiscussionForumPosting`` or ``QAPage`` in JSON-LD or microdata.

One more, after extraction (``cleaner.posts``): the page marks up two or more posts as
schema.org ``Comment``, ``DiscussionForumPosting`` or ``UserComments`` items
(``Question``/``Answer`` on a ``QAPage``) and those posts hold most of what extraction
found. Then the page is a DISCUSSION whatever :func:`detect` said, and its text is the
thread. An article whose comment section is marked up the same way stays an ARTICLE: its
body is not in the posts. A DISCUSSION page without such items whose JSON-LD carries the
thread (a ``DiscussionForumPosting`` with a ``comment`` list) gets its text from there.

Then, from the schema.org types declared in JSON-LD or microdata (:func:`schema_types`):
LISTING for a ``CollectionPage`` or ``SearchResultsPage``; PRODUCT for one or two ``Product``
items with an ``Offer``/``AggregateOffer`` and no ``Article``-family item (more Products are
a grid or related products). On WCXB dev these are precise but partial: PRODUCT finds 59 of
119 product pages (4 false hits in 1,378 other pages), LISTING 15 of 216 listing and
collection pages (none elsewhere). They change no setting yet; they are reported in
``Result.page_type`` for callers and for per-type extraction choices.
"""

from __future__ import annotations

import re
from collections import Counter
from enum import Enum
from typing import Final
from urllib.parse import urlparse

from lxml import etree
from lxml.html import HtmlElement

from . import phrases
from .textutil import normalise

DISCUSSION_PATH: Final = re.compile(
    r"/(?:forums?|threads?|topics?|viewtopic|showthread|discussions?|community|t|boards?)(?:/|\.php|$)",
    re.IGNORECASE,
)
DISCUSSION_SCHEMA: Final = re.compile(r"DiscussionForumPosting|\"@type\"\s*:\s*\"QAPage\"|schema\.org/QAPage")
# "/descendant::" finds what "//" does (every element of the document, the root's siblings too)
# but walks the tree once instead of as a union of child steps: a quarter to a half less time
# (these three: 0.31 -> 0.20 ms a page of the trafilatura set, 0.55 -> 0.35 on WCXB).
GENERATOR: Final = etree.XPath(
    "/descendant::meta[translate(@name, 'GENERATOR', 'generator') = 'generator']/@content"
)
LD_SCRIPTS: Final = etree.XPath("/descendant::script[@type='application/ld+json']/text()")
ITEMS: Final = etree.XPath("/descendant::*[@itemtype]")


LD_TYPE: Final = re.compile(r'"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")')
QUOTED: Final = re.compile(r'"([^"]+)"')
ARTICLE_TYPES: Final = frozenset({"Article", "NewsArticle", "BlogPosting", "TechArticle", "Report", "Recipe"})
LISTING_TYPES: Final = frozenset({"CollectionPage", "SearchResultsPage"})
OFFER_TYPES: Final = frozenset({"Offer", "AggregateOffer"})
MAX_PRODUCTS: Final = 2
"""More Product items than this are a grid of products (or related products), not one product."""


class PageType(str, Enum):
    """What a page is. ARTICLE is the default: any page no other signal fits."""

    ARTICLE = "article"
    DISCUSSION = "discussion"
    PRODUCT = "product"
    """One product for sale: one or two schema.org Product items with an Offer, no article."""
    LISTING = "listing"
    """A page of items (category, collection, search results): schema.org CollectionPage or
    SearchResultsPage."""

    def __str__(self) -> str:
        return self.value


def detect(tree: HtmlElement, url: str | None, items: list[HtmlElement] | None = None) -> PageType:
    """DISCUSSION when forum software made the page, its URL is a thread's, or it declares
    schema.org DiscussionForumPosting / QAPage; then PRODUCT or LISTING from the schema.org
    types it declares (:func:`schema_types`); ARTICLE otherwise. ``items``: ``ITEMS(tree)``
    when already read (``cleaner.posts`` reads them too; 0.3 ms a page)."""
    scripts = [str(script) for script in LD_SCRIPTS(tree)]  # read once
    items = ITEMS(tree) if items is None else items
    if _is_discussion(tree, url, scripts, items):
        return PageType.DISCUSSION
    types = schema_types(tree, scripts, items)
    if types.keys() & LISTING_TYPES:
        return PageType.LISTING
    if (
        0 < types["Product"] <= MAX_PRODUCTS
        and types.keys() & OFFER_TYPES
        and not types.keys() & ARTICLE_TYPES
    ):
        return PageType.PRODUCT
    return PageType.ARTICLE


def schema_types(
    tree: HtmlElement, scripts: list[str] | None = None, items: list[HtmlElement] | None = None
) -> Counter[str]:
    """How often each schema.org type is declared, in JSON-LD ``@type`` and microdata ``itemtype``.
    ``scripts`` and ``items``: ``LD_SCRIPTS`` and ``ITEMS`` of ``tree`` when already read."""
    found: Counter[str] = Counter()
    for script in map(str, LD_SCRIPTS(tree)) if scripts is None else scripts:
        for value in LD_TYPE.findall(script):
            found.update(name.rsplit("/", 1)[-1] for name in QUOTED.findall(value))
    for item in ITEMS(tree) if items is None else items:
        found.update(item_types(item))
    return found


def item_types(el: etree._Element) -> frozenset[str]:
    """The schema.org type names in ``itemtype`` (the last path segment of each URL)."""
    value = el.get("itemtype") or ""
    return frozenset(url.rstrip("/").rsplit("/", 1)[-1] for url in value.split())


def _is_discussion(tree: HtmlElement, url: str | None, scripts: list[str], items: list[HtmlElement]) -> bool:
    software = phrases.load("forum_software")
    for generator in GENERATOR(tree):
        if any(name in normalise(str(generator)) for name in software):
            return True
    if url and DISCUSSION_PATH.search(urlparse(url).path):
        return True
    sources = [*scripts, *(item.get("itemtype", "") for item in items)]
    return any(DISCUSSION_SCHEMA.search(source) for source in sources)
