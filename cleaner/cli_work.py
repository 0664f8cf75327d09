"""The command's workers: read one page, clean it, format it; and the pool that runs them.

A worker never raises: whatever goes wrong with a page (unreadable file, truncated gzip,
HTTP error, a CleanerError, a bug that raises) comes back as a failed :class:`Outcome`.

The pool (``--jobs N`` > 1) is N worker processes fed from the streamed inputs with at
most ``4 * N`` pages in flight and read back in input order, so the output bytes do not
depend on N. See :class:`Runner` for what happens when a worker dies.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import io
import json
import logging
import multiprocessing
import os
import signal
import time
import traceback
import urllib.error
import urllib.request
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import IO, Any, Final, Literal

from .api import Cleaner, Result
from .cli_inputs import Item, Resolved, Status, Task
from .config import Config
from .document import Kind
from .errors import CleanerError, InputTooLargeError
from .rules.base import Removal

Format = Literal["text", "markdown", "json", "jsonl"]
EXTENSIONS: Final[dict[str, str]] = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}
GZIP_MAGIC: Final = b"\x1f\x8b"
CHUNK: Final = 1 << 16
IN_FLIGHT_PER_JOB: Final = 4
HARD_LIMIT_FACTOR: Final = 3
"""A worker still on one page after 3 x Config.time_budget (+ the URL timeout + 10 s) is killed."""
CRASHED: Final = "the worker process died while cleaning this page (a crash, or killed for memory)"
LOG_FORMAT: Final = "cleaner: %(levelname)s: %(message)s"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs; pickled once per worker process."""

    config: Config
    format: Format = "text"
    kind: Kind = Kind.AUTO
    encoding: str | None = None
    timeout: float = 20.0
    explain: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: the formatted output, or why there is none."""

    source: str
    status: Status
    out: str | None = None
    body: str = ""
    empty: bool = False
    removals: tuple[Removal, ...] = ()
    error: str = ""


def resolved(item: Resolved) -> Outcome:
    return Outcome(item.source, item.status, out=item.out, error=item.error)


# ---------------------------------------------------------------- one page


def process(task: Task, cleaner: Cleaner, settings: Settings) -> Outcome:
    """Clean one page; never raises (except KeyboardInterrupt/SystemExit)."""
    try:
        data, url, encoding = read(task, settings)
        result = cleaner.run(data, url=url, kind=settings.kind, encoding=encoding)
        body = render(result, settings.format, task.source)
    except Exception as err:  # a page must never sink the run: report it and go on
        return Outcome(task.source, "failed", out=task.out, error=describe(err))
    removals = result.removals if settings.explain else ()
    return Outcome(task.source, "ok", task.out, body, not result.text.strip(), removals)


def read(task: Task, settings: Settings) -> tuple[bytes, str | None, str | None]:
    """The page bytes, its URL, and the encoding hint (transport charset, else --encoding)."""
    limit = settings.config.max_bytes
    url, charset = task.url, task.encoding
    if task.origin == "url":
        assert task.url is not None
        data, url, charset = fetch(task.url, limit, settings.timeout)
    elif task.origin == "file":
        assert task.path is not None
        data = read_file(task.path, limit)
    else:
        data = task.data or b""
        if data.startswith(GZIP_MAGIC):
            data = _gunzip(io.BytesIO(data), limit)
    if len(data) > limit:
        raise InputTooLargeError(
            f"input is over the limit of {limit:,} bytes; raise it with --max-bytes to clean it anyway"
        )
    return data, url, charset or settings.encoding


def read_file(path: str, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a file, decompressed if it is gzip (told by its magic bytes)."""
    with open(path, "rb") as fh:
        if fh.peek(2)[:2] == GZIP_MAGIC:
            return _gunzip(fh, limit)
        return fh.read(limit + 1)


def _gunzip(fileobj: IO[bytes], limit: int) -> bytes:
    with gzip.GzipFile(fileobj=fileobj) as gz:
        return gz.read(limit + 1)


def fetch(url: str, limit: int, timeout: float) -> tuple[bytes, str, str | None]:
    """GET an http(s) URL within ``timeout`` seconds in all and ``limit`` bytes."""
    from . import __version__

    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"cleaner/{__version__}",
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        },
    )
    deadline = time.monotonic() + timeout
    with urllib.request.urlopen(request, timeout=timeout) as response:
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            if time.monotonic() > deadline:
                raise TimeoutError(f"fetching took longer than {timeout:g}s (see --timeout)")
            chunk = response.read(min(CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
        if (response.headers.get("Content-Encoding") or "").lower() in ("gzip", "x-gzip"):
            data = _gunzip(io.BytesIO(data), limit)
        return data, response.geturl(), response.headers.get_content_charset()


def describe(err: BaseException) -> str:
    """A one-line reason for the user; internal errors say where they happened."""
    if isinstance(err, CleanerError):
        return str(err)
    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP error {err.code}: {err.reason}"
    if isinstance(err, urllib.error.URLError):
        return f"cannot fetch: {err.reason}"
    if isinstance(err, http.client.HTTPException):
        return f"bad HTTP response: {type(err).__name__}: {err}"
    if isinstance(err, gzip.BadGzipFile):
        return f"corrupt gzip data: {err}"
    if isinstance(err, OSError):
        return err.strerror or str(err) or type(err).__name__
    if isinstance(err, EOFError):
        return f"truncated input: {err}"
    if isinstance(err, zlib.error):
        return f"corrupt compressed data: {err}"
    frames = traceback.extract_tb(err.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    message = f": {err}" if str(err) else ""
    return f"internal error {type(err).__name__}{message}{where} (please report it)"


# ---------------------------------------------------------------- formats


def render(result: Result, fmt: Format, source: str) -> str:
    """The page in the output format. ``text`` is exactly ``Result.text``."""
    if fmt == "text":
        return result.text
    if fmt == "markdown":
        return markdown(result)
    record = to_record(result, source)
    if fmt == "jsonl":
        return json.dumps(record, ensure_ascii=False) + "\n"
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def markdown(result: Result) -> str:
    """``# Title`` then the text (its first block dropped when it repeats the title)."""
    text = result.text
    if not result.title:
        return text
    first, _, rest = text.partition("\n\n")
    if first.strip() == result.title.strip():
        text = rest
    return f"# {result.title}\n\n{text}" if text else f"# {result.title}\n"


def to_record(result: Result, source: str) -> dict[str, Any]:
    return {
        "source": source,
        "url": result.url,
        "title": result.title,
        "kind": result.kind.value,
        "lang": result.lang,
        "extracted": result.extracted,
        "text": result.text,
        "removals": [
            {"rule": r.rule, "name": r.name, "text": r.text, "reason": r.reason, "stage": r.stage}
            for r in result.removals
        ],
    }


# ---------------------------------------------------------------- the pool


def _init_worker(settings: Settings) -> Cleaner:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, if forked
    if not logging.getLogger().handlers:
        logging.basicConfig(format=LOG_FORMAT, level=logging.WARNING)
    return Cleaner(settings.config)


def _worker_main(conn: Connection, settings: Settings, parent: int) -> None:
    """A worker process: receive a task, send back its outcome, until told to stop."""
    cleaner = _init_worker(settings)
    while True:
        while not conn.poll(1.0):
            if os.getppid() != parent:  # the command was killed: do not linger
                return
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(process(task, cleaner, settings))


class _Worker:
    """One worker process and its pipe; ``busy`` is the (sequence number, task) it is cleaning."""

    def __init__(self, ctx: Any, settings: Settings) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, settings, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.busy: tuple[int, Task] | None = None
        self.since = 0.0

    def give(self, seq: int, task: Task) -> None:
        self.conn.send(task)
        self.busy, self.since = (seq, task), time.monotonic()

    def stop(self, *, kill: bool) -> None:
        if not kill:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


class Runner:
    """Cleans a stream of items and yields their outcomes in input order.

    ``jobs == 1`` cleans in this process. Otherwise ``jobs`` worker processes each hold one
    ``Cleaner``; each gets one task at a time over its own pipe, at most ``4 * jobs`` pages
    are in flight, and outcomes are yielded in input order. A worker that dies (a crash in a
    C extension, the OOM killer) or overruns the hard time limit fails only the page it was
    cleaning and is replaced.
    """

    def __init__(self, settings: Settings, jobs: int) -> None:
        self.settings = settings
        self.jobs = max(1, jobs)
        self.window = IN_FLIGHT_PER_JOB * self.jobs
        budget = settings.config.time_budget
        self.hard_limit = None if budget is None else HARD_LIMIT_FACTOR * budget + settings.timeout + 10
        self._workers: list[_Worker] = []

    def run(self, items: Iterable[Item]) -> Iterator[Outcome]:
        if self.jobs == 1:
            return self._serial(items)
        return self._parallel(iter(items))

    def _serial(self, items: Iterable[Item]) -> Iterator[Outcome]:
        cleaner = Cleaner(self.settings.config)
        for item in items:
            yield resolved(item) if isinstance(item, Resolved) else process(item, cleaner, self.settings)

    def _parallel(self, items: Iterator[Item]) -> Iterator[Outcome]:
        ctx = multiprocessing.get_context()
        self._workers = [_Worker(ctx, self.settings) for _ in range(self.jobs)]
        waiting: deque[tuple[int, Task]] = deque()
        done: dict[int, Outcome] = {}
        read = emitted = 0
        exhausted = False
        try:
            while True:
                while not exhausted and read - emitted < self.window:
                    item = next(items, None)
                    if item is None:
                        exhausted = True
                        break
                    if isinstance(item, Resolved):
                        done[read] = resolved(item)
                    else:
                        waiting.append((read, item))
                    read += 1
                self._dispatch(ctx, waiting)
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
                if exhausted and emitted == read:
                    break
                self._collect(ctx, done)
        except BaseException:  # interrupted, or the consumer stopped early: do not wait for workers
            self.close(kill=True)
            raise
        self.close()

    def _dispatch(self, ctx: Any, waiting: deque[tuple[int, Task]]) -> None:
        for i, worker in enumerate(self._workers):
            if worker.busy is None and waiting:
                if not worker.proc.is_alive():
                    worker = self._replace(ctx, i)
                seq, task = waiting.popleft()
                try:
                    worker.give(seq, task)
                except (OSError, ValueError):  # it died just now: the task was not started
                    waiting.appendleft((seq, task))
                    self._replace(ctx, i)

    def _collect(self, ctx: Any, done: dict[int, Outcome]) -> None:
        """Wait for a busy worker to answer, die or overrun its time; settle its page."""
        busy = [(i, w) for i, w in enumerate(self._workers) if w.busy is not None]
        if not busy:  # a worker died as it was handed a page: dispatch again
            return
        timeout = None
        if self.hard_limit is not None:
            timeout = max(0.0, min(w.since for _, w in busy) + self.hard_limit - time.monotonic())
        ready = set(wait([w.conn for _, w in busy] + [w.proc.sentinel for _, w in busy], timeout))
        for i, worker in busy:
            assert worker.busy is not None
            seq, task = worker.busy
            if worker.conn in ready:
                try:
                    done[seq] = worker.conn.recv()
                    worker.busy = None
                    continue
                except (EOFError, OSError):
                    error = CRASHED
            elif worker.proc.sentinel in ready:
                error = CRASHED
            elif self.hard_limit is not None and time.monotonic() - worker.since > self.hard_limit:
                error = (
                    f"cleaning took longer than {self.hard_limit:g}s (the hard limit); the worker was stopped"
                )
            else:
                continue
            done[seq] = Outcome(task.source, "failed", out=task.out, error=error)
            self._replace(ctx, i)

    def _replace(self, ctx: Any, index: int) -> _Worker:
        self._workers[index].stop(kill=True)
        self._workers[index] = _Worker(ctx, self.settings)
        return self._workers[index]

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers; ``kill`` ends them now instead of letting them finish."""
        for worker in self._workers:
            worker.stop(kill=kill)
        self._workers = []
