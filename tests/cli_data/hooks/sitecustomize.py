"""Test hook for tests/test_cli.py, loaded only when this folder is on PYTHONPATH.

It wraps ``cleaner.api.Cleaner.run`` (in the command and in its worker processes) so that
a page containing a marker misbehaves:

* ``CLEANER_TEST_RAISE=MARKER``: the page raises RuntimeError (a bug in the core);
* ``CLEANER_TEST_CRASH=MARKER``: the worker process dies of SIGKILL (a segfault, the OOM killer);
* ``CLEANER_TEST_SLOW=SECONDS``: every page takes that much longer (to interrupt a run).
"""

from __future__ import annotations

import os
import signal
import time
from typing import Any


def _install() -> None:
    raise_marker = os.environ.get("CLEANER_TEST_RAISE", "").encode()
    crash_marker = os.environ.get("CLEANER_TEST_CRASH", "").encode()
    slow = float(os.environ.get("CLEANER_TEST_SLOW", "0") or 0)
    if not (raise_marker or crash_marker or slow):
        return
    import cleaner.api

    original = cleaner.api.Cleaner.run

    def run(self: Any, page: Any, **kwargs: Any) -> Any:
        data = page if isinstance(page, bytes) else str(page).encode()
        if slow:
            time.sleep(slow)
        if raise_marker and raise_marker in data:
            raise RuntimeError("boom: a bug in the core")
        if crash_marker and crash_marker in data:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, page, **kwargs)

    cleaner.api.Cleaner.run = run  # type: ignore[method-assign]


_install()
