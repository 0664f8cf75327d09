"""Runs the full pipeline on every fixtures/pages/<slug>/ case (Readability-style).

``expected.txt`` and ``expected-removals.tsv`` are generated: regenerate them with
``pytest tests/test_pages.py --update-fixtures [-k slug]`` and review ``git diff fixtures``.
``must_keep`` / ``must_drop`` in ``case.toml`` are written by people and checked always,
so regenerating cannot approve a regression somebody has already written down.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner, Config, Result

from .conftest import FIXTURES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PAGES = sorted(p for p in (FIXTURES / "pages").glob("*") if (p / "case.toml").is_file())


def load_case(folder: Path) -> tuple[dict[str, Any], bytes, str]:
    case = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    inputs = [p for p in (folder / "input.html", folder / "input.txt") if p.is_file()]
    assert len(inputs) == 1, f"{folder.name}: exactly one of input.html / input.txt"
    kind = case.get("kind") or ("html" if inputs[0].suffix == ".html" else "text")
    return case, inputs[0].read_bytes(), kind


def run_case(folder: Path) -> tuple[dict[str, Any], Result]:
    case, data, kind = load_case(folder)
    config = Config.from_mapping({"strict": True, **case.get("config", {})})
    return case, Cleaner(config).run(data, url=case.get("url"), kind=kind)


def removals_tsv(result: Result) -> str:
    lines = [f"{r.rule}\t{r.stage}\t{r.text[:100]}" for r in result.removals]
    return "".join(line.replace("\n", " ") + "\n" for line in lines)


@pytest.mark.parametrize("folder", PAGES, ids=[p.name for p in PAGES])
def test_page(folder: Path, update_fixtures: bool) -> None:
    case, result = run_case(folder)
    actual = {"expected.txt": result.text, "expected-removals.tsv": removals_tsv(result)}
    if update_fixtures:
        for name, text in actual.items():
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
    for name, text in actual.items():
        assert (folder / name).is_file(), f"{folder.name}/{name} missing: run with --update-fixtures"
        assert text == (folder / name).read_text(encoding="utf-8"), f"{name} differs"
    missing = [s for s in case.get("must_keep", []) if s not in result.text]
    leaked = [s for s in case.get("must_drop", []) if s in result.text]
    assert not missing, f"body text lost: {missing}"
    assert not leaked, f"boilerplate kept: {leaked}"
    if "expect_title" in case:
        assert result.title == case["expect_title"]


@pytest.mark.parametrize("folder", PAGES, ids=[p.name for p in PAGES])
def test_known_gaps_are_still_gaps(folder: Path) -> None:
    """``todo_keep``/``todo_drop`` record known failures; once one is fixed, this test says
    so, and the string moves to ``must_keep``/``must_drop`` so it can never regress."""
    case, result = run_case(folder)
    fixed_keep = [s for s in case.get("todo_keep", []) if s in result.text]
    fixed_drop = [s for s in case.get("todo_drop", []) if s not in result.text]
    assert not fixed_keep, f"now kept: move to must_keep: {fixed_keep}"
    assert not fixed_drop, f"now removed: move to must_drop: {fixed_drop}"


def test_there_are_enough_cases() -> None:
    assert len(PAGES) >= 30
