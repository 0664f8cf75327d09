"""Markup signals shared by several rules: class/id tokens and element helpers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from lxml import etree
from lxml.html import HtmlElement

from .textutil import collapse, key, word_count

TOKEN_SPLIT: Final = re.compile(r"[\s_]+")
CONTAINER_TAGS: Final = frozenset({"html", "body", "main", "article"})


def class_tokens(el: HtmlElement) -> list[str]:
    """Lowercased class and id tokens (``c-mmp__player`` stays one token)."""
    return [t for t in TOKEN_SPLIT.split(f"{el.get('class', '')} {el.get('id', '')}".lower()) if t]


def has_token(el: HtmlElement, *fragments: str) -> bool:
    """Does any class/id token contain one of ``fragments``?"""
    return any(f in token for token in class_tokens(el) for f in fragments)


def text_of(el: HtmlElement) -> str:
    return collapse(el.text_content())


def has_own_text(el: HtmlElement) -> bool:
    """Whether ``el`` holds text of its own (not only inside its children): running text."""
    return bool((el.text or "").strip()) or any((child.tail or "").strip() for child in el)


def short_enough(el: HtmlElement, max_words: int) -> bool:
    """Element text has at most ``max_words`` words and it is not a page-level container."""
    return el.tag not in CONTAINER_TAGS and word_count(el.text_content()) <= max_words


def link_density(el: HtmlElement) -> float:
    """Share of the element's text that sits inside links (0.0 for an element without text)."""
    total = len(text_of(el))
    if not total:
        return 0.0
    return min(1.0, sum(len(text_of(a)) for a in el.iter("a")) / total)


def outermost(elements: list[HtmlElement]) -> Iterator[HtmlElement]:
    """Drop elements nested in another element of the list."""
    unique = list(dict.fromkeys(elements))
    chosen = set(unique)
    for el in unique:
        if not any(anc in chosen for anc in el.iterancestors()):
            yield el


MARKED: Final = etree.XPath("//*[@class or @id][not(self::script or self::style or self::noscript)]")
"""The elements ``PageIndex.marked`` holds (found by a walk over the tree, which is faster)."""
NOT_MARKED: Final = frozenset({"script", "style", "noscript"})
MAX_LABEL_CHARS: Final = 120
SHORT_TEXT: Final = etree.XPath(
    "//body//*[not(self::script or self::style)]"
    f"[normalize-space(text()[1]) and string-length(normalize-space(text()[1])) <= {MAX_LABEL_CHARS}]"
    "[not(ancestor-or-self::code or ancestor-or-self::pre)]"
)
"""Where ``PageIndex.labels`` come from (found by a walk over the <body> when there is one)."""
XML_SPACE: Final = " \t\r\n"
XML_SPACE_RUN: Final = re.compile(f"[{XML_SPACE}]+")
BREADCRUMB_ATTRIBUTES: Final = etree.XPath(
    "/descendant::*[@aria-label or @itemtype]"
    "[contains(translate(@aria-label, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(@itemtype, 'BreadcrumbList')]"
)
"""``/descendant::`` finds what ``//`` does, in one walk: 0.25 ms a page of the trafilatura set
against 0.30, 0.54 against 0.62 on WCXB (``//`` is a union of child steps from every node)."""


@dataclass(slots=True)
class PageIndex:
    """What the tree rules look up, computed once per page instead of once per rule.

    ``marked``: elements with a class or id; ``names`` their lowercased class and id; ``labels``:
    elements whose own leading text is short and whose children carry no text of their own (UI
    labels), with that text's ``key()``; not inside ``<code>`` or ``<pre>``: a ``watch``
    channel or a ``'Loading...'`` string in a code sample is not a player control (MED01 took
    such words out of 2 documentation pages; the test costs about 0.2 ms a page). Entries may
    go stale as rules remove elements: the engine skips elements that are no longer in the
    tree.
    """

    marked: list[HtmlElement]
    names: list[str]
    labels: list[tuple[HtmlElement, str]]
    text: str
    """All ``names`` joined by newlines: one C-speed substring search per fragment."""
    starts: list[int]
    """Where each name starts in ``text``."""

    @classmethod
    def build(cls, tree: HtmlElement) -> PageIndex:
        marked, names = [], []
        for el in _elements(tree):
            css, ids = el.get("class"), el.get("id")
            if (css is not None or ids is not None) and el.tag not in NOT_MARKED:
                marked.append(el)
                names.append(f"{css or ''} {ids or ''}".lower())
        starts, pos = [], 0
        for name in names:
            starts.append(pos)
            pos += len(name) + 1
        labels = []
        for el in _short_text(tree):
            text = (el.text or "").strip()  # text()[1] may be a child's tail
            if text and (not len(el) or not any(c.text and not c.text.isspace() for c in el)):
                labels.append((el, key(text)))
        return cls(marked, names, labels, "\n".join(names), starts)

    def _matching(self, fragments: tuple[str, ...]) -> list[int]:
        """Indexes of the names containing one of ``fragments`` (which hold no space or '_',
        so a fragment inside a name is inside one of its tokens), in document order."""
        found: set[int] = set()
        for fragment in fragments:
            pos = self.text.find(fragment)
            while pos != -1:
                i = bisect_right(self.starts, pos) - 1
                found.add(i)
                pos = self.text.find(fragment, self.starts[i] + len(self.names[i]) + 1)  # next name
        return sorted(found)

    def with_token(self, *fragments: str) -> list[HtmlElement]:
        """Elements with a class/id token containing one of ``fragments``."""
        return [self.marked[i] for i in self._matching(fragments)]

    def tokens_with(self, *fragments: str) -> list[tuple[HtmlElement, list[str]]]:
        """``with_token`` with each element's class/id tokens, for a closer look."""
        return [(self.marked[i], class_tokens(self.marked[i])) for i in self._matching(fragments)]


def _elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Every element of ``tree``'s document in document order, as ``//*`` finds them: a walk
    is three times as fast as that XPath (0.3 ms against 0.8 a page of the trafilatura set).
    It starts at the root's siblings too: libxml2 puts markup after ``</html>`` in a second
    root element, which XPath sees and ``root.iter()`` does not."""
    for top in top_elements(tree):
        yield from top.iter(etree.Element)


def top_elements(tree: HtmlElement) -> list[HtmlElement]:
    """The root of ``tree``'s document and its sibling elements, in document order: where a
    walk must start to see all that an XPath starting with ``//`` sees."""
    root = tree.getroottree().getroot()
    before = list(root.itersiblings(etree.Element, preceding=True))
    return [*reversed(before), root, *root.itersiblings(etree.Element)]


def _short_text(tree: HtmlElement) -> Iterator[HtmlElement]:
    """What ``SHORT_TEXT`` finds, by a walk over the <body> (the XPath where a document has
    no <body> or several): elements but scripts, styles and code (``<code>``, ``<pre>`` and
    what they hold) whose first text, with XML white space collapsed as ``normalize-space``
    does, is not empty and at most ``MAX_LABEL_CHARS`` characters. (Only ``el.text`` is
    looked at: a first text node that is a child's tail is left out by ``PageIndex.build``
    anyway.)"""
    bodies = [body for top in top_elements(tree) for body in top.iter("body")]
    if len(bodies) != 1:
        yield from SHORT_TEXT(tree)
        return
    code = {inner for outer in bodies[0].iter("code", "pre") for inner in outer.iter(etree.Element)}
    walk = bodies[0].iter(etree.Element)
    next(walk)  # the <body> itself
    for el in walk:
        text = el.text
        if not text or el.tag == "script" or el.tag == "style" or el in code:
            continue
        stripped = text.strip(XML_SPACE)
        if stripped and (
            len(stripped) <= MAX_LABEL_CHARS or len(XML_SPACE_RUN.sub(" ", stripped)) <= MAX_LABEL_CHARS
        ):
            yield el
