"""Repair a page that libxml2 nested in its own chrome: re-parse it the way a browser does.

libxml2's HTML parser (lxml) builds its tree with pre-HTML5 rules. An end tag that does not
match the open element closes it only if every element in between has a lower "end priority";
a ``<div>`` outranks the HTML5 elements libxml2 does not know, so ``<header><div>...</header>``
leaves the header open and the rest of the page, article included, ends up inside it, where
both extractors and the chrome rules treat it as page chrome. And libxml2 stops at the first
``</html>``: a theme that closes the document after its header loses the whole article that
follows, which a browser shows. An HTML5 parser (what browsers run) closes the header and
keeps reading after ``</html>``.

Detection is cheap and runs on every page: the parser's error log names an end tag of a chrome
element (``aside``, ``header``, ``nav``, ``footer``) that it could not match ("Opening and
ending tag mismatch: header and div"), or the page has ``TAIL_WORDS`` words of text after its
first ``</html>``. lxml keeps only the first ``FULL_LOG`` errors of a parse; when the log is
full, the tree is checked instead: a chrome element holding more than ``CHROME_SHARE`` of the
body's text. Only a detected page is re-parsed: Resiliparse's HTML5 parser (lexbor, already a
dependency) builds the browser's tree, it is serialised and parsed again by lxml (well-formed
markup, so libxml2 keeps that structure).

Measured (repair on vs off, same code, pages that trigger re-run, the rest unchanged): WCXB
dev triggers on 45 of 1,497 pages (38 by an unclosed chrome end tag, 4 by text after
``</html>``, 3 by a full log and a chrome element holding most of the body); word F1 0.8526
to 0.8542 (odd ids 0.8499 to 0.8508, even 0.8551 to 0.8576), articles 0.950 to 0.953,
collections 0.614 to 0.618, service 0.816 to 0.817, other types unchanged; without-rate
0.0487 to 0.0481. 16 pages gain (an article lost after ``</html>`` 0 to 0.97; 0.70 to
0.99, 0.82 to 1.00, a collection 0.62 to 0.97), none loses. 10 of the 36 pages where
trafilatura returns the whole page as one block trigger (3 of their "without" leaks go). The
trafilatura eval set triggers on 21 of 990 pages: snippet F1 0.9279 to 0.9284. Cost: the
detector (mostly finding ``</html>``) about 0.2 ms a page, the re-parse 1 to 50 ms on the
pages that trigger, in all about 0.3 ms a page on WCXB (0.5% of ``clean()``). Tried and
left out: also section/main/article/form end tags (24 more WCXB pages: sum of F1 -0.15, one
listing 0.99 to 0.84; one eval-set page loses its 3 leaks); the first ``</html>`` alone
without the line check (17 more re-parses, nothing gained: pasted documents that libxml2
reads past); a chrome element over half of the body alone (134 pages, 0.9 ms a page for
the text lengths).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Final

from lxml import etree
from lxml.html import HtmlElement

log = logging.getLogger(__name__)

CHROME: Final = ("aside", "header", "nav", "footer")
UNCLOSED_CHROME: Final = re.compile(r"Opening and ending tag mismatch: (?:aside|header|nav|footer) and ")
MISMATCH: Final = [etree.ErrorTypes.ERR_TAG_NAME_MISMATCH]
FULL_LOG: Final = 100
"""lxml keeps the first 100 errors of a parse and drops the rest."""
CHROME_SHARE: Final = 0.5
TAIL_WORDS: Final = 50
TAIL_CHARS: Final = 50_000
NOT_TEXT: Final = re.compile(
    r"<(script|style|template)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)|<[^>]*(?:>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
"""Markup, scripts, styles and comments, each up to its end or, unclosed, to the end of the
text: an unclosed one is one match to the end, not a scan of the rest from each start (which
made thousands of unclosed ``<script>`` or ``<!--`` after ``</html>`` take seconds), and the
CSS or JSON of a script the ``TAIL_CHARS`` window cuts off does not count as text."""


def misnested(text: str, tree: HtmlElement, errors: etree._ListErrorLog) -> bool:
    """Whether libxml2's tree of ``text`` (``errors``: its parser's error log) departs from a
    browser's in a way that hides content: a chrome element left open, or text dropped after
    ``</html>``."""
    if any(UNCLOSED_CHROME.match(entry.message) for entry in errors.filter_types(MISMATCH)):
        return True
    return text_after_end(text, tree) or (len(errors) >= FULL_LOG and chrome_holds_body(tree))


def text_after_end(text: str, tree: HtmlElement) -> bool:
    """Whether libxml2 stopped at a ``</html>`` that ``TAIL_WORDS`` words of text follow. It
    does not always stop there (not after a second <html> start tag, as pasted documents
    have): it did when the tree's last element starts no later than that end tag's line."""
    end = text.find("</html")
    if end < 0:
        end = text.find("</HTML")
    if end < 0 or len(NOT_TEXT.sub(" ", text[end : end + TAIL_CHARS]).split()) < TAIL_WORDS:
        return False
    last = tree
    while len(last):
        last = last[-1]
    return (last.sourceline or 0) <= text.count("\n", 0, end) + 1


def chrome_holds_body(tree: HtmlElement) -> bool:
    """Whether one chrome element holds more than ``CHROME_SHARE`` of the <body>'s text."""
    body = tree.find("body")
    if body is None:
        return False
    most = most_of_body(body)
    return any(text_length(el) > most for el in body.iter(*CHROME))


def most_of_body(body: HtmlElement) -> float:
    """An element with more text than this (``text_length``) holds the page: the parser
    nested the page in it."""
    return CHROME_SHARE * text_length(body)


def drop_chrome(body: HtmlElement, tags: tuple[str, ...], more: Iterable[HtmlElement] = ()) -> None:
    """Remove the elements of ``body`` with these chrome tags (and ``more`` elements of it),
    except one that holds most of it (``most_of_body``): the parser nested the page in it."""
    most = most_of_body(body)
    for el in [*body.iter(*tags), *more]:
        if el.getparent() is not None and text_length(el) <= most:
            el.drop_tree()


def text_length(el: HtmlElement) -> int:
    """The length of ``el``'s text, scripts and styles left out."""
    return len(el.text_content()) - sum(len(s.text or "") for s in el.iter("script", "style"))


def as_html5(text: str) -> str | None:
    """``text`` parsed by an HTML5 parser (lexbor, through Resiliparse) and serialised, or None
    if Resiliparse is not importable or fails."""
    try:
        from resiliparse.parse.html import HTMLTree
    except ImportError:
        return None
    try:
        document = HTMLTree.parse(text).document
    except (ValueError, TypeError, RuntimeError, MemoryError) as err:
        log.warning("HTML5 re-parse failed (%s: %s)", type(err).__name__, err)
        return None
    if document is None:
        return None
    html: str = document.html
    log.debug("page nested in its chrome by libxml2: re-parsed as HTML5")
    return html
