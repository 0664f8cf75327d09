"""The one place that removes things: applies rule verdicts to the tree or the blocks."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import Final

from lxml import etree
from lxml.html import HtmlElement

from .config import Config
from .document import Document
from .errors import RuleError, TimeBudgetExceededError
from .extract import Extraction
from .rules.base import Hit, Removal, Rule
from .textutil import collapse

log = logging.getLogger(__name__)

UNREMOVABLE_TAGS = frozenset({"html", "body", "head"})
ELEMENT_COUNT: Final = etree.XPath("count(/descendant::*)")
"""The elements of the page (the root's siblings too), compiled once: ``tree.xpath("count(//*)")``
compiled it on every call and walked the tree as a union of child steps (0.09 ms a page of the
trafilatura set against 0.07)."""


class Deadline:
    """The per-page time budget: raises TimeBudgetExceededError once it is spent, and plans
    main-content extraction (the one step that cannot be interrupted) to fit in what is left.

    No signals or threads: ``check`` runs between steps, so a budget works the same in any
    thread or worker process; the step in progress finishes first.
    """

    FULL_EXTRACTION_ELEMENTS: Final = 20_000
    """Above this many elements extraction runs in fast mode (trafilatura alone, without a
    second opinion: its cost grows with elements times depth)."""
    SECONDS_PER_ELEMENT: Final = {Extraction.FULL: 3e-4, Extraction.FAST: 2e-4}
    """Cost model of extraction, rounded up from measurements on hostile pages (its cost
    hardly depends on text length); extraction may take at most half of what is left."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.end = None if seconds is None else time.monotonic() + seconds

    def check(self, where: str) -> None:
        if self.end is not None and time.monotonic() > self.end:
            raise TimeBudgetExceededError(
                f"cleaning took longer than {self.seconds:g}s (stopped at {where}); "
                "raise Config(time_budget=...) or set it to None"
            )

    def remaining(self) -> float | None:
        """Seconds left, or None without a budget."""
        return None if self.end is None else self.end - time.monotonic()

    def affords(self, seconds: float) -> bool:
        """Would a step of ``seconds`` leave as much again for the rest of the page?"""
        left = self.remaining()
        return left is None or 2 * seconds <= left

    def affords_second_pass(self, tree: HtmlElement) -> bool:
        """Is there time left for trafilatura's default mode after the planned extraction
        (``choose`` step 3, on pages where fast mode found a fragment)?"""
        return self.affords(int(ELEMENT_COUNT(tree)) * self.SECONDS_PER_ELEMENT[Extraction.FULL])

    def plan_extraction(self, tree: HtmlElement, config: Config) -> Extraction:
        """The most extraction that the page size (``Config.max_extract_elements``) and the
        remaining budget allow."""
        if not config.extract:
            return Extraction.SKIP
        elements = int(ELEMENT_COUNT(tree))
        if elements > config.max_extract_elements:
            log.warning(
                "page has %d elements, over Config(max_extract_elements=%d): main-content extraction "
                "skipped, keeping the <body> without page chrome",
                elements,
                config.max_extract_elements,
            )
            return Extraction.SKIP
        mode = Extraction.FULL if elements <= self.FULL_EXTRACTION_ELEMENTS else Extraction.FAST
        if mode is Extraction.FULL and not self.affords(elements * self.SECONDS_PER_ELEMENT[mode]):
            mode = Extraction.FAST
        if mode is Extraction.FAST and not self.affords(elements * self.SECONDS_PER_ELEMENT[mode]):
            mode = Extraction.SKIP
        if mode is Extraction.SKIP:
            log.warning(
                "page has %d elements: main-content extraction skipped to stay within "
                "Config(time_budget=%s), keeping the <body> without page chrome",
                elements,
                self.seconds,
            )
        elif mode is Extraction.FAST:
            log.info("page has %d elements: main-content extraction in fast mode", elements)
        return mode


class Engine:
    """Runs the selected rules in order and applies what they find."""

    def __init__(self, rules: Sequence[Rule], config: Config) -> None:
        self.rules = tuple(rules)
        self.config = config

    def apply_to_tree(self, doc: Document, tree: HtmlElement, deadline: Deadline) -> list[Removal]:
        """Each rule sees the tree as the rules before it left it."""
        removals: list[Removal] = []
        for rule in self.rules:
            deadline.check(rule.code)
            for hit in self._hits(rule, partial(rule.find_in_tree, doc, tree)):
                element = hit.target
                if isinstance(element, HtmlElement) and _removable(element, tree):
                    removals.append(_removal(rule, collapse(element.text_content()), hit.reason, "tree"))
                    element.drop_tree()
        return removals

    def apply_to_blocks(self, doc: Document, deadline: Deadline) -> dict[int, Removal]:
        """Context-free rules first, then context rules, which see the verdicts so far."""
        removed: dict[int, Removal] = {}
        ordered = [r for r in self.rules if not r.context] + [r for r in self.rules if r.context]
        for rule in ordered:
            deadline.check(rule.code)
            for hit in self._hits(rule, partial(rule.find_in_blocks, doc, removed)):
                index = hit.target
                if isinstance(index, int) and 0 <= index < len(doc.blocks) and index not in removed:
                    removed[index] = _removal(rule, doc.blocks[index].text, hit.reason, "block")
        return removed

    def _hits(self, rule: Rule, find: Callable[[], Iterable[Hit]]) -> Iterator[Hit]:
        """Materialise a rule's hits; a crashing rule is skipped (or raised when strict)."""
        try:
            hits = list(find())
        except Exception as err:  # the one broad catch: a rule bug must not sink the page
            if self.config.strict:
                raise RuleError(rule.code, err) from err
            log.warning(
                "rule %s (%s) crashed and was skipped: %s: %s", rule.code, rule.name, type(err).__name__, err
            )
            return iter(())
        return iter(hits)


def _removable(element: HtmlElement, tree: HtmlElement) -> bool:
    """Not the root/body, and still attached to the tree (an ancestor may be gone already)."""
    if element.tag in UNREMOVABLE_TAGS or element is tree or element.getparent() is None:
        return False
    return element.getroottree().getroot() is tree


def _removal(rule: Rule, text: str, reason: str, stage: str) -> Removal:
    log.debug("%s %s: %.80s (%s)", rule.code, stage, text, reason)
    return Removal(rule=rule.code, name=rule.name, text=text, reason=reason, stage=stage)
