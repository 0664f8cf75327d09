"""Runs every case of fixtures/rules/<CODE>.yml against that rule alone (sqlfluff-style).

A case without ``expected`` is a keep case: the output must equal what the pipeline
returns for the same input without that rule (only the ``with`` rules of the case, or else of
the spec, if any).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from cleaner import Cleaner, Config

from .conftest import FIXTURES


def _cases() -> list[Any]:
    params = []
    for path in sorted((FIXTURES / "rules").glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in spec["cases"].items():
            params.append(pytest.param(spec, case, id=f"{spec['rule']}::{name}"))
    return params


def _cleaner(select: tuple[str, ...]) -> Cleaner:
    return Cleaner(Config(select=select, extract=False, strict=True))


@pytest.mark.parametrize(("spec", "case"), _cases())
def test_rule_case(spec: dict[str, Any], case: dict[str, Any]) -> None:
    code = spec["rule"]
    kind = case.get("kind", spec.get("kind", "text"))
    helpers = tuple(case.get("with", spec.get("with", ())))
    result = _cleaner((*helpers, code)).run(case["input"], kind=kind)
    baseline = _cleaner(helpers).run(case["input"], kind=kind).text
    expected = case.get("expected", baseline)
    assert result.text == expected
    own = [r for r in result.removals if r.rule == code]
    if "expected" in case:
        assert own, f"{code} removed nothing; the change came from {[r.rule for r in result.removals]}"
    else:
        assert not own, f"{code} removed {[r.text for r in own]} in a keep case"
