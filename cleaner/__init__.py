"""cleaner: strip boilerplate from web pages and keep the main article body.

from cleaner import clean
text = clean(page_bytes_or_str, url="https://example.org/a")
"""

from __future__ import annotations

import logging

from .api import Cleaner, Result, clean, run
from .config import Config, Favor
from .document import Kind
from .errors import (
    CleanerError,
    ConfigError,
    DecodeError,
    InputError,
    InputTooLargeError,
    NotAWebPageError,
    RuleError,
    TimeBudgetExceededError,
    TooDeeplyNestedError,
)
from .rules.base import Hit, Removal, Rule

__version__ = "0.1.0"
__all__ = [
    "Cleaner",
    "CleanerError",
    "Config",
    "ConfigError",
    "DecodeError",
    "Favor",
    "Hit",
    "InputError",
    "InputTooLargeError",
    "Kind",
    "NotAWebPageError",
    "Removal",
    "Result",
    "Rule",
    "RuleError",
    "TimeBudgetExceededError",
    "TooDeeplyNestedError",
    "__version__",
    "clean",
    "run",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
