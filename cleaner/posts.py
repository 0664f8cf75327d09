"""The posts of a discussion page, from the schema.org microdata forum software writes.

Main-content extraction scores a thread like an article: it often keeps the first post, or
one run of replies, and drops the rest as comments. Forum and Q&A software (Discourse,
XenForo, Stack Exchange, vBulletin themes, NodeBB, ...) marks every post up as a schema.org
item: ``itemtype=".../Comment"`` (or ``DiscussionForumPosting``, ``UserComments``, and on a
``QAPage`` ``Question``/``Answer``) with the post body in ``itemprop="text"``
(``articleBody``, ``commentText``). :func:`thread` collects those bodies in page order.

Kept out: comments on a question or answer of a Q&A page (the short remarks under each post),
``<aside>`` inside a post (link previews), FAQ blocks (``Question``/``Answer`` items on a
page that is no ``QAPage``). The caller uses the thread only when it also holds most of what
extraction found (:func:`covers`), so an article whose comment section is marked up as
``Comment`` items keeps its article.
"""

from __future__ import annotations

import copy
import json
import logging
from collections import Counter
from collections.abc import Iterator
from typing import Any, Final

from lxml import etree
from lxml.html import HtmlElement

from .page_type import ITEMS, LD_SCRIPTS, PageType, item_types
from .textutil import WORD

log = logging.getLogger(__name__)

POST_TYPES: Final = frozenset({"Comment", "DiscussionForumPosting", "UserComments", "Question", "Answer"})
QA_TYPES: Final = frozenset({"Question", "Answer"})
BODY_PROPS: Final = frozenset({"text", "articleBody", "commentText"})
MIN_POSTS: Final = 2
MIN_COVERAGE: Final = 0.5
"""Share of the extracted body's words that the thread must hold to replace it."""


def _scope(el: etree._Element) -> etree._Element | None:
    """The nearest ancestor that opens an item (``itemscope`` or ``itemtype``)."""
    for parent in el.iterancestors():
        if parent.get("itemscope") is not None or parent.get("itemtype"):
            return parent
    return None


def _is_qa_page(tree: HtmlElement, types_seen: set[str]) -> bool:
    return "QAPage" in types_seen or any("QAPage" in str(s) for s in LD_SCRIPTS(tree))


def _post_items(
    tree: HtmlElement, marked: list[HtmlElement] | None = None
) -> dict[etree._Element, frozenset[str]]:
    """The post items among ``ITEMS(tree)`` (``marked``, when already read), with their types."""
    items: dict[etree._Element, frozenset[str]] = {}
    seen: set[str] = set()
    for el in ITEMS(tree) if marked is None else marked:
        types = item_types(el)
        seen |= types
        if types & POST_TYPES:
            items[el] = types
    if items and not _is_qa_page(tree, seen):
        items = {el: types for el, types in items.items() if not types <= QA_TYPES}
    return items


def _is_remark(item: etree._Element, items: dict[etree._Element, frozenset[str]]) -> bool:
    """A Comment item inside a Question/Answer: a remark under a Q&A post, not a post."""
    if "Comment" not in items[item]:
        return False
    return any(items.get(parent, frozenset()) & QA_TYPES for parent in item.iterancestors())


def _signature(el: etree._Element) -> tuple[str, frozenset[str]]:
    return str(el.tag), frozenset((el.get("class") or "").split())


def _opening_posts(
    tree: HtmlElement, first: etree._Element, items: dict[etree._Element, frozenset[str]]
) -> list[etree._Element]:
    """Post bodies before ``first`` that are not marked up: the opening post of a thread is
    often the page's DiscussionForumPosting (declared in JSON-LD or on a wrapper) and not a
    Comment item, but its body has the same tag and class as the replies' bodies."""
    if not first.get("class"):
        return []
    wanted = _signature(first)
    found: list[etree._Element] = []
    for el in tree.iter():
        if el is first:
            break
        if (
            isinstance(el.tag, str)
            and el.get("class")
            and _signature(el) == wanted
            and not any(parent in items for parent in el.iterancestors())
            and not (found and any(parent is found[-1] for parent in el.iterancestors()))
        ):
            found.append(el)
    return found


def thread(tree: HtmlElement, marked: list[HtmlElement] | None = None) -> etree._Element | None:
    """A new ``<div>`` holding a copy of each post body in page order, or None when the page
    marks up fewer than two posts. ``tree`` is not changed. ``marked``: ``ITEMS(tree)``, when
    already read."""
    items = _post_items(tree, marked)
    if len(items) < MIN_POSTS:
        return None
    bodies: list[etree._Element] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or not BODY_PROPS.intersection((el.get("itemprop") or "").split()):
            continue
        item = _scope(el)
        if item is None or item not in items or _is_remark(item, items):
            continue
        if bodies and any(parent is bodies[-1] for parent in el.iterancestors()):
            continue
        bodies.append(el)
    if len(bodies) < MIN_POSTS:
        return None
    bodies[:0] = _opening_posts(tree, bodies[0], items)
    root = etree.Element("div")
    for body in bodies:
        post = copy.deepcopy(body)
        post.tail = None
        etree.strip_elements(post, "aside", with_tail=False)  # link previews; text after them stays
        etree.SubElement(root, "div").append(post)
    log.debug("discussion thread: %d posts from microdata", len(bodies))
    return root


def discussion_thread(
    tree: HtmlElement, body: str | None, page_type: PageType, marked: list[HtmlElement] | None = None
) -> etree._Element | None:
    """The thread to use instead of the extracted text ``body``, or None to keep ``body``: the
    microdata thread when it covers ``body`` (or nothing was extracted); on a DISCUSSION page
    without marked-up posts, the JSON-LD thread. ``marked``: ``ITEMS(tree)``, when already read."""
    posts = thread(tree, marked)
    if posts is not None:
        return posts if not body or covers(posts, body) else None
    return ld_thread(tree) if page_type is PageType.DISCUSSION else None


def covers(thread_root: etree._Element, body: str) -> bool:
    """True when the thread holds at least MIN_COVERAGE of the words of ``body`` (the text
    extraction found): the extracted body was (part of) the thread, not an article above it."""
    found = Counter(WORD.findall(body.lower()))
    total = sum(found.values())
    if not total:
        return True
    have = Counter(WORD.findall(" ".join(thread_root.itertext()).lower()))
    return sum(min(n, have[w]) for w, n in found.items()) >= MIN_COVERAGE * total


def ld_thread(tree: HtmlElement) -> etree._Element | None:
    """The thread as JSON-LD gives it: a ``DiscussionForumPosting`` with its body
    (``articleBody``/``text``) and a ``comment`` list whose items carry their ``text``. A new
    ``<div>`` with one ``<div>`` per post (a ``<p>`` per line), or None."""
    for script in LD_SCRIPTS(tree):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        for posting in _ld_items(data, "DiscussionForumPosting"):
            texts = [_ld_text(posting)] + [_ld_text(c) for c in _as_list(posting.get("comment"))]
            posts = [t for t in texts if t]
            if texts[0] and len(posts) >= MIN_POSTS:
                log.debug("discussion thread: %d posts from JSON-LD", len(posts))
                return _thread_from_texts(posts)
    return None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def _ld_items(data: Any, wanted: str) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of type ``wanted``, at any depth (``@graph``, nested values)."""
    if isinstance(data, dict):
        if wanted in _as_list(data.get("@type")):
            yield data
        for value in data.values():
            yield from _ld_items(value, wanted)
    elif isinstance(data, list):
        for value in data:
            yield from _ld_items(value, wanted)


def _ld_text(item: Any) -> str:
    if not isinstance(item, dict):
        return ""
    text = item.get("articleBody") or item.get("text")
    return text.strip() if isinstance(text, str) else ""


def _thread_from_texts(posts: list[str]) -> etree._Element:
    root = etree.Element("div")
    for text in posts:
        post = etree.SubElement(root, "div")
        for line in text.splitlines():
            if line.strip():
                etree.SubElement(post, "p").text = line.strip()
    return root
