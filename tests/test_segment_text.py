"""segment_text: one block per line, and hard-wrapped paragraphs joined back."""

from __future__ import annotations

import textwrap

from cleaner.segment import segment_text

PARAGRAPH = (
    "Officials from both countries met on Monday to discuss the reopening of the border crossing "
    "near the river, and trucks have been waiting for days in a queue that stretches for more than "
    "twenty kilometres along the road while the inspections go on."
)
MENU = ["Home", "News", "Sport", "Weather", "Contact"]


def _wrapped_dump(width: int) -> str:
    parts = ["\n".join(MENU)]
    parts += ["\n".join(textwrap.wrap(PARAGRAPH, width)) for _ in range(6)]
    parts.append("\n".join(MENU))
    return "\n\n".join(parts) + "\n"


def test_lines_and_gaps() -> None:
    blocks = segment_text("Home\nNews\n\nA paragraph.\n")
    assert [b.text for b in blocks] == ["Home", "News", "A paragraph."]
    assert [b.gap_before for b in blocks] == [True, False, True]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    blocks = segment_text(_wrapped_dump(72))
    texts = [b.text for b in blocks]
    assert texts.count(PARAGRAPH) == 6
    assert texts[:5] == MENU and texts[-5:] == MENU  # menu lines are not glued to each other


def test_unwrapped_dump_keeps_one_block_per_line() -> None:
    lines = [PARAGRAPH[: 40 + i] for i in range(30)]  # lengths spread out: no wrap width
    blocks = segment_text("\n".join(lines) + "\n")
    assert len(blocks) == len(lines)
