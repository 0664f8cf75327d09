"""Clean one page with the library: python examples/clean_one.py PAGE [URL]."""

from __future__ import annotations

import sys
from pathlib import Path

from cleaner import clean

if __name__ == "__main__":
    path = Path(
        sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "pages" / "wordpress-article.html"
    )
    url = sys.argv[2] if len(sys.argv) > 2 else None
    sys.stdout.write(clean(path.read_bytes(), url=url))
