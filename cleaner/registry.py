"""Which rules run: the built-ins plus extras, filtered by the config's select/ignore."""

from __future__ import annotations

from collections.abc import Sequence

from .config import Config
from .errors import ConfigError
from .rules import BUILTIN_RULES
from .rules.base import Rule


def check_unique(rules: Sequence[type[Rule]]) -> None:
    """Codes and names must be unique."""
    for attr in ("code", "name"):
        seen: set[str] = set()
        for rule in rules:
            value = getattr(rule, attr)
            if value in seen:
                raise ConfigError(f"two rules share the {attr} {value!r}")
            seen.add(value)


def matches(rule: type[Rule], selector: str) -> bool:
    """Does ``selector`` (code, name, group or ALL) pick this rule?"""
    s = selector.strip()
    return s.upper() == "ALL" or s.upper() == rule.code or s.lower() in (rule.name, rule.group())


def select(config: Config, extra: Sequence[type[Rule]] = ()) -> tuple[type[Rule], ...]:
    """The rule classes to run, in order, after ``select`` and ``ignore``."""
    available = (*BUILTIN_RULES, *extra)
    check_unique(available)
    for selector in (*config.select, *config.ignore):
        if not any(matches(rule, selector) for rule in available):
            raise ConfigError(f"no rule matches {selector!r}; run `cleaner --list-rules` to list them")
    chosen = [r for r in available if any(matches(r, s) for s in config.select)]
    return tuple(r for r in chosen if not any(matches(r, s) for s in config.ignore))
