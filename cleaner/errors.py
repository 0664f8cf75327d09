"""The exceptions `cleaner` raises on purpose. All derive from :class:`CleanerError`."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error the library raises on purpose."""


class ConfigError(CleanerError, ValueError):
    """A configuration value or rule selector is invalid."""


class InputError(CleanerError, ValueError):
    """The input cannot be cleaned as given."""


class NotAWebPageError(InputError):
    """The input is binary (PDF, image, archive...) or otherwise not a web page or text."""


class InputTooLargeError(InputError):
    """The input is larger than ``Config.max_bytes``."""


class TooDeeplyNestedError(InputError):
    """The HTML tree is nested deeper than ``Config.max_depth``."""


class TimeBudgetExceededError(CleanerError):
    """Cleaning took longer than ``Config.time_budget`` seconds."""


class RuleError(CleanerError):
    """A rule crashed while looking at a document."""

    def __init__(self, code: str, cause: BaseException) -> None:
        super().__init__(f"rule {code} failed: {type(cause).__name__}: {cause}")
        self.code = code
        self.cause = cause
