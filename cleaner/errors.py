"""The exceptions `cleaner` raises on purpose. All derive from :class:`CleanerError`.

::

    CleanerError
    ├── ConfigError               (also a ValueError) bad option or rule selector
    ├── InputError                (also a ValueError) the page cannot be cleaned as given
    │   ├── NotAWebPageError      binary data: PDF, image, archive, executable...
    │   │   └── DecodeError       bytes that no encoding turns into text
    │   ├── InputTooLargeError    over Config.max_bytes
    │   └── TooDeeplyNestedError  deeper than Config.max_depth with flatten_deep=False
    ├── TimeBudgetExceededError   over Config.time_budget seconds
    └── RuleError                 a rule crashed (only with Config.strict)

Wrong argument types raise ``TypeError`` as usual. Each message says what was wrong and which
option gets past it; ``docs/hostile-input.md`` lists the hostile inputs and what each gives.
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error the library raises on purpose."""


class ConfigError(CleanerError, ValueError):
    """A configuration value or rule selector is invalid."""


class InputError(CleanerError, ValueError):
    """The input cannot be cleaned as given."""


class NotAWebPageError(InputError):
    """The input is binary (PDF, image, archive...) or otherwise not a web page or text."""


class DecodeError(NotAWebPageError):
    """The bytes decode to mostly invalid or control characters in every candidate encoding."""


class InputTooLargeError(InputError):
    """The input is larger than ``Config.max_bytes``."""


class TooDeeplyNestedError(InputError):
    """The HTML tree is nested deeper than ``Config.max_depth`` and ``Config.flatten_deep`` is
    False (by default such pages are flattened past that depth, their text kept)."""


class TimeBudgetExceededError(CleanerError):
    """Cleaning took longer than ``Config.time_budget`` seconds."""


class RuleError(CleanerError):
    """A rule crashed while looking at a document."""

    def __init__(self, code: str, cause: BaseException) -> None:
        super().__init__(f"rule {code} failed: {type(cause).__name__}: {cause}")
        self.code = code
        self.cause = cause
