"""The README's rules table is generated from the registry; it must not drift."""

from __future__ import annotations

from cleaner.docs import README_BEGIN, README_END, rules_markdown

from .conftest import ROOT


def test_readme_rules_table_is_current() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split(README_BEGIN, 1)[1].split(README_END, 1)[0].strip()
    assert table == rules_markdown(), "README rules table is stale: run `make readme`"
