"""Where the command's results go: standard output, a folder of files, or one JSON-lines file.

Files are written atomically (a temp file in the same folder, then ``os.replace``): an
interrupted run leaves complete outputs or none, never half a file. Messages, the
``--explain`` listing, the progress bar and the summary go to standard error.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Final

from .cli_work import Outcome
from .rules.base import Removal

EXPLAIN_WIDTH: Final = 72
RESET: Final = "\033[0m"
STYLE: Final = {"rule": "\033[1;36m", "text": "\033[33m", "reason": "\033[2m", "head": "\033[1m"}


_serial = itertools.count()


def temp_path(path: Path) -> Path:
    """A hidden temp file name beside ``path``, unique to this process."""
    return path.with_name(f".{path.name[:80]}.{os.getpid()}-{next(_serial)}.tmp")


def create(tmp: Path) -> IO[bytes]:
    """Create ``tmp`` (mode 0666 less the umask, like ``open``), replacing a stale one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileExistsError:  # left by a killed run that had the same pid
        os.unlink(tmp)
        fd = os.open(tmp, flags, 0o666)
    return os.fdopen(fd, "wb")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename."""
    tmp = temp_path(path)
    try:
        with create(tmp) as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Sink:
    """Standard output: the pages one after the other (one page, or JSON lines)."""

    explain_inline = False
    """Does the --explain listing follow each page on this sink (else it goes to stderr)?"""

    def __init__(self, *, explain_inline: bool = False) -> None:
        self.explain_inline = explain_inline
        self.stream: IO[bytes] = sys.stdout.buffer

    def write(self, outcome: Outcome, explain: str = "") -> None:
        self.stream.write(outcome.body.encode("utf-8", "surrogateescape"))
        if explain:
            self.stream.write(explain.encode("utf-8", "surrogateescape"))
        self.stream.flush()

    def finish(self) -> None:
        self.stream.flush()

    def abort(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.flush()


class FolderSink(Sink):
    """``-o DIR``: one file per page at ``DIR/<outcome.out>``."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.folder = root  # the last folder made: pages come folder by folder

    def write(self, outcome: Outcome, explain: str = "") -> None:
        assert outcome.out is not None
        path = self.root / outcome.out
        if path.parent != self.folder:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folder = path.parent
        write_atomic(path, outcome.body.encode("utf-8", "surrogateescape"))


class JsonlFileSink(Sink):
    """``--jsonl -o FILE``: records appended to a temp file, renamed to FILE at the end."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = temp_path(path)
        self.stream = create(self.tmp)

    def write(self, outcome: Outcome, explain: str = "") -> None:
        self.stream.write(outcome.body.encode("utf-8", "surrogateescape"))

    def finish(self) -> None:
        self.stream.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def use_color(stream: IO[Any]) -> bool:
    """ANSI colours only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def explain(source: str, removals: Sequence[Removal], *, color: bool) -> str:
    """The --explain listing: ``RULE  name  "text…"  (reason)``, one removal a line."""

    def paint(style: str, text: str) -> str:
        return f"{STYLE[style]}{text}{RESET}" if color else text

    count = f"{len(removals)} removed" if removals else "nothing removed"
    lines = [paint("head", f"--- {source}: {count} ---")]
    width = max((len(r.name) for r in removals), default=0)
    for r in removals:
        text = " ".join(r.text.split())
        text = text if len(text) <= EXPLAIN_WIDTH else text[: EXPLAIN_WIDTH - 1].rstrip() + "…"
        lines.append(
            f"{paint('rule', r.rule)}  {r.name:<{width}}  {paint('text', repr_text(text))}  "
            f"{paint('reason', f'({r.reason})')}"
        )
    return "\n".join(lines) + "\n"


def repr_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Reporter:
    """Counts, the progress bar, messages on stderr, the --errors file and the summary."""

    def __init__(self, *, quiet: bool, errors_path: Path | None) -> None:
        self.quiet = quiet
        self.start = time.monotonic()
        self.done = self.empty = self.failed = self.skipped = 0
        self.errors: IO[str] | None = None
        if errors_path is not None:
            self.errors = open(errors_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        self.bar: Any = None
        if not quiet and sys.stderr.isatty():
            self.bar = _progress_bar()

    def count(self, outcome: Outcome) -> None:
        if outcome.status == "skipped":
            self.skipped += 1
        else:
            self.done += 1
            self.failed += outcome.status == "failed"
            self.empty += outcome.status == "ok" and outcome.empty
        if self.bar is not None:
            self.bar.update(1)
            if outcome.status == "failed":
                self.bar.set_postfix(failed=self.failed, refresh=False)

    def fail(self, source: str, reason: str) -> None:
        self.message(f"cleaner: {source}: {reason}")
        if self.errors is not None:
            self.errors.write(f"{_one_line(source)}\t{_one_line(reason)}\n")

    def message(self, text: str) -> None:
        """Write to stderr, above the progress bar when there is one."""
        text = text.rstrip("\n")
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        if self.errors is not None:
            self.errors.close()
            self.errors = None

    def summary(self) -> str:
        seconds = time.monotonic() - self.start
        rate = self.done / seconds if seconds > 0 else 0.0
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        pages = "page" if self.done == 1 else "pages"
        return (
            f"cleaned {self.done} {pages} ({self.empty} empty, {self.failed} failed{skipped}) "
            f"in {seconds:.1f} s, {rate:.1f} pages/s"
        )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _progress_bar() -> Any:
    try:
        import tqdm
    except ImportError:  # the progress bar is a nicety: without tqdm there is none
        return None
    tqdm.tqdm.monitor_interval = 0  # no monitor thread: worker processes may be forked later
    return tqdm.tqdm(desc="cleaning", unit=" pages", file=sys.stderr, dynamic_ncols=True, leave=False)
