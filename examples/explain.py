"""Show what was removed from a page, and by which rule: python examples/explain.py PAGE."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from cleaner import run

if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "pages" / "rferl-seed.txt")
    result = run(path.read_bytes())
    print(f"title: {result.title!r}  kind: {result.kind}  language: {result.lang}")
    for removal in result.removals:
        print(f"{removal.rule}  {removal.name:28}  {removal.text[:60]!r}  ({removal.reason})")
    counts = Counter(r.rule for r in result.removals)
    print("removed per rule:", dict(sorted(counts.items())))
    print(f"kept {len(result.text.split())} words")
