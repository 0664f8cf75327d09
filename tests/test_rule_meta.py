"""Every rule carries the metadata, docs and spec cases the conventions ask for."""

from __future__ import annotations

import re
import sys

import pytest
import yaml

from cleaner.registry import check_unique
from cleaner.rules import BUILTIN_RULES
from cleaner.rules.base import DOCSTRING_SECTIONS, Rule

from .conftest import FIXTURES

CODE = re.compile(r"^[A-Z]{3}\d{2}$")
NAME = re.compile(r"^[a-z]+\.[a-z_]+$")


def test_codes_and_names_unique() -> None:
    check_unique(BUILTIN_RULES)


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda r: r.code)
def test_metadata_shape(rule: type[Rule]) -> None:
    assert CODE.match(rule.code)
    assert NAME.match(rule.name)
    module = sys.modules[rule.__module__].__name__.rsplit(".", 1)[1]
    assert module == rule.name.replace(".", "_"), "module file must be the rule name with _ for ."
    assert rule.__name__ == "".join(p.capitalize() for p in module.split("_"))


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda r: r.code)
def test_docstring_sections(rule: type[Rule]) -> None:
    doc = rule.__doc__ or ""
    positions = [doc.find(section) for section in DOCSTRING_SECTIONS]
    assert all(p > 0 for p in positions), f"missing one of {DOCSTRING_SECTIONS}"
    assert positions == sorted(positions), "sections out of order"


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda r: r.code)
def test_spec_file_has_remove_and_keep_cases(rule: type[Rule]) -> None:
    path = FIXTURES / "rules" / f"{rule.code}.yml"
    assert path.is_file(), f"{path} missing"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert spec["rule"] == rule.code
    cases = spec["cases"].values()
    assert any("expected" in c for c in cases), "needs a case that removes something"
    assert any("expected" not in c for c in cases), "needs a keep (near-miss) case"
    if rule.find_in_tree is not Rule.find_in_tree:
        assert any(c.get("kind", spec.get("kind")) == "html" and "expected" in c for c in cases), (
            "a rule with an HTML detector needs an HTML removal case"
        )
