#!/usr/bin/env python3
"""Benchmark `cleaner` against other main-content extractors.

Runs each extractor on the pages of each dataset in supervised worker processes,
writes the predictions as JSON lines (OUT/<dataset>/<extractor>.jsonl), scores
them with shared/tools/score.py (loaded by path, used as is) and writes a
Markdown report (OUT/report.md, and --markdown FILE: the whole BENCHMARKS.md).
See benchmarks/README.md.

Example:
    python benchmarks/run.py --jobs 2 --markdown BENCHMARKS.md --check-targets
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import gzip
import hashlib
import html as html_lib
import importlib.metadata
import importlib.util
import inspect
import json
import logging
import math
import multiprocessing as mp
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any, Final, Literal

from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_report
from bench_report import DatasetResult, ExtractorResult, RunInfo

try:
    import dump_styles
except ImportError:  # benchmarks/dump_styles.py not there yet: no extra dump styles
    dump_styles = None

log = logging.getLogger("benchmarks.run")

REPO_ROOT: Final = Path(__file__).resolve().parents[1]
Kind = Literal["html", "text"]
# An extractor takes the page (bytes for HTML, str for a text dump) and its URL.
Extractor = Callable[[bytes | str, str | None], str]

# Loggers of the libraries under test: silenced below ERROR (no I/O inside timed calls).
QUIET_LOGGERS: Final = (
    "trafilatura",
    "htmldate",
    "courlan",
    "readability",
    "justext",
    "cleaner",
    "newspaper",
    "goose3",
)
VERSIONED: Final = (
    "cleaner",
    "lxml",
    "trafilatura",
    "readability-lxml",
    "resiliparse",
    "jusText",
    "newspaper4k",
    "goose3",
    "html-text",
    "inscriptis",
)
FLOOR: Final = "lxml-parse"  # the bare-parse step timed on every HTML page (its own .jsonl too)
STARTUP_TIMEOUT_S: Final = 300.0
MAX_STARTUP_FAILURES: Final = 3
# No lang attribute: the warm-up also loads what a page without one needs (language detection),
# so no extractor pays a one-time load inside a timed call.
WARMUP_HTML: Final = (
    b"<html><head><title>Warm-up</title></head><body><nav><a href='/'>Home</a>"
    b"</nav><article><h1>Warm-up page</h1><p>"
    + b"This sentence warms up the parser. " * 20
    + b"</p></article><footer>Imprint</footer></body></html>"
)
WARMUP_TEXT: Final = "Home\n\nWarm-up page\n\n" + "This sentence warms up the rules. " * 20 + "\n\nImprint\n"

# <html lang> (ISO 639-1) -> jusText stoplist; anything else falls back to English.
# fmt: off
JUSTEXT_STOPLISTS: Final = MappingProxyType({
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "nb": "Norwegian_Bokmal", "nl": "Dutch", "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian",
    "vi": "Vietnamese",
})
# fmt: on
HTML_LANG: Final = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?\s*([A-Za-z]{2,3})\b", re.IGNORECASE)
# fmt: off
BLOCK_TAGS: Final = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
})
# fmt: on
WHITESPACE: Final = re.compile(r"\s+")
DUMMY_URL: Final = "https://example.org/"


class Unavailable(Exception):
    """An extractor that cannot be set up (e.g. the package does not import yet)."""


# ------------------------------------------------------------------ data model


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    path: str
    kind: Kind

    def load(self) -> bytes | str:
        raw = Path(self.path).read_bytes()
        if self.kind == "text":
            return raw.decode("utf-8")
        return gzip.decompress(raw) if self.path.endswith(".gz") else raw


@dataclass(frozen=True)
class Call:
    text: str
    cpu: float  # seconds of process CPU time (wall time for a crash or time-out)
    error: str | None = None


@dataclass(frozen=True)
class PageResult:
    page_id: str
    calls: Mapping[str, Call]  # step name (extractor, or FLOOR) -> call


# ------------------------------------------------------------------ extractors


def decode_html(data: bytes | str) -> str:
    """Decode page bytes for the extractors that want str: resiliparse's detection.

    detect_encoding() honours a BOM and the <meta charset> declaration, then
    guesses; undecodable bytes become U+FFFD (no silent fallback to cp1252).
    """
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    if isinstance(data, str):
        return data
    encoding = detect_encoding(data, from_html_meta=True)
    return bytes_to_str(data, encoding, errors="replace", fallback_encodings=())


def html_lang(html: str) -> str | None:
    match = HTML_LANG.search(html)
    return match.group(1).lower() if match else None


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, one line per block element, spaces collapsed outside <pre>."""
    import lxml.etree
    import lxml.html

    parts: list[str] = []
    pre_depth = 0
    events = ("start", "end", "comment", "pi")
    for event, el in lxml.etree.iterwalk(lxml.html.fromstring(fragment), events=events):
        if event == "start":
            pre_depth += el.tag == "pre"
            parts.append("\n" if el.tag in BLOCK_TAGS else "")
            if el.text:
                parts.append(el.text if pre_depth else WHITESPACE.sub(" ", el.text))
            continue
        if event == "end":
            pre_depth -= el.tag == "pre"
            parts.append("\n" if el.tag in BLOCK_TAGS else "")
        if el.tail:  # end of an element, or a comment / processing instruction
            parts.append(el.tail if pre_depth else WHITESPACE.sub(" ", el.tail))
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def text_to_html(text: str) -> str:
    """A text dump as HTML for the HTML-only paragraph classifiers: one <p> per non-blank line."""
    paragraphs = (f"<p>{html_lib.escape(line.strip())}</p>" for line in text.split("\n") if line.strip())
    return "<html><body>" + "".join(paragraphs) + "</body></html>"


def _as_text(result: object) -> str:
    if result is None:
        return ""
    if isinstance(result, str):
        return result
    text = getattr(result, "text", None)
    if isinstance(text, str):
        return text
    raise TypeError(f"extractor returned {type(result).__name__}, not str")


def _import_cleaner_clean() -> Callable[..., object]:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))  # benchmark the working tree's package
    try:
        import cleaner
    except Exception as exc:  # a half-written package may fail in any way
        raise Unavailable(f"`import cleaner` from {REPO_ROOT} failed: {type(exc).__name__}: {exc}") from exc
    clean = getattr(cleaner, "clean", None)
    if not callable(clean):
        raise Unavailable("the cleaner package has no cleaner.clean() yet")
    return clean


def _accepts_keyword(func: Callable[..., object], name: str) -> bool:
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return True
    return any(p.name == name or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def build_cleaner() -> Extractor:
    clean = _import_cleaner_clean()
    takes_url = _accepts_keyword(clean, "url")
    if not takes_url and mp.parent_process() is None:  # warn in the main process only
        log.warning("cleaner.clean() takes no url= keyword: calling it without the URL")

    def extract(data: bytes | str, url: str | None) -> str:
        if isinstance(data, str):
            return _as_text(clean(data, kind="text"))
        return _as_text(clean(data, url=url) if takes_url else clean(data))

    return extract


def trafilatura_builder(**options: bool) -> Callable[[], Extractor]:
    def build() -> Extractor:
        import trafilatura

        def extract(data: bytes | str, url: str | None) -> str:
            return trafilatura.extract(data, url=url, **options) or ""

        return extract

    return build


def build_readability() -> Extractor:
    from readability import Document

    def extract(data: bytes | str, url: str | None) -> str:
        return fragment_text(Document(decode_html(data)).summary())

    return extract


def build_resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def extract(data: bytes | str, url: str | None) -> str:
        return extract_plain_text(HTMLTree.parse(decode_html(data)), main_content=True)

    return extract


def build_justext() -> Extractor:
    import justext

    stoplists: dict[str, frozenset[str]] = {}

    def extract(data: bytes | str, url: str | None) -> str:
        html = text_to_html(data) if isinstance(data, str) else decode_html(data)
        language = JUSTEXT_STOPLISTS.get(html_lang(html) or "", "English")
        if language not in stoplists:
            stoplists[language] = justext.get_stoplist(language)
        paragraphs = justext.justext(html, stoplists[language])
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def build_newspaper4k() -> Extractor:
    with warnings.catch_warnings():  # "nltk is not installed": only its NLP extras need it
        warnings.simplefilter("ignore")
        import newspaper

    def extract(data: bytes | str, url: str | None) -> str:
        article = newspaper.Article(url or DUMMY_URL, fetch_images=False)
        article.download(input_html=decode_html(data))
        article.parse()
        return str(article.text or "")

    return extract


def build_goose3() -> Extractor:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False})

    def extract(data: bytes | str, url: str | None) -> str:
        return str(goose.extract(raw_html=decode_html(data)).cleaned_text or "")

    return extract


def build_passthrough() -> Extractor:
    def extract(data: bytes | str, url: str | None) -> str:
        if not isinstance(data, str):
            raise TypeError("passthrough is for text dumps only")
        return data

    return extract


@dataclass(frozen=True)
class ExtractorSpec:
    kinds: frozenset[Kind]
    build: Callable[[], Extractor]
    call: str  # how it is called, for the report


HTML: Final = frozenset({"html"})
BOTH: Final = frozenset({"html", "text"})
EXTRACTORS: Final[Mapping[str, ExtractorSpec]] = MappingProxyType(
    {
        "cleaner": ExtractorSpec(
            BOTH,
            build_cleaner,
            '`cleaner.clean(page_bytes, url=url)`; on text dumps `cleaner.clean(text, kind="text")`',
        ),
        "trafilatura": ExtractorSpec(
            HTML, trafilatura_builder(), "`trafilatura.extract(page_bytes, url=url)`, all defaults"
        ),
        "trafilatura-fast": ExtractorSpec(HTML, trafilatura_builder(fast=True), "the same with `fast=True`"),
        "trafilatura-precision": ExtractorSpec(
            HTML, trafilatura_builder(favor_precision=True), "the same with `favor_precision=True`"
        ),
        "readability": ExtractorSpec(
            HTML,
            build_readability,
            "`readability.Document(html).summary()`, then its text, one line per block element",
        ),
        "resiliparse": ExtractorSpec(
            HTML, build_resiliparse, "`extract_plain_text(HTMLTree.parse(html), main_content=True)`"
        ),
        "justext": ExtractorSpec(
            BOTH,
            build_justext,
            "`justext.justext(html, stoplist)`, the paragraphs that are not boilerplate; stoplist from "
            "`<html lang>` (English if none); on text dumps each non-blank line as a `<p>`, English",
        ),
        "newspaper4k": ExtractorSpec(
            HTML,
            build_newspaper4k,
            "`newspaper.Article(url, fetch_images=False)`, `.download(input_html=html)`, `.parse()`, `.text`",
        ),
        "goose3": ExtractorSpec(
            HTML,
            build_goose3,
            "`Goose({'enable_image_fetching': False}).extract(raw_html=html).cleaned_text`",
        ),
        "passthrough": ExtractorSpec(frozenset({"text"}), build_passthrough, "the text dump unchanged"),
    }
)
DEFAULT_EXTRACTORS: Final = tuple(name for name in EXTRACTORS if name != "passthrough")


def check_extractor(name: str) -> str | None:
    """Build an extractor once; return why it is unavailable, or None if it works."""
    try:
        EXTRACTORS[name].build()
    except (Unavailable, ImportError) as exc:
        return str(exc) or type(exc).__name__
    except Exception as exc:  # a peer library that breaks at set-up is left out, not fatal
        return f"set-up failed: {type(exc).__name__}: {exc}"
    return None


# ------------------------------------------------------------------ one page in a worker


def timed(extract: Extractor, data: bytes | str, url: str | None) -> Call:
    """Run one extractor on one page, measuring process CPU time around the call only."""
    start = time.process_time()
    try:
        text = extract(data, url)
    except Exception as exc:  # any per-page failure is counted, the page scores as ""
        cpu = time.process_time() - start
        return Call("", cpu, f"{type(exc).__name__}: {exc}"[:300])
    return Call(text, time.process_time() - start)


def lxml_parse(data: bytes | str, url: str | None) -> str:
    import lxml.html

    lxml.html.document_fromstring(data)
    return ""


@dataclass(frozen=True)
class Runner:
    kind: Kind
    extractors: Mapping[str, Extractor]

    @classmethod
    def create(cls, kind: Kind, names: Sequence[str]) -> Runner:
        runner = cls(kind, {name: EXTRACTORS[name].build() for name in names})
        runner.warm_up()
        return runner

    def step(self, name: str) -> Extractor:
        return lxml_parse if name == FLOOR else self.extractors[name]

    def warm_up(self) -> None:
        """One untimed call each, so lazy imports and caches do not land on the first page."""
        sample = WARMUP_HTML if self.kind == "html" else WARMUP_TEXT
        for name, extract in self.extractors.items():
            call = timed(extract, sample, "https://example.org/warm-up")
            if call.error:
                log.debug("warm-up of %s failed: %s", name, call.error)
        if self.kind == "html":
            timed(lxml_parse, sample, None)
            warm_trafilatura_stoplist()


def warm_trafilatura_stoplist() -> None:
    """Build the one cache no warm-up page reaches for sure: trafilatura makes the union of all
    jusText stop lists (about 0.4 s) the first time one of its fallbacks runs jusText, on some
    page into the run. trafilatura's default mode and cleaner's second pass both call that
    fallback, in the same worker, so whichever met such a page first paid for it inside a
    timed call (before this, trafilatura did on the trafilatura set: 0.7 ms a page of its
    mean there)."""
    try:
        from trafilatura import external
    except ImportError:
        return
    if getattr(external, "JT_STOPLIST", None) is None and hasattr(external, "jt_stoplist_init"):
        external.jt_stoplist_init()


@dataclass(frozen=True)
class Task:
    page: Page
    steps: tuple[str, ...]  # what is left to run on this page, in order


def _worker(kind: Kind, names: Sequence[str], conn: Connection) -> None:
    """Worker process: build the extractors, then run the steps of each task sent, reporting each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor handles Ctrl-C
    try:
        runner = Runner.create(kind, names)
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready",))
    for task in iter(conn.recv, None):
        try:
            data = task.page.load()
        except Exception as exc:
            for step in task.steps:
                conn.send(("call", step, Call("", 0.0, f"cannot read the page: {type(exc).__name__}: {exc}")))
            continue
        for step in task.steps:
            conn.send(("start", step))
            conn.send(("call", step, timed(runner.step(step), data, task.page.url)))


# ------------------------------------------------------------------ supervision


@dataclass
class Slot:
    """One worker process and what it is doing."""

    proc: mp.process.BaseProcess
    conn: Connection
    spawned: float
    ready: bool = False
    dead: bool = False
    task: Task | None = None
    step: str | None = None  # the step running now
    started: float = 0.0  # time.monotonic() when `step` started


class Supervisor:
    """Runs the steps of every page in worker processes, surviving crashes and hangs.

    A step that raises is an error result (caught in the worker). A step whose worker
    dies, or that runs past `timeout` seconds of wall time, is an error result too: the
    worker is killed, a fresh one is started and the page goes on with its next step.
    """

    def __init__(self, kind: Kind, names: Sequence[str], jobs: int, timeout: float) -> None:
        self.kind = kind
        self.names = tuple(names)
        self.steps = ((FLOOR,) if kind == "html" else ()) + self.names
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.ctx = mp.get_context()
        self.startup_failures = 0
        self.todo: collections.deque[Task] = collections.deque()
        self.partial: dict[str, dict[str, Call]] = {}

    def spawn(self) -> Slot:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(self.kind, self.names, child), daemon=True)
        proc.start()
        child.close()
        return Slot(proc, parent, time.monotonic())

    def run(self, pages: Sequence[Page]) -> Iterator[PageResult]:
        """Results page by page, in completion order."""
        self.todo = collections.deque(Task(page, self.steps) for page in pages)
        self.partial = {}
        slots = [self.spawn() for _ in range(min(self.jobs, len(pages)))]
        try:
            while self.todo or any(slot.task for slot in slots):
                for slot in slots:
                    if slot.ready and not slot.dead and slot.task is None and self.todo:
                        self.assign(slot, self.todo.popleft())
                wait([slot.conn for slot in slots if not slot.dead], timeout=min(1.0, self.timeout / 4))
                for i, slot in enumerate(slots):
                    yield from self.receive(slot)
                    reason = self.failure(slot)
                    if reason:
                        yield from self.fail(slot, reason)
                        slots[i] = self.spawn()
        finally:
            for slot in slots:
                self.stop(slot)

    def assign(self, slot: Slot, task: Task) -> None:
        try:
            slot.conn.send(task)
        except OSError:  # the worker died while idle: the task waits for the next one
            self.todo.appendleft(task)
            slot.dead = True
            return
        slot.task = task

    def receive(self, slot: Slot) -> Iterator[PageResult]:
        while not slot.dead:
            try:
                if not slot.conn.poll():
                    return
                message = slot.conn.recv()
            except (EOFError, OSError):
                slot.dead = True
                return
            if message[0] == "ready":
                slot.ready = True
            elif message[0] == "failed":
                raise RuntimeError(f"a worker could not set up the extractors: {message[1]}")
            elif message[0] == "start":
                slot.step, slot.started = message[1], time.monotonic()
            else:
                slot.step = None
                yield from self.record(slot, message[1], message[2])

    def record(self, slot: Slot, step: str, call: Call) -> Iterator[PageResult]:
        assert slot.task is not None
        page = slot.task.page
        calls = self.partial.setdefault(page.id, {})
        calls[step] = call
        if all(s in calls for s in slot.task.steps):
            slot.task = None
        if len(calls) == len(self.steps):
            del self.partial[page.id]
            yield PageResult(page.id, {s: calls[s] for s in self.steps})

    def failure(self, slot: Slot) -> str | None:
        now = time.monotonic()
        if slot.dead or not slot.proc.is_alive():
            slot.proc.join(timeout=5)
            return f"worker process died (exit code {slot.proc.exitcode})"
        if not slot.ready and now - slot.spawned > STARTUP_TIMEOUT_S:
            return f"worker start-up took over {STARTUP_TIMEOUT_S:g} s"
        if slot.step is not None and now - slot.started > self.timeout:
            return f"timed out after {self.timeout:g} s"
        return None

    def fail(self, slot: Slot, reason: str) -> Iterator[PageResult]:
        """The slot's worker crashed or hung: the running step fails, the page goes on elsewhere."""
        self.stop(slot, kill=True)
        if not slot.ready:
            self.startup_failures += 1
            log.warning("worker start-up failed: %s", reason)
            if self.startup_failures >= MAX_STARTUP_FAILURES:
                raise RuntimeError(f"{self.startup_failures} worker start-ups failed, the last: {reason}")
        task = slot.task
        if task is None:
            return
        done = self.partial.get(task.page.id, {})
        step = slot.step or next(s for s in task.steps if s not in done)
        elapsed = time.monotonic() - slot.started if slot.step else 0.0
        log.warning("page %s: %s: %s", task.page.id, step, reason)
        slot.step = None
        yield from self.record(slot, step, Call("", elapsed, reason))
        rest = tuple(s for s in task.steps if s not in self.partial.get(task.page.id, {}))
        if rest and task.page.id in self.partial:
            self.todo.appendleft(Task(task.page, rest))
        slot.task = None

    @staticmethod
    def stop(slot: Slot, kill: bool = False) -> None:
        if slot.proc.is_alive() and not kill:
            with suppress(OSError):
                slot.conn.send(None)
            slot.proc.join(timeout=5)
        if slot.proc.is_alive():
            slot.proc.kill()
            slot.proc.join(timeout=5)
        slot.conn.close()
        slot.dead = True


def run_pages(
    pages: Sequence[Page],
    kind: Kind,
    names: Sequence[str],
    out_dir: Path,
    args: argparse.Namespace,
    desc: str,
) -> None:
    """Run every extractor on every page, writing predictions line by line."""
    out_dir.mkdir(parents=True, exist_ok=True)
    steps = ((FLOOR,) if kind == "html" else ()) + tuple(names)
    supervisor = Supervisor(kind, names, args.jobs, args.timeout)
    with ExitStack() as stack:
        files = {
            step: stack.enter_context(open(out_dir / f"{step}.jsonl", "w", encoding="utf-8"))
            for step in steps
        }
        bar = stack.enter_context(
            tqdm(total=len(pages), desc=desc, unit="page", disable=not sys.stderr.isatty())
        )
        for result in supervisor.run(pages):
            for step, call in result.calls.items():
                record: dict[str, Any] = {"id": result.page_id, "cpu_ms": round(1000 * call.cpu, 3)}
                if step != FLOOR:
                    record["text"] = call.text
                if call.error:
                    record["error"] = call.error
                files[step].write(json.dumps(record, ensure_ascii=False) + "\n")
            bar.update()


# ------------------------------------------------------------------ datasets


@dataclass(frozen=True)
class DatasetSpec:
    title: str
    credit: str
    kind: Kind
    source: str  # dataset directory under SHARED/datasets
    table: bench_report.TableKind
    note: str = ""
    style: str | None = None  # dump style (benchmarks/dump_styles.py) for text datasets


WCXB_CREDIT: Final = "WCXB, the Web Content eXtraction Benchmark (M. Foley, 2026, CC-BY-4.0), dev split"
TEXT_NOTE: Final = (
    "Input: the whole-page text dump of each page{how}; `passthrough` is the dump unchanged "
    "(what a text-mode cleaner starts from). Columns as in the WCXB table."
)


def _datasets() -> dict[str, DatasetSpec]:
    found = {
        "wcxb": DatasetSpec("WCXB dev (HTML)", WCXB_CREDIT, "html", "wcxb-dev", "wcxb"),
        "trafeval": DatasetSpec(
            "trafilatura evaluation set (HTML)",
            "the trafilatura evaluation set (A. Barbaresi et al., Apache-2.0)",
            "html",
            "trafilatura-eval",
            "trafeval",
        ),
        "wcxb-text": DatasetSpec(
            "WCXB text dumps",
            WCXB_CREDIT,
            "text",
            "wcxb-dev",
            "wcxb",
            TEXT_NOTE.format(
                how=", made by `shared/tools/make_text_dumps.py` (html-text on `<body>`, alt text)"
            ),
        ),
    }
    for style in dump_styles.STYLES if dump_styles else ():
        if style == "wcxb":  # the same dumps as wcxb-text
            continue
        found[f"wcxb-text-{style}"] = DatasetSpec(
            f"WCXB text dumps, {style} style",
            WCXB_CREDIT,
            "text",
            "wcxb-dev",
            "wcxb",
            TEXT_NOTE.format(how=f", made by `benchmarks/dump_styles.py` in the `{style}` style"),
            style,
        )
    return found


DATASETS: Final[Mapping[str, DatasetSpec]] = MappingProxyType(_datasets())


def load_scorer(shared: Path) -> ModuleType:
    path = shared / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("wcxb_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ensure_dumps(shared: Path, html_dir: Path, dumps: Path) -> Path:
    """Make the shared tool's text dumps of every page once; reuse them while they are complete."""
    expected = sum(1 for f in html_dir.iterdir() if f.name.endswith(".html.gz"))
    if dumps.is_dir() and sum(1 for _ in dumps.glob("*.txt")) >= expected:
        return dumps
    log.info("making %d text dumps in %s (once)", expected, dumps)
    tmp = dumps.with_name(dumps.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tool = shared / "tools" / "make_text_dumps.py"
    subprocess.run([sys.executable, str(tool), str(html_dir), str(tmp)], check=True)
    shutil.rmtree(dumps, ignore_errors=True)
    tmp.rename(dumps)
    return dumps


def _style_stamp() -> str:
    """What the style dumps depend on: dump_styles.py's source and the flattening libraries."""
    assert dump_styles is not None
    digest = hashlib.sha256(Path(dump_styles.__file__).read_bytes())
    for dist in ("html-text", "inscriptis", "lxml"):
        digest.update(versions_of((dist,))[dist].encode())
    return digest.hexdigest()[:16]


def _make_style_dump(job: tuple[str, str, str]) -> str | None:
    html_path, style, out_path = job
    assert dump_styles is not None
    try:
        text = dump_styles.make_dump(gzip.decompress(Path(html_path).read_bytes()), style)
    except Exception as exc:  # a dump that cannot be made is an empty page, noted
        text = ""
        error: str | None = f"{Path(html_path).name}: {type(exc).__name__}: {exc}"
    else:
        error = None
    Path(out_path).write_text(text, encoding="utf-8")
    return error


def ensure_style_dumps(docs: Sequence[dict[str, Any]], style: str, dumps: Path, jobs: int) -> Path:
    """Make the missing `style` dumps of these pages (cached; remade when dump_styles.py changes)."""
    stamp_file = dumps / ".stamp"
    stamp = _style_stamp()
    if dumps.is_dir() and (not stamp_file.is_file() or stamp_file.read_text() != stamp):
        shutil.rmtree(dumps)
    dumps.mkdir(parents=True, exist_ok=True)
    stamp_file.write_text(stamp)
    jobs_todo = [(d["html"], style, str(dumps / f"{d['id']}.txt")) for d in docs]
    jobs_todo = [job for job in jobs_todo if not Path(job[2]).is_file()]
    if not jobs_todo:
        return dumps
    log.info("making %d %s-style text dumps in %s", len(jobs_todo), style, dumps)
    with mp.get_context().Pool(max(1, jobs)) as pool:
        errors = [e for e in pool.imap(_make_style_dump, jobs_todo, chunksize=8) if e]
    for error in errors:
        log.warning("%s dump failed (empty dump written): %s", style, error)
    return dumps


def select_docs(
    docs: Iterable[dict[str, Any]], ids: set[str] | None, limit: int | None, every: int | None = None
) -> list[dict[str, Any]]:
    chosen = sorted((d for d in docs if ids is None or d["id"] in ids), key=lambda d: d["id"])
    if every and every > 1:
        chosen = chosen[::every]
    return chosen[:limit] if limit else chosen


def applicable(dataset: str, requested: Sequence[str]) -> list[str]:
    """The requested extractors that can run on this dataset (plus the passthrough baseline on text)."""
    kind = DATASETS[dataset].kind
    names = [n for n in requested if kind in EXTRACTORS[n].kinds]
    if kind == "text" and "passthrough" not in names:
        names.insert(0, "passthrough")
    return names


def dataset_pages(name: str, docs: Sequence[dict[str, Any]], args: argparse.Namespace) -> list[Page]:
    spec = DATASETS[name]
    if spec.kind == "html":
        return [Page(d["id"], d["url"], d["html"], "html") for d in docs]
    html_dir = args.shared / "datasets" / spec.source / "html"
    if spec.style is None:
        dumps = ensure_dumps(args.shared, html_dir, args.out / "dumps-wcxb")
    else:
        dumps = ensure_style_dumps(docs, spec.style, args.out / f"dumps-wcxb-{spec.style}", args.jobs)
    return [Page(d["id"], d["url"], str(dumps / f"{d['id']}.txt"), "text") for d in docs]


# ------------------------------------------------------------------ scoring the prediction files


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    if path.is_file():
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    records[str(record["id"])] = record
    return records


def mean_cpu_ms(records: Mapping[str, Mapping[str, Any]], ids: Sequence[str]) -> float:
    """Mean CPU ms over the pages, summed in id order (the same result for any run order)."""
    values = [float(records[i]["cpu_ms"]) for i in sorted(ids) if i in records]
    return math.fsum(values) / len(values) if values else math.nan


def extractor_result(
    name: str, path: Path, dataset: Mapping[str, Any], docs: Sequence[dict[str, Any]], scorer: ModuleType
) -> ExtractorResult:
    """Score one prediction file on the chosen pages; errors include pages without a record."""
    records = read_records(path)
    ids = [d["id"] for d in docs]
    failed = [f"{i}: {records[i]['error']}" for i in ids if i in records and records[i].get("error")]
    missing = [f"{i}: no prediction" for i in ids if i not in records]
    preds = {i: records[i].get("text") or "" for i in ids if i in records}
    return ExtractorResult(
        name,
        n_pages=len(ids),
        cpu_ms=mean_cpu_ms(records, ids),
        errors=len(failed) + len(missing),
        error_examples=tuple((failed + missing)[:3]),
        metrics=json_safe(scorer.evaluate({**dataset, "docs": list(docs)}, preds, bootstrap=0)),
    )


def score_dataset(
    name: str,
    names: Sequence[str],
    unavailable: Mapping[str, str],
    docs: Sequence[dict[str, Any]],
    dataset: Mapping[str, Any],
    out: Path,
    scorer: ModuleType,
) -> DatasetResult:
    spec = DATASETS[name]
    rows = []
    for extractor in names:
        if extractor in unavailable:
            rows.append(ExtractorResult(extractor, unavailable=unavailable[extractor]))
        else:
            rows.append(extractor_result(extractor, out / name / f"{extractor}.jsonl", dataset, docs, scorer))
    floor = None
    if spec.kind == "html":
        floor = mean_cpu_ms(read_records(out / name / f"{FLOOR}.jsonl"), [d["id"] for d in docs])
    return DatasetResult(name, spec.title, spec.credit, spec.table, len(docs), tuple(rows), floor, spec.note)


def json_safe(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


# ------------------------------------------------------------------ run metadata


def versions_of(dists: Iterable[str]) -> dict[str, str]:
    found = {}
    for dist in dists:
        try:
            found[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO_ROOT), *args], capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def commit_line(ignore: Sequence[Path]) -> str:
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    excludes = []
    for path in ignore:
        try:
            excludes.append(f":(exclude){path.resolve().relative_to(REPO_ROOT)}")
        except ValueError:
            continue
    status = git("status", "--porcelain", "--untracked-files=no", "--", ".", *excludes)
    dirty = [line for line in status.split("\n") if line.strip()]
    return f"{head} plus uncommitted changes to {len(dirty)} file(s)" if dirty else head


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().split("\n"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def sample_note(args: argparse.Namespace) -> str | None:
    parts = []
    if args.ids:
        parts.append(f"only the pages listed in {args.ids}")
    if args.every and args.every > 1:
        parts.append(f"every {args.every}th page by sorted id")
    if args.limit:
        parts.append(f"the first {args.limit} pages by sorted id")
    return ", of those ".join(parts) + ", on each dataset" if parts else None


def run_info(args: argparse.Namespace, extractors: Sequence[str]) -> RunInfo:
    calls = {name: EXTRACTORS[name].call for name in ("passthrough", *extractors) if name in EXTRACTORS}
    calls = {name: calls[name] for name in EXTRACTORS if name in calls}
    return RunInfo(
        command=shlex.join(["python", "benchmarks/run.py", *args.argv]),
        date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        commit=commit_line([args.markdown] if args.markdown else []),
        python=platform.python_version(),
        platform=f"{platform.system()} {platform.machine()}, {cpu_model()}",
        cpus=os.cpu_count(),
        jobs=args.jobs,
        timeout_s=args.timeout,
        versions=versions_of(VERSIONED),
        calls=calls,
        sample=sample_note(args),
    )


# ------------------------------------------------------------------ CLI


def comma_list(choices: Iterable[str]) -> Callable[[str], list[str]]:
    allowed = list(choices)

    def parse(value: str) -> list[str]:
        items = [item.strip() for item in value.split(",") if item.strip()]
        unknown = [item for item in items if item not in allowed]
        if unknown or not items:
            choices = ", ".join(allowed)
            raise argparse.ArgumentTypeError(f"unknown {unknown or value!r}; choose from {choices}")
        return list(dict.fromkeys(items))

    return parse


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument(
        "--datasets",
        type=comma_list(DATASETS),
        default=",".join(DATASETS),
        help="comma-separated (default: %(default)s)",
    )
    ap.add_argument(
        "--extractors",
        type=comma_list(EXTRACTORS),
        default=",".join(DEFAULT_EXTRACTORS),
        help="comma-separated (default: %(default)s; passthrough is always run on text dumps)",
    )
    ap.add_argument("--limit", type=int, help="only the first N pages (sorted ids) of each dataset")
    ap.add_argument("--every", type=int, help="only every Nth page (sorted ids), before --limit")
    ap.add_argument("--ids", type=Path, help="file with one page id per line: only those pages")
    ap.add_argument(
        "--out",
        type=Path,
        default=REPO_ROOT / "benchmarks" / "out",
        help="output directory (default: benchmarks/out)",
    )
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1: cleanest timing)")
    ap.add_argument(
        "--timeout", type=float, default=120.0, help="seconds of wall time per call before it counts as hung"
    )
    ap.add_argument(
        "--shared",
        type=Path,
        default=REPO_ROOT.parent / "shared",
        help="the shared folder with datasets/ and tools/ (default: ../shared)",
    )
    ap.add_argument("--markdown", type=Path, help="write the whole report to this file (e.g. BENCHMARKS.md)")
    ap.add_argument(
        "--check-targets", action="store_true", help="print issue 3's targets next to the measured figures"
    )
    ap.add_argument(
        "--rescore",
        action="store_true",
        help="run nothing: rescore the prediction files of the last run in --out (its run.json)",
    )
    ap.add_argument("--json", type=Path, help="also write all metrics as JSON to this file")
    ap.add_argument("-v", "--verbose", action="store_true", help="debug logging, libraries' logs included")
    args = ap.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    return args


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    if not verbose:
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.ERROR)


@dataclass
class Plan:
    """What a run covers; saved as OUT/run.json so --rescore can score the same files again."""

    info: RunInfo
    datasets: list[str]
    extractors: list[str]
    unavailable: dict[str, str] = field(default_factory=dict)
    pages: dict[str, list[str]] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        data = dataclasses.asdict(self)
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Plan:
        if not path.is_file():
            raise SystemExit(f"--rescore: no {path} (run the benchmark first)")
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(RunInfo(**data.pop("info")), **data)


def run_all(args: argparse.Namespace, scorer: ModuleType) -> tuple[Plan, dict[str, Mapping[str, Any]]]:
    """Run every dataset; returns the plan and the loaded datasets (for scoring)."""
    unavailable = {}
    for extractor in args.extractors:
        reason = check_extractor(extractor)
        if reason:
            log.error("extractor %s is unavailable and is left out: %s", extractor, reason)
            unavailable[extractor] = reason
    plan = Plan(run_info(args, args.extractors), list(args.datasets), list(args.extractors), unavailable)
    ids = set(args.ids.read_text(encoding="utf-8").split()) if args.ids else None
    loaded: dict[str, Mapping[str, Any]] = {}
    for name in args.datasets:
        spec = DATASETS[name]
        if spec.source not in loaded:
            loaded[spec.source] = scorer.load_dataset(str(args.shared / "datasets" / spec.source))
        docs = select_docs(loaded[spec.source]["docs"], ids, args.limit, args.every)
        plan.pages[name] = [d["id"] for d in docs]
        plan.save(args.out / "run.json")
        pages = dataset_pages(name, docs, args)
        names = [n for n in applicable(name, args.extractors) if n not in unavailable]
        log.info("%s: %d pages, extractors: %s", name, len(pages), ", ".join(names) or "none")
        started = time.monotonic()
        run_pages(pages, spec.kind, names, args.out / name, args, name)
        log.info("%s: done in %.0f s", name, time.monotonic() - started)
    return plan, loaded


def score_all(plan: Plan, args: argparse.Namespace, scorer: ModuleType) -> list[DatasetResult]:
    loaded: dict[str, Mapping[str, Any]] = {}
    results = []
    for name in plan.datasets:
        if name not in DATASETS or name not in plan.pages:
            log.error("dataset %s of the saved run is unknown here or was not reached: skipped", name)
            continue
        spec = DATASETS[name]
        if spec.source not in loaded:
            loaded[spec.source] = scorer.load_dataset(str(args.shared / "datasets" / spec.source))
        chosen = set(plan.pages.get(name, []))
        docs = [d for d in loaded[spec.source]["docs"] if d["id"] in chosen]
        docs.sort(key=lambda d: d["id"])
        names = applicable(name, plan.extractors)
        results.append(
            score_dataset(name, names, plan.unavailable, docs, loaded[spec.source], args.out, scorer)
        )
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    setup_logging(args.verbose)
    if not (args.shared / "tools" / "score.py").is_file():
        raise SystemExit(f"no tools/score.py under --shared {args.shared}")
    if dump_styles is None:
        log.info("benchmarks/dump_styles.py is missing: only the wcxb-text dumps are available")
    scorer = load_scorer(args.shared)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if args.rescore:
        plan = Plan.load(args.out / "run.json")
    else:
        plan, _ = run_all(args, scorer)
        log.info("all datasets run in %.1f min", (time.monotonic() - started) / 60)
    results = score_all(plan, args, scorer)
    text = bench_report.render(plan.info, results)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
        log.info("wrote %s", args.markdown)
    else:
        print(text)
    for ds in results:
        for row in ds.rows:
            if row.left_out:
                print(f"note: {ds.name}: {row.name} left out: {row.left_out}", file=sys.stderr)
    if args.check_targets:
        checks = bench_report.check_targets(results)
        print("\n".join(bench_report.targets_section(checks, plan.info.sample)))
    if args.json:
        data = {"run": dataclasses.asdict(plan), "datasets": [dataclasses.asdict(ds) for ds in results]}
        dumped = json.dumps(json_safe(data), indent=1, ensure_ascii=False)
        args.json.write_text(dumped + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
