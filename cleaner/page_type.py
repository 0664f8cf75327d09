"""What kind of page this is, from markup signals (never from site names).

Only the distinction that changes the pipeline today is made: a discussion page (forum
thread, Q&A) keeps its posts, which main-content extraction otherwise treats as comments.

Signals for DISCUSSION, checked by :func:`detect` before extraction:

- ``<meta name="generator">`` names forum software (phrase list ``forum_software``);
- the URL path has a thread/topic segment (``/threads/``, ``/t/``, ``viewtopic.php``, ...);
- schema.org ``DiscussionForumPosting`` or ``QAPage`` in JSON-LD or microdata.

One more, after extraction (``cleaner.posts``): the page marks up two or more posts as
schema.org ``Comment``/``DiscussionForumPosting``/``UserComments`` items (``Question``/``Answer``
on a ``QAPage``) and those posts hold most of what extraction found. Then the page is a
DISCUSSION whatever :func:`detect` said, and its text is the thread. An article whose
comment section is marked up the same way stays an ARTICLE: its body is not in the posts.
"""

from __future__ import annotations

import re
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
GENERATOR: Final = etree.XPath("//meta[translate(@name, 'GENERATOR', 'generator') = 'generator']/@content")
SCHEMA_SOURCES: Final = etree.XPath("//script[@type='application/ld+json']/text() | //*[@itemtype]/@itemtype")


class PageType(str, Enum):
    ARTICLE = "article"
    DISCUSSION = "discussion"

    def __str__(self) -> str:
        return self.value


def detect(tree: HtmlElement, url: str | None) -> PageType:
    """DISCUSSION when forum software made the page, its URL is a thread's, or it declares
    schema.org DiscussionForumPosting / QAPage; ARTICLE otherwise."""
    software = phrases.load("forum_software")
    for generator in GENERATOR(tree):
        if any(name in normalise(str(generator)) for name in software):
            return PageType.DISCUSSION
    if url and DISCUSSION_PATH.search(urlparse(url).path):
        return PageType.DISCUSSION
    if any(DISCUSSION_SCHEMA.search(str(source)) for source in SCHEMA_SOURCES(tree)):
        return PageType.DISCUSSION
    return PageType.ARTICLE
