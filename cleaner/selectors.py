"""Markup signals shared by several rules: class/id tokens and element helpers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from lxml.html import HtmlElement

from .textutil import collapse, word_count

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


def short_enough(el: HtmlElement, max_words: int) -> bool:
    """Element text has at most ``max_words`` words and it is not a page-level container."""
    return el.tag not in CONTAINER_TAGS and word_count(el.text_content()) <= max_words


def outermost(elements: list[HtmlElement]) -> Iterator[HtmlElement]:
    """Drop elements nested in another element of the list."""
    unique = list(dict.fromkeys(elements))
    chosen = set(unique)
    for el in unique:
        if not any(anc in chosen for anc in el.iterancestors()):
            yield el


def leaf_texts(tree: HtmlElement, max_chars: int = 120) -> Iterator[HtmlElement]:
    """Elements with short direct text and no element children carrying text: UI labels."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title"):
            continue
        text = (el.text or "").strip()
        if text and len(text) <= max_chars and not any((c.text or "").strip() for c in el):
            yield el
