"""Discussion pages are recognised from markup signals and keep their posts."""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring

from cleaner import Cleaner, Config, run
from cleaner.page_type import (
    PageType,
    detect,
)

ARTICLE = "<html><head><title>A</title></head><body><article><p>Text.</p></article></body></html>"


@pytest.mark.parametrize(
    ("html", "url"),
    [
        ('<html><head><meta name="generator" content="phpBB 3.3"></head><body></body></html>', None),
        ('<html><head><meta name="Generator" content="XenForo 2.2"></head><body></body></html>', None),
        (ARTICLE, "https://example.org/forums/threads/engine-noise.123/"),
        (ARTICLE, "https://example.org/viewtopic.php?t=55"),
        (
            '<html><head><script type="application/ld+json">{"@type": "QAPage"}</script></head>'
            "<body></body></html>",
            None,
        ),
        ('<html><body><div itemtype="https://schema.org/DiscussionForumPosting"></div></body></html>', None),
    ],
)
def test_discussion_signals(html: str, url: str | None) -> None:
    assert detect(document_fromstring(html), url) is PageType.DISCUSSION


@pytest.mark.parametrize(
    "url", [None, "https://example.org/news/2024/budget", "https://example.org/the-thread-count-guide"]
)
def test_articles_are_not_discussions(url: str | None) -> None:
    assert detect(document_fromstring(ARTICLE), url) is PageType.ARTICLE


THREAD = """<html><head><meta name="generator" content="phpBB"><title>Engine noise</title></head><body>
<div id="page-body"><div class="post"><div class="postbody">
<p>My engine makes a ticking noise when cold, and
it goes away after ten minutes of driving on the motorway. Is this the valves or the injectors?</p>
</div></div>
<div class="comments"><div class="comment">
<p>That is almost certainly the hydraulic lifters pumping up after the
car stood overnight; change the oil to the grade in the manual and the ticking usually goes.</p></div>
<div class="comment">
<p>Agreed, my old diesel did the same for years and never had a problem with the valves or
anything else in the head; it is normal when the oil is thick in winter.</p>
</div></div></div></body></html>"""


def test_discussion_page_keeps_replies_by_default_and_option_overrides() -> None:
    result = run(THREAD)
    assert result.page_type is PageType.DISCUSSION
    assert "hydraulic lifters" in result.text
    assert "hydraulic lifters" not in Cleaner(Config(include_comments=False)).clean(THREAD)


def _ld(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html><head>{scripts}</head><body><p>Text.</p></body></html>"


PRODUCT_LD = (
    '{"@context": "https://schema.org", "@type": "Product", "name": "Kettle", '
    '"offers": {"@type": "Offer", "price": "39.00"}}'
)


def test_one_product_with_an_offer_is_a_product_page() -> None:
    assert detect(document_fromstring(_ld(PRODUCT_LD)), None) is PageType.PRODUCT
    microdata = (
        '<html><body><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle</span>'
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"></div></div></body></html>'
    )
    assert detect(document_fromstring(microdata), None) is PageType.PRODUCT


def test_product_near_misses_stay_articles() -> None:
    no_offer = '{"@type": "Product", "name": "Kettle"}'
    review = '{"@type": ["Product"], "offers": {"@type": "Offer"}, "review": {"@type": "Review"}}'
    grid = "[" + ",".join([PRODUCT_LD] * 3) + "]"
    assert detect(document_fromstring(_ld(no_offer)), None) is PageType.ARTICLE
    assert detect(document_fromstring(_ld(review, '{"@type": "BlogPosting"}')), None) is PageType.ARTICLE
    assert detect(document_fromstring(_ld(grid)), None) is PageType.ARTICLE


def test_collection_and_search_pages_are_listings() -> None:
    assert (
        detect(document_fromstring(_ld('{"@type": "CollectionPage"}', PRODUCT_LD)), None) is PageType.LISTING
    )
    assert detect(document_fromstring(_ld('{"@type":"SearchResultsPage"}')), None) is PageType.LISTING


def test_discussion_signals_win_over_product_types() -> None:
    page = _ld(PRODUCT_LD, '{"@type": "DiscussionForumPosting"}')
    assert detect(document_fromstring(page), None) is PageType.DISCUSSION
