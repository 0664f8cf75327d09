"""The data the pipeline passes between its stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from lxml.html import HtmlElement

from .textutil import normalise, strip_edges

if TYPE_CHECKING:
    from .choose import Source
    from .page_type import PageType
    from .selectors import PageIndex


class Kind(str, Enum):
    """What the input is: an HTML page or a plain-text dump of one."""

    AUTO = "auto"
    HTML = "html"
    TEXT = "text"

    def __str__(self) -> str:
        return self.value


@dataclass(slots=True)
class Block:
    """One paragraph, heading, list item, table row or text-dump line.

    ``gap_before`` is False when the block followed the previous one with no
    blank line (text dumps) — such blocks usually come from the same widget.
    """

    text: str
    tag: str = "p"
    gap_before: bool = True
    link_density: float = 0.0
    normal: str = field(init=False)
    """``normalise(text)``: NFKC, casefolded, single spaces — what phrase matching uses."""
    key: str = field(init=False)
    """``key(text)``: ``normal`` without edge punctuation or bullets — for whole-block matches."""

    def __post_init__(self) -> None:
        self.normal = normalise(self.text)
        self.key = strip_edges(self.normal)


@dataclass(slots=True)
class Document:
    """A page as the rules see it."""

    kind: Kind
    blocks: list[Block] = field(default_factory=list)
    tree: HtmlElement | None = None
    title: str = ""
    lang: str | None = None
    url: str | None = None
    page_type: PageType | None = None
    source: Source | None = None
    """Which main-content candidate the blocks came from (HTML only)."""
    index: PageIndex | None = None
    """Class/id tokens and UI labels of the HTML tree, built once before the tree rules."""

    @property
    def page_index(self) -> PageIndex:
        if self.index is None:
            raise RuntimeError("the page index exists only for HTML documents during the tree stage")
        return self.index

    @property
    def langs(self) -> tuple[str, ...]:
        """Languages whose phrase lists apply; empty means 'all of them'."""
        return (self.lang,) if self.lang else ()
