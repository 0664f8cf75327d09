"""Stage 2 (HTML only): main-content candidates, on the tree the tree rules left.

Two extractors, chosen between per page by :mod:`cleaner.choose`:

- trafilatura (the only module that imports it), on the tree we parsed: a tree in its own
  vocabulary (``p``, ``head``, ``list/item``...). Fast mode (no readability/jusText comparison)
  when Resiliparse is there to be the second opinion; its default mode when it is not.
- Resiliparse's main-content text (``extract_plain_text(main_content=True)``, C++), on our tree
  serialised: it has its own DOM, so it parses again (see docs/design-notes.md for the cost).
  On every page with a FULL plan: skipping it where a word bound (:func:`most_words`) showed
  its candidate could not win cost more than it saved (design note 12).

Where trafilatura returns its last resort, the text of the whole page in one block,
:func:`last_resort_page` and :func:`page_in_blocks` give the same page in its own blocks
(``choose`` step L).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from typing import Final, cast

from lxml import etree
from lxml.html import HtmlElement

from .choose import word_count
from .config import Config, Favor
from .nesting import drop_chrome
from .selectors import top_elements

log = logging.getLogger(__name__)

ResiliparseText = Callable[[str, bool], str]
"""(serialised page, keep comments) -> main-content text."""


class Extraction(Enum):
    """How much main-content extraction a page gets (planned by ``engine.Deadline``)."""

    FULL = "full"
    """Both candidates and the choice between them; trafilatura's default mode alone when
    Resiliparse is not installed."""
    FAST = "fast"
    """trafilatura's fast mode alone (very large pages, or little time left)."""
    SKIP = "skip"
    """No extraction: the whole <body> without page chrome."""


NO_TEXT: Final = etree.XPath("//script[not(@type='application/ld+json')] | //style | //svg | //link")
"""Elements no extractor takes text from (JSON-LD stays: trafilatura reads articleBody there;
inline SVG icons are 7% of the elements of a WCXB page)."""


def drop_scripts(tree: HtmlElement) -> None:
    """Remove scripts, styles and SVG right after parsing: every later step walks the tree
    (the page index, the tree rules, trafilatura, which copies it three times, and Resiliparse,
    which parses it again), and on many pages they are most of the markup. Outputs are the same
    on every 3rd page of WCXB and of the trafilatura set as when they went just before extraction.
    The elements ``NO_TEXT`` finds, found in one walk (its four ``//`` paths walk the tree four
    times: 0.41 ms a page of the trafilatura set, the walk 0.16; 0.69 and 0.29 on WCXB)."""
    found = [
        el
        for top in top_elements(tree)
        for el in top.iter("script", "style", "svg", "link")
        if el.tag != "script" or el.get("type") != "application/ld+json"
    ]
    for el in found:
        el.drop_tree()


def main_content(
    tree: HtmlElement, config: Config, url: str | None, *, comments: bool, fast: bool = False
) -> etree._Element | None:
    """trafilatura's main-content subtree in its vocabulary, or None if it found none.
    ``fast`` skips trafilatura's readability/jusText comparison. The tree is not changed
    (trafilatura works on a copy)."""
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
            output_format="txt",  # not "python": that renders the text, which we do not use
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


PAGE_CHROME_TAGS: Final = ("nav", "header", "menu")
"""Chrome that trafilatura's last resort keeps (its basic cleaning drops asides and footers)."""
FOOTERS: Final = etree.XPath(
    ".//*[re:test(@class, 'footer', 'i') or re:test(@id, 'footer', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
"""Footers by class or id in any case and on any element: trafilatura's basic cleaning takes
only ``<div>``s with a lower-case "footer" (``<div id="navFooter">`` stays)."""


def last_resort_page(body: HtmlElement) -> HtmlElement:
    """A copy of ``body`` as trafilatura reads it for its last resort, the text of the whole
    page (``trafilatura.baseline``: after its basic cleaning, which drops asides, footers and
    cookie banners). That cleaning is trafilatura's own XPath, not a public name: a release
    without it gets the copy uncleaned (one warning), not a crash."""
    page = copy.deepcopy(body)
    for el in _basic_clean()(page):
        if el.getparent() is not None:
            el.drop_tree()
    return page


@lru_cache(maxsize=1)
def _basic_clean() -> Callable[[etree._Element], list[HtmlElement]]:
    """trafilatura's basic-cleaning XPath (``trafilatura.settings.BASIC_CLEAN_XPATH``), or one
    that finds nothing where this trafilatura has none."""
    try:
        from trafilatura.settings import BASIC_CLEAN_XPATH
    except ImportError:
        log.warning("trafilatura has no BASIC_CLEAN_XPATH: its last resort's page is read uncleaned")
        return lambda _page: []
    return cast(Callable[[etree._Element], list[HtmlElement]], BASIC_CLEAN_XPATH)


def page_in_blocks(page: HtmlElement) -> HtmlElement:
    """``page`` (:func:`last_resort_page`) changed in place so that its blocks hold the words
    of trafilatura's last resort: without the menus and headers it keeps (unless one holds
    most of the page: the parser nested the page in it) and footers (``FOOTERS``), every text
    node set apart by a space, as trafilatura joins them (``<span>2026</span><span>1h
    54m</span>`` is two words there, and in the reference texts, not "20261h")."""
    drop_chrome(page, PAGE_CHROME_TAGS, FOOTERS(page))
    for el in page.iter():
        if el.text:
            el.text = " " + el.text
        if el.tail:
            el.tail = " " + el.tail
    return page


@lru_cache(maxsize=1)
def resiliparse() -> ResiliparseText | None:
    """Resiliparse's main-content extractor, or None (with one warning) if it does not import."""
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError as err:
        log.warning(
            "Resiliparse is not importable (%s): main-content extraction falls back to trafilatura "
            "alone in its default mode (slower, less accurate); pip install resiliparse",
            err,
        )
        return None

    def extract(html: str, comments: bool) -> str:
        text: str = extract_plain_text(
            html, main_content=True, comments=comments, list_bullets=False, alt_texts=False
        )
        return text

    return extract


def most_words(tree: HtmlElement) -> int:
    """An upper bound on the words (``choose.word_count``) of any text made of ``tree``'s
    text: the words of each text node of the tree on its own (a word never spans two nodes),
    scripts left out (no extractor shows them; JSON-LD stays in the tree for trafilatura).
    Resiliparse's text is such a text: it adds no attribute values (``alt_texts=False``) and
    no list bullets. ``choose`` step 3 reads it as the page's words. (It served to skip
    Resiliparse where this bound could not beat trafilatura's candidate: 1.0-1.6 ms a page to
    save 0.3-1.1 at the merge's 1.2x bar, design note 12.)"""
    tokens = " ".join(tree.itertext()).split()
    mixed = [token for token in tokens if not token.isalnum()]  # isalnum is what \w+ runs are
    found = len(tokens) - len(mixed) + word_count(" ".join(mixed))
    return found - sum(word_count(script.text or "") for script in tree.iter("script"))


def resiliparse_text(tree: HtmlElement, extractor: ResiliparseText, *, comments: bool) -> str | None:
    """Resiliparse's main-content text of ``tree`` (serialised), or None if it fails.
    Only the <body> is serialised where there is one: Resiliparse takes no text from the
    <head> but the <title>, where a tracking pixel (``<noscript><img>``) in the head ends the
    head in its parse and pushes the title into the body (7 of 495 pages of the trafilatura
    set; 1 of 990 final outputs changes, 0 of WCXB's). The time is the same (2.65 against 2.69
    ms a page of the trafilatura set, 5.87 against 5.86 on WCXB, timed in alternating order)."""
    bodies = tree.findall("body")
    part = bodies[0] if len(bodies) == 1 else tree
    html = etree.tostring(part, encoding="unicode", method="html", with_tail=False)
    try:
        return extractor(html, comments)
    except (ValueError, TypeError, RuntimeError) as err:
        log.warning("Resiliparse extraction failed (%s: %s)", type(err).__name__, err)
        return None
