"""Command-line interface (placeholder until the CLI issue lands)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import clean


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for name in args:
        sys.stdout.write(clean(Path(name).read_bytes()))
    return 0
