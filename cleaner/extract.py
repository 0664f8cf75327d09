"""Stage 2 (HTML only): main-content candidates, on the tree the tree rules left.

Two extractors, chosen between per page by :mod:`cleaner.choose`:

- trafilatura (the only module that imports it), on the tree we parsed: a tree in its own
  vocabulary (``p``, ``head``, ``list/item``...). Fast mode (no readability/jusText comparison)
  when Resiliparse is there to be the second opinion; its default mode when it is not.
- Resiliparse's main-content text (``extract_plain_text(main_content=True)``, C++), on our tree
  serialised: it has its own DOM, so it parses again (see docs/design-notes.md for the cost).
  On every page with a FULL plan: skipping it where a word bound (:func:`most_words`) showed
  its candidate could not win cost more than it saved (design note 12).

Where trafilatura finds no content container (or too little text in one) and gathers the
page's stray paragraphs, code blocks and tables instead (its "wild text" recovery: 317 of 1,497
WCXB pages, 96 of 990 on the trafilatura set), it leaves out headings and list items: a tutorial
loses its section headings and step lists. :func:`stray_sections` gathers those that stand
between gathered paragraphs (in cleaner's fast-mode call, not on discussion pages). WCXB 0.8574
to 0.8591 (odd ids 0.8534 to 0.8551, even 0.8613 to 0.8631; documentation 0.930 to 0.932:
a CAD tutorial 0.836 to 0.920, an install guide 0.774 to 0.829; services 0.819 to 0.825,
articles 0.954 to 0.956, collections 0.630 to 0.633, listings 0.660 to 0.662; products and
forums unchanged), "without" rate 0.0414 to 0.0424 (box headings such as "Take the next step"),
trafilatura set 0.9287 to 0.9288 (4 "with" snippets more and 1 fewer, 5 "without" more and 2
fewer; with the informal German related-box heading "Das könnte dich auch interessieren" added
to REL01's phrases). 135 WCXB pages change, 102 up (a listing 0.72 to 0.91, an article 0.74
to 0.93), 33 down (a collection 0.77 to 0.56, a product 0.60 to 0.42: headings and lists of
the page around its few paragraphs). Measured and left out (WCXB F1 / "without" rate /
trafilatura set): every heading and list item the recovery reaches, 0.8594 / 0.0472; headings
only, 0.8589 / 0.0468, and between paragraphs 0.9280 on the set; between paragraphs, a heading
before any paragraph and on discussion pages too, 0.8597 / 0.0431 (forums 0.030 to 0.035:
"Topics: Active | Unanswered") / 0.9285; without the link test a listing falls 0.94 to 0.09 (its
list of addresses), and the same with the test made on the recovered elements. ``SECTION_WORDS``
1, 15, 30 on the set: 0.9285, 0.9286, 0.9285 (documentation +0.20, +0.18, +0.14 page-F1 points).
Cost: about 0.9 ms on each page where the recovery runs (the candidate XPath, the link test,
the marks), 0.19 ms a page over WCXB.

trafilatura keeps a list inside a table cell only when it favours recall: a course schedule
whose readings column is a ``<ul>`` per lecture keeps its dates and topics and loses every
reading. :func:`open_cell_lists` hands it each list in a cell that is under half links as a
``<div>`` of ``<div>``s (blocks it reads in a cell), for its call only: the tags are restored
after it, so the tree rules before and Resiliparse after see the page's own lists. Not
``<p>``s: trafilatura reads ``<div>`` text as paragraphs only on pages with little ``<p>``
text, so new ``<p>``s turned that off on a page whose article is in ``<div>``s and lost its
biography (trafilatura set). Not for Resiliparse: its text, and so the choose step, changed
on pages where trafilatura's did not (an article's merge share crossed its bar, 0.944 to
0.664). WCXB 0.8591 to 0.8595 (odd ids 0.8551 to 0.8551, even 0.8631 to 0.8638),
documentation 0.9320 to 0.9376 (a course schedule 0.482 to 0.957, three pages +0.008 to
+0.016; an MDN page -0.004 whose reference leaves out its objectives table), articles 0.9555
to 0.9556 (a planning checklist +0.041; a product comparison -0.008), "without" rate
unchanged (0.0424), trafilatura set 0.9288 to 0.9290 (4 outputs change, one "with" snippet
more). Without the link test a blog archive in a layout table came
in (an article 0.971 to 0.917) and a listing's "narrower terms" links (a "without" snippet).
About 0.2 ms a page (the cells by ``iter``: an XPath union of the four paths took 0.32 ms
against 0.21).

Where trafilatura returns its last resort, the text of the whole page in one block,
:func:`last_resort_page` and :func:`page_in_blocks` give the same page in its own blocks
(``choose`` step L).
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable
from contextvars import ContextVar
from enum import Enum
from functools import lru_cache
from typing import Any, Final, cast

from lxml import etree
from lxml.html import HtmlElement

from .choose import word_count
from .config import Config, Favor
from .nesting import drop_chrome
from .selectors import link_density, top_elements

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
    (trafilatura works on a copy; the lists :func:`open_cell_lists` renames get their tags
    back after the call)."""
    import trafilatura

    _watch_recovery()
    token = _SECTIONS.set(fast and not comments)
    opened = open_cell_lists(tree)
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
    finally:
        _SECTIONS.reset(token)
        for el, tag in opened:
            el.tag = tag
    body: etree._Element | None = getattr(result, "body", None)
    if body is None or len(body) == 0:
        return None
    if comments:
        posts = getattr(result, "commentsbody", None)
        if posts is not None and len(posts):
            body.extend(list(posts))
    return body


CELL_TAGS: Final = ("td", "th")
LIST_TAGS: Final = ("ul", "ol")
CELL_LIST_LINK_SHARE: Final = 0.5
"""A list in a cell with this share of its text in links stays a list (menus and archive
widgets of pages laid out in tables, "see also" term lists): trafilatura leaves it out."""
OPENED_TAG: Final = "div"


def open_cell_lists(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Rename each list inside a table cell that is not mostly links, and its items, to
    ``<div>``s (the blocks trafilatura reads in a cell); return the renamed elements with
    their tags, for the caller to restore. Every list is collected before any is renamed (a
    renamed outer list would hide the lists nested in it)."""
    lists = (found for cell in tree.iter(*CELL_TAGS) for found in cell.iter(*LIST_TAGS))
    renamed: list[tuple[HtmlElement, str]] = []
    for cell_list in dict.fromkeys(lists):  # a list in a nested table is reached twice
        if link_density(cell_list) >= CELL_LIST_LINK_SHARE or not cell_list.text_content().strip():
            continue
        items = [item for item in cell_list if item.tag == "li"]
        renamed.append((cell_list, str(cell_list.tag)))
        renamed.extend((item, "li") for item in items)
        for el in (cell_list, *items):
            el.tag = OPENED_TAG
    return renamed


_LEAF: Final = "not(.//p or .//code or .//quote or .//table)"
STRAY_CANDIDATES: Final = etree.XPath(
    f".//head[{_LEAF}] | .//item[{_LEAF}][not(ref and normalize-space(.) = normalize-space(ref[1]))]"
)
"""trafilatura's headings and list items (its vocabulary), which its wild-text recovery skips,
that hold nothing it gathers (a heading or item holding a paragraph is left to it) and, for
items, are not one link (a menu entry: the one test of :func:`_links` done in the XPath, as
most list items on a page are menu entries)."""
SECTION_WORDS: Final = 15
"""A gathered heading must head this many gathered words, up to the next heading: a related-links
box's heading ("Das könnte dich auch interessieren") comes before a heading or a line or two."""
LINK_SHARE: Final = 0.5
"""A heading or list item with this share of its characters in links is not gathered."""
_STRAY_MARK: Final = "data-cleaner-was"
_WRAPPER_MARK: Final = "_cleaner_stray_sections"
_WRAPPING: Final = threading.Lock()
_SECTIONS: ContextVar[bool] = ContextVar("stray_sections", default=False)
"""Gather headings and list items in the wild-text recovery: set by :func:`main_content` for
its own fast-mode call on a page whose comments are not content, so trafilatura used elsewhere
in the process is not changed."""


@lru_cache(maxsize=1)
def _watch_recovery() -> None:
    """Wrap trafilatura's wild-text recovery (``main_extractor.recover_wild_text``, looked up
    when ``extract_content`` calls it) with :func:`stray_sections`. Without that function
    (another trafilatura version) nothing changes. Wrapped once per process, whatever calls
    this (two threads at once): wrappers stacked on each other give the same text but search
    the tree for candidates once per wrapper."""
    from trafilatura import main_extractor

    with _WRAPPING:
        recover = getattr(main_extractor, "recover_wild_text", None)
        if recover is None:
            log.info("trafilatura has no recover_wild_text: stray headings and list items are not gathered")
            return
        if getattr(recover, _WRAPPER_MARK, False):
            return

        def gathering(tree: etree._Element, body: etree._Element, *args: Any, **kwargs: Any) -> Any:
            if not _SECTIONS.get():
                return recover(tree, body, *args, **kwargs)
            return stray_sections(tree, lambda: recover(tree, body, *args, **kwargs))

        setattr(gathering, _WRAPPER_MARK, True)
        setattr(main_extractor, "recover_wild_text", gathering)  # noqa: B010 (its signature is trafilatura's)


def stray_sections(tree: etree._Element, recover: Callable[[], etree._Element]) -> etree._Element:
    """trafilatura's wild-text recovery (``recover``: when it finds no content container it
    gathers the page's stray paragraphs, code blocks and tables from ``tree``, in its
    vocabulary) with the headings and list items it skips (``STRAY_CANDIDATES``), those that
    stand between gathered paragraphs, a heading only when ``SECTION_WORDS`` gathered words
    follow it before the next heading, and none mostly links (:func:`_links`). They are
    handed to the recovery as paragraphs (its search takes ``p``) and get their tags back
    after. A heading or list before the first paragraph or after the last is the page's
    header, menus or footer; a heading followed by a heading or a line or two heads what was
    not gathered (a related-links box, a teaser card)."""
    for el in STRAY_CANDIDATES(tree):
        if not _links(el):
            el.set(_STRAY_MARK, el.tag)
            el.tag = "p"
    body = recover()
    marked = set()
    for el in body.iter():
        if (tag := el.attrib.pop(_STRAY_MARK, None)) is not None:
            el.tag = tag
            if el.getparent() is body:
                marked.add(el)
    found = [el for el in body if "".join(el.itertext()).strip()]
    plain = [n for n, el in enumerate(found) if el not in marked]
    for n, el in enumerate(found):
        if el not in marked:
            continue
        inside = bool(plain) and plain[0] < n < plain[-1]
        if not inside or (el.tag == "head" and _section_words(found[n + 1 :]) < SECTION_WORDS):
            body.remove(el)
    return body


def _links(el: etree._Element) -> bool:
    """``LINK_SHARE`` of the element's characters are link text (a menu entry, a teaser card's
    title; trafilatura writes links in a paragraph or list item as ``ref``)."""
    links = el.findall(".//ref")
    if not links:
        return False
    linked = sum(len("".join(ref.itertext()).strip()) for ref in links)
    return linked >= LINK_SHARE * len("".join(el.itertext()).strip())


def _section_words(following: list[etree._Element]) -> int:
    """The words of the gathered elements after a heading, up to the next heading (counted up
    to ``SECTION_WORDS``)."""
    found = 0
    for el in following:
        if el.tag == "head" or found >= SECTION_WORDS:
            break
        found += word_count(" ".join(el.itertext()))
    return found


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
