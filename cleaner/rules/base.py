"""What a rule is. Rules detect; the engine removes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar, Final

from lxml.html import HtmlElement

from .. import phrases
from ..document import Block, Document
from ..textutil import PhraseSet, contains_any, starts_with_phrase, word_count

DOCSTRING_SECTIONS: Final = ("Removes:", "Why:", "Example:", "Keeps:")
CODE_BLOCK_TAGS: Final = frozenset({"pre"})
"""Block tags whose text is code: phrase rules leave them alone ("git checkout", "SORT BY")."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's verdict: remove this block (index) or element, for this reason."""

    target: int | HtmlElement
    reason: str


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing the engine removed: which rule, what text, and why."""

    rule: str
    name: str
    text: str
    reason: str
    stage: str  # "tree" (HTML element, before extraction) or "block"


class Rule:
    """Base class. A rule module defines one subclass with a docstring in four sections
    (``Removes:``, ``Why:``, ``Example:``, ``Keeps:``) and overrides one or both finders.

    * ``find_in_tree`` sees the parsed HTML before extraction and yields elements.
    * ``find_in_blocks`` sees the blocks (HTML after extraction, or a text dump) and yields
      block indexes. A rule with ``context = True`` runs after all context-free rules and
      gets their verdicts, so it can judge a block by its removed neighbours.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    context: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("shared_base", False):
            return  # a base for several rules, not a rule
        for attr in ("code", "name"):
            if not isinstance(cls.__dict__.get(attr), str):
                raise TypeError(f"rule {cls.__name__} must define a str class attribute {attr!r}")

    @classmethod
    def group(cls) -> str:
        return cls.name.split(".", 1)[0]

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        """Yield elements of the raw page to remove. Never mutate the tree."""
        return iter(())

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        """Yield block indexes to remove. ``removed`` holds earlier verdicts (context rules)."""
        return iter(())


class PhraseRule(Rule):
    """Shared detector: a short block (at most ``max_words``, not a code block) that
    ``matches`` a phrase of ``topic``. Subclasses set the three class attributes and their
    docs; the subclasses below say how a block matches."""

    shared_base: ClassVar[bool] = True
    topic: ClassVar[str]
    max_words: ClassVar[int]
    label: ClassVar[str]

    def matches(self, block: Block, found: PhraseSet) -> str | None:
        """The phrase ``block`` matches, or None."""
        raise NotImplementedError

    @property
    def reach(self) -> int:
        """The most words a block may have to be looked at: ``max_words``."""
        return self.max_words

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        found = phrases.load(self.topic, doc.langs)
        for i, block in enumerate(doc.blocks):
            if block.tag not in CODE_BLOCK_TAGS and word_count(block.text) <= self.reach:
                phrase = self.matches(block, found)
                if phrase:
                    yield Hit(i, f"{self.label} {phrase!r}")


class StartPhraseRule(PhraseRule):
    """A short block that starts with a phrase of ``topic`` (whole words)."""

    shared_base: ClassVar[bool] = True

    def matches(self, block: Block, found: PhraseSet) -> str | None:
        return starts_with_phrase(block.key, found)


class LabelRule(PhraseRule):
    """A short block that *is* a label of ``topic`` (whole-block match on ``key``, edge
    punctuation ignored)."""

    shared_base: ClassVar[bool] = True

    def matches(self, block: Block, found: PhraseSet) -> str | None:
        return block.key if block.key in found else None


class ColonLabelRule(LabelRule):
    """A short block that is a label of ``topic``, or starts with one of its phrases that
    end in a colon ("Related: <title>", "Tags: a, b, c"). Such a line may run to
    ``max_colon_words`` words when that is more than ``max_words`` (a title after the label);
    no label of ``topic`` is that long, so longer blocks only match by their colon label."""

    shared_base: ClassVar[bool] = True
    max_colon_words: ClassVar[int] = 0

    @property
    def reach(self) -> int:
        return max(self.max_words, self.max_colon_words)

    def matches(self, block: Block, found: PhraseSet) -> str | None:
        if block.key in found:
            return block.key
        if not block.key.startswith(found.labels):  # one C-level test for the common miss
            return None
        return next(phrase for phrase in found.labels if block.key.startswith(phrase))


class ContainsPhraseRule(PhraseRule):
    """A short block that contains a phrase of ``topic`` (whole words, anywhere)."""

    shared_base: ClassVar[bool] = True

    def matches(self, block: Block, found: PhraseSet) -> str | None:
        return contains_any(block.normal, found)
