"""Stage 2 (HTML only): find the main content with trafilatura, on the tree we already parsed.

This is the only module that imports trafilatura.
"""

from __future__ import annotations

import logging

from lxml import etree
from lxml.html import HtmlElement

from .config import Config, Favor

log = logging.getLogger(__name__)


def main_content(
    tree: HtmlElement, config: Config, url: str | None, *, comments: bool, fast: bool = False
) -> etree._Element | None:
    """The main-content subtree in trafilatura's vocabulary, or None if it found none.
    ``fast`` skips trafilatura's readability/jusText comparison (for very large pages)."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            fast=fast,
            include_comments=comments,
            include_tables=config.include_tables,
            favor_precision=config.favor is Favor.PRECISION,
            favor_recall=config.favor is Favor.RECALL,
            with_metadata=False,
        )
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError) as err:
        log.warning(
            "main-content extraction failed (%s: %s); falling back to <body>", type(err).__name__, err
        )
        return None
    body: etree._Element | None = getattr(result, "body", None)
    if body is None or len(body) == 0:
        return None
    if comments:
        posts = getattr(result, "commentsbody", None)
        if posts is not None and len(posts):
            body.extend(list(posts))
    return body
