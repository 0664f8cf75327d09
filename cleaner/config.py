"""One frozen configuration object for the whole pipeline."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]


MAX_DEPTH_RANGE = (16, 1000)


class Favor(str, Enum):
    """Trade-off passed to main-content extraction."""

    BALANCED = "balanced"
    PRECISION = "precision"
    RECALL = "recall"


@dataclass(frozen=True)
class Config:
    """Everything that changes what ``clean()`` does. Immutable and picklable.

    Rule selectors (``select``/``ignore``) accept a rule code (``MED01``), a rule name
    (``media.player_ui``), a group (``media``) or ``ALL``.
    """

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extract: bool = True
    """Run main-content extraction (trafilatura) on HTML; False keeps the whole <body>."""
    include_comments: bool | None = None
    """Keep comment sections. None (default): only on discussion pages (forum threads, Q&A),
    where the posts are the content."""
    include_tables: bool = True
    favor: Favor = Favor.BALANCED
    languages: tuple[str, ...] = ()
    """Phrase-list languages to use; empty = the page's declared or detected language."""
    strict: bool = False
    """Re-raise a crashing rule as RuleError instead of skipping it with a warning."""
    max_bytes: int = 10_000_000
    """Refuse larger input with InputTooLargeError (bytes, or characters for a str)."""
    max_depth: int = 256
    """HTML nested deeper than this (16 to 1000; the root is level 1) is flattened or refused."""
    flatten_deep: bool = True
    """Past ``max_depth``, drop the deeper tags and keep their text; False raises
    TooDeeplyNestedError instead."""
    time_budget: float | None = 30.0
    """Seconds per page; past it TimeBudgetExceededError. None: no limit. Extraction is planned
    to fit what is left of it (see ``max_extract_elements``)."""
    max_extract_elements: int = 50_000
    """Pages with more elements skip trafilatura's main-content extraction (its cost grows
    faster than the page) and keep the whole <body> minus link lists; 20,000 or more get its
    fast mode only."""

    def __post_init__(self) -> None:
        for name in ("select", "ignore", "languages"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        if not isinstance(self.favor, Favor):
            try:
                object.__setattr__(self, "favor", Favor(self.favor))
            except ValueError as err:
                raise ConfigError(
                    f"favor must be one of {[f.value for f in Favor]}, got {self.favor!r}"
                ) from err
        self._check_limits()

    def _check_limits(self) -> None:
        for name in ("max_bytes", "max_depth", "max_extract_elements"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"Config.{name} must be an int, not {type(value).__name__}")
            if value <= 0:
                raise ConfigError(f"{name} must be positive, got {value!r}")
        low, high = MAX_DEPTH_RANGE
        if not low <= self.max_depth <= high:
            raise ConfigError(
                f"max_depth must be between {low} and {high} (the HTML parser keeps 2048 levels and "
                f"deeper markup is flattened anyway), got {self.max_depth}"
            )
        budget = self.time_budget
        if budget is not None and (isinstance(budget, bool) or not isinstance(budget, (int, float))):
            raise TypeError(f"Config.time_budget must be a number or None, not {type(budget).__name__}")
        if budget is not None and not budget > 0:
            raise ConfigError(f"time_budget must be a positive number of seconds or None, got {budget!r}")
        if not isinstance(self.flatten_deep, bool):
            raise TypeError(f"Config.flatten_deep must be a bool, not {type(self.flatten_deep).__name__}")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Config:
        """Build from a dict (e.g. a TOML table); unknown keys raise ConfigError."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                f"unknown config key(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        return cls(**dict(data))

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        """Read ``[tool.cleaner]`` from a pyproject.toml, or the top level of any other TOML file."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"cannot read config {path}: {err}") from err
        if Path(path).name == "pyproject.toml":
            data = data.get("tool", {}).get("cleaner", {})
        return cls.from_mapping(data)
