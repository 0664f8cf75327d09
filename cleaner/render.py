"""Last stage: kept blocks -> text (LF, one blank line between blocks, trailing newline)."""

from __future__ import annotations

from collections.abc import Container, Sequence

from .document import Block


def render(blocks: Sequence[Block], removed: Container[int]) -> str:
    kept = [block.text for i, block in enumerate(blocks) if i not in removed]
    return "\n\n".join(kept) + "\n" if kept else ""
