"""The public entry points. Reads top to bottom as the pipeline:

load -> prepare (HTML) -> tree rules (HTML) -> extract (HTML) -> segment -> block rules -> context rules
-> render.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from lxml.html import HtmlElement

from . import registry
from .choose import Source, choose, last_resort, merged, more_words
from .config import Config
from .document import Block, Document, Kind
from .engine import Deadline, Engine
from .extract import (
    Extraction,
    drop_scripts,
    last_resort_page,
    main_content,
    most_words,
    page_in_blocks,
    resiliparse,
    resiliparse_text,
)
from .load import detect_lang, load, page_lang
from .nesting import drop_chrome
from .page_type import ITEMS, PageType
from .page_type import detect as detect_page_type
from .posts import discussion_thread
from .prepare import prepare
from .render import render
from .rules.base import Removal, Rule
from .segment import segment_lines, segment_text, segment_tree
from .selectors import PageIndex
from .title import html_title, text_title

log = logging.getLogger(__name__)

LINK_LIST_DENSITY = 0.5
CHROME_TAGS = ("nav", "header", "footer", "aside", "form", "menu")


@dataclass(frozen=True)
class Result:
    """What ``Cleaner.run`` returns: the text and how it came about."""

    text: str
    title: str
    kind: Kind
    lang: str | None
    url: str | None
    removals: tuple[Removal, ...]
    extracted: bool
    """True when main-content extraction found the body; False for text input or a fallback."""
    page_type: PageType | None = None
    """ARTICLE, DISCUSSION, PRODUCT or LISTING for HTML (markup signals: ``cleaner.page_type``); None for
    text dumps."""
    source: Source | None = None
    """Which main-content candidate the blocks came from (HTML); None for text dumps."""


class Cleaner:
    """A configured, reusable, picklable cleaner. ``clean()`` is a default one."""

    def __init__(self, config: Config | None = None, *, extra_rules: Sequence[type[Rule]] = ()) -> None:
        self.config = config or Config()
        self.rule_classes = registry.select(self.config, extra_rules)
        self.engine = Engine([cls() for cls in self.rule_classes], self.config)

    def clean(
        self, page: Any, *, url: str | None = None, kind: Kind | str = Kind.AUTO, encoding: str | None = None
    ) -> str:
        """The main body of ``page`` as plain text ('' when there is none)."""
        return self.run(page, url=url, kind=kind, encoding=encoding).text

    def run(
        self, page: Any, *, url: str | None = None, kind: Kind | str = Kind.AUTO, encoding: str | None = None
    ) -> Result:
        """Clean ``page`` and report what was removed and why."""
        deadline = Deadline(self.config.time_budget)
        loaded = load(page, Kind(kind), self.config, encoding)
        if loaded.tree is not None:
            doc, removals, extracted = self._html(loaded.tree, url, deadline)
        else:
            doc, removals, extracted = Document(Kind.TEXT, segment_text(loaded.text), url=url), [], False
            doc.lang = self._lang(None, doc)
        removed = self.engine.apply_to_blocks(doc, deadline)
        removals.extend(removed[i] for i in sorted(removed))
        title = doc.title or text_title(doc.blocks, removed)
        text = render(doc.blocks, removed)
        return Result(
            text, title, doc.kind, doc.lang, url, tuple(removals), extracted, doc.page_type, doc.source
        )

    def _html(
        self, tree: HtmlElement, url: str | None, deadline: Deadline
    ) -> tuple[Document, list[Removal], bool]:
        doc = Document(Kind.HTML, tree=tree, url=url, title=html_title(tree))
        doc.lang = self._lang(page_lang(tree), doc)
        drop_scripts(tree)
        doc.index = PageIndex.build(tree)
        prepare(tree, doc.index)
        removals = self.engine.apply_to_tree(doc, tree, deadline)
        doc.index = None
        deadline.check("extraction")
        items = ITEMS(tree)  # schema.org items, for the page type and the posts
        doc.page_type = detect_page_type(tree, url, items)
        comments = self.config.include_comments
        if comments is None:
            comments = doc.page_type is PageType.DISCUSSION
        plan = deadline.plan_extraction(tree, self.config)
        extracted = _extracted_blocks(tree, self.config, url, plan, comments, deadline)
        posts = None
        if self.config.include_comments is not False and plan is not Extraction.SKIP:
            found = render(extracted[0], ()) if extracted is not None else None
            posts = discussion_thread(tree, found, doc.page_type, items)
        if posts is not None:
            doc.page_type = PageType.DISCUSSION
            doc.blocks, doc.source = segment_tree(posts, extracted=False), Source.POSTS
        elif extracted is not None:
            doc.blocks, doc.source = extracted
        elif self.config.extract:
            doc.blocks, doc.source = _fallback_blocks(tree), Source.BODY
        else:
            doc.blocks, doc.source = segment_tree(_body(tree), extracted=False), Source.BODY
        if doc.lang is None:
            doc.lang = self._lang(None, doc)
        return doc, removals, doc.source is not Source.BODY

    def _lang(self, declared: str | None, doc: Document) -> str | None:
        if self.config.languages:
            return self.config.languages[0]
        if declared or not doc.blocks:
            return declared
        return detect_lang(" ".join(b.text for b in doc.blocks[:200]))


def _extracted_blocks(
    tree: HtmlElement, config: Config, url: str | None, plan: Extraction, comments: bool, deadline: Deadline
) -> tuple[list[Block], Source] | None:
    """The blocks of the main content and where they came from: the candidate ``choose``
    prefers (trafilatura fast mode, Resiliparse, their merge, or trafilatura's default mode
    where its fast mode found a fragment), trafilatura alone when Resiliparse is missing or
    the plan says FAST; None when extraction is skipped or finds nothing."""
    if plan is Extraction.SKIP:
        return None
    second = resiliparse() if plan is Extraction.FULL else None
    body = main_content(
        tree, config, url, comments=comments, fast=plan is Extraction.FAST or second is not None
    )
    blocks = segment_tree(body, extracted=True) if body is not None else []
    found = render(blocks, ())

    @cache
    def page_words() -> int:
        return most_words(tree)

    text = resiliparse_text(tree, second, comments=comments) if second is not None else None
    if text is not None:
        choice = choose(found, text, comments=comments, page_words=page_words)
        log.debug("main content from %s: %s", choice.source, choice.reason)
        if choice.source is Source.RESILIPARSE:
            return segment_lines(text), Source.RESILIPARSE
        if choice.source is Source.MERGED:
            return segment_lines(merged(found, text, prose_only=choice.prose_only)), Source.MERGED
        if choice.source is Source.TRAFILATURA_DEFAULT and not deadline.affords_second_pass(tree):
            log.info("no time left for trafilatura's default mode: %s kept", choice.otherwise)
        elif choice.source is Source.TRAFILATURA_DEFAULT:
            default = main_content(tree, config, url, comments=comments)
            recovered = segment_tree(default, extracted=True) if default is not None else []
            if more_words(render(recovered, ()), found, choice.least_words):
                return recovered, Source.TRAFILATURA_DEFAULT
            log.debug("trafilatura's default mode found too little: %s kept", choice.otherwise)
        if choice.source is Source.TRAFILATURA_DEFAULT and choice.otherwise is Source.BODY:
            return None
    if not blocks:
        return None
    page = cache(lambda: last_resort_page(_body(tree)))
    if last_resort(found, lambda: " ".join(page().itertext())):
        log.debug("trafilatura's text is the whole page in one block: the page's own blocks taken")
        return segment_tree(page_in_blocks(page()), extracted=False), Source.PAGE_BLOCKS
    return blocks, Source.TRAFILATURA


def _fallback_blocks(tree: HtmlElement) -> list[Block]:
    """When extraction finds nothing: the <body> without page chrome and link lists. A chrome
    element holding most of the body's text is not chrome: the parser nested the page in it
    (an unclosed <aside> or <header>: libxml2 does not close it as a browser would)."""
    log.debug("no main content found; keeping <body> blocks outside nav/header/footer/aside")
    drop_chrome(_body(tree), CHROME_TAGS)
    return [b for b in segment_tree(_body(tree), extracted=False) if b.link_density < LINK_LIST_DENSITY]


def _body(tree: HtmlElement) -> HtmlElement:
    body = tree.find("body")
    return tree if body is None else body


@lru_cache(maxsize=8)
def _default_cleaner(config: Config | None) -> Cleaner:
    return Cleaner(config)


def clean(
    page: Any,
    *,
    url: str | None = None,
    kind: Kind | str = Kind.AUTO,
    encoding: str | None = None,
    config: Config | None = None,
) -> str:
    """Return the main body of a web page (HTML str/bytes, lxml tree, BeautifulSoup, or a text dump)."""
    return _default_cleaner(config).clean(page, url=url, kind=kind, encoding=encoding)


def run(
    page: Any,
    *,
    url: str | None = None,
    kind: Kind | str = Kind.AUTO,
    encoding: str | None = None,
    config: Config | None = None,
) -> Result:
    """Like :func:`clean` but returns a :class:`Result` with title, language and removals."""
    return _default_cleaner(config).run(page, url=url, kind=kind, encoding=encoding)
