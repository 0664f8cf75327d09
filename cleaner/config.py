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
    max_bytes: int = 50_000_000
    max_depth: int = 5_000
    time_budget: float | None = 60.0

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
        if self.max_bytes <= 0 or self.max_depth <= 0:
            raise ConfigError("max_bytes and max_depth must be positive")
        if self.time_budget is not None and self.time_budget <= 0:
            raise ConfigError("time_budget must be positive or None")

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
