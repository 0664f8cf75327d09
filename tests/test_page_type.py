"""Discussion pages are recognised from markup signals and keep their posts."""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring

from cleaner import Cleaner, Config, run
from cleaner.page_type import PageType, detect

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
