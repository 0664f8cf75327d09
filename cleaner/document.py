"""The data the pipeline passes between its stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from lxml.html import HtmlElement


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


@dataclass(slots=True)
class Document:
    """A page as the rules see it."""

    kind: Kind
    blocks: list[Block] = field(default_factory=list)
    tree: HtmlElement | None = None
    title: str = ""
    lang: str | None = None
    url: str | None = None

    @property
    def langs(self) -> tuple[str, ...]:
        """Languages whose phrase lists apply; empty means 'all of them'."""
        return (self.lang,) if self.lang else ()
