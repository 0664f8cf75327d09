#!/usr/bin/env python3
"""Benchmark `cleaner` against other main-content extractors.

Runs each extractor on the pages of each dataset, writes the predictions as
JSON lines (OUT/<dataset>/<extractor>.jsonl), scores them with
shared/tools/score.py (loaded by path, used as is) and prints a Markdown
report (also written to OUT/report.md). See benchmarks/README.md.

Example:
    python benchmarks/run.py --extractors trafilatura,readability --limit 50
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import importlib.util
import inspect
import json
import logging
import math
import multiprocessing as mp
import os
import platform
import queue
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any, Final, Literal

from tqdm import tqdm

log = logging.getLogger("benchmarks.run")

REPO_ROOT: Final = Path(__file__).resolve().parents[1]
PAGE_TYPES: Final = ("article", "forum", "product", "collection", "listing", "documentation", "service")
Kind = Literal["html", "text"]
# An extractor takes the page (bytes for HTML, str for a text dump) and its URL.
Extractor = Callable[[bytes | str, str | None], str]

# Loggers of the libraries under test: silenced below ERROR (no I/O inside timed calls).
QUIET_LOGGERS: Final = ("trafilatura", "htmldate", "courlan", "readability", "justext", "cleaner")
VERSIONED: Final = ("lxml", "trafilatura", "readability-lxml", "resiliparse", "jusText", "html-text")
WARMUP_HTML: Final = (
    b"<html lang='en'><head><title>Warm-up</title></head><body><nav><a href='/'>Home</a>"
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
    cpu: float  # seconds of process CPU time
    error: str | None = None


@dataclass(frozen=True)
class PageResult:
    page_id: str
    floor: Call | None  # bare lxml parse; None for text dumps
    calls: Mapping[str, Call]


@dataclass
class Tally:
    pages: int = 0
    cpu: float = 0.0
    errors: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, page_id: str, call: Call) -> None:
        self.pages += 1
        self.cpu += call.cpu
        if call.error:
            self.errors += 1
            log.debug("page %s: %s", page_id, call.error)
            if len(self.examples) < 3:
                self.examples.append(f"{page_id}: {call.error}")

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.cpu / self.pages if self.pages else math.nan


@dataclass
class Row:
    name: str
    tally: Tally | None = None
    metrics: dict[str, Any] | None = None
    unavailable: str | None = None


@dataclass
class DatasetRun:
    name: str
    n_pages: int
    rows: list[Row]
    floor: Tally | None


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
        html = decode_html(data)
        language = JUSTEXT_STOPLISTS.get(html_lang(html) or "", "English")
        if language not in stoplists:
            stoplists[language] = justext.get_stoplist(language)
        paragraphs = justext.justext(html, stoplists[language])
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

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


HTML: Final = frozenset({"html"})
EXTRACTORS: Final[Mapping[str, ExtractorSpec]] = MappingProxyType(
    {
        "cleaner": ExtractorSpec(frozenset({"html", "text"}), build_cleaner),
        "trafilatura": ExtractorSpec(HTML, trafilatura_builder()),
        "trafilatura-fast": ExtractorSpec(HTML, trafilatura_builder(fast=True)),
        "trafilatura-precision": ExtractorSpec(HTML, trafilatura_builder(favor_precision=True)),
        "readability": ExtractorSpec(HTML, build_readability),
        "resiliparse": ExtractorSpec(HTML, build_resiliparse),
        "justext": ExtractorSpec(HTML, build_justext),
        "passthrough": ExtractorSpec(frozenset({"text"}), build_passthrough),
    }
)
DEFAULT_EXTRACTORS: Final = tuple(name for name in EXTRACTORS if name != "passthrough")


def check_extractor(name: str) -> str | None:
    """Build an extractor once; return why it is unavailable, or None if it works."""
    try:
        EXTRACTORS[name].build()
    except (Unavailable, ImportError) as exc:
        return str(exc)
    return None


# ------------------------------------------------------------------ running


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

    def warm_up(self) -> None:
        """One untimed call each, so lazy imports and caches do not land on the first page."""
        sample = WARMUP_HTML if self.kind == "html" else WARMUP_TEXT
        for name, extract in self.extractors.items():
            call = timed(extract, sample, "https://example.org/warm-up")
            if call.error:
                log.debug("warm-up of %s failed: %s", name, call.error)
        if self.kind == "html":
            timed(lxml_parse, sample, None)

    def run(self, page: Page) -> PageResult:
        data = page.load()
        floor = timed(lxml_parse, data, page.url) if self.kind == "html" else None
        calls = {name: timed(extract, data, page.url) for name, extract in self.extractors.items()}
        return PageResult(page.id, floor, calls)


def _worker(kind: Kind, names: Sequence[str], tasks: mp.Queue, results: mp.Queue) -> None:
    runner = Runner.create(kind, names)
    for page in iter(tasks.get, None):
        results.put(runner.run(page))


def _next_result(results: mp.Queue, procs: Sequence[mp.process.BaseProcess]) -> PageResult:
    while True:
        try:
            return results.get(timeout=2)
        except queue.Empty:
            if not any(proc.is_alive() for proc in procs):
                codes = [proc.exitcode for proc in procs]
                raise RuntimeError(f"worker processes exited with pages left (exit codes {codes})") from None


def iter_results(pages: Sequence[Page], kind: Kind, names: Sequence[str], jobs: int) -> Iterator[PageResult]:
    """Results page by page (in page order for jobs=1, in completion order otherwise)."""
    if jobs <= 1:
        yield from map(Runner.create(kind, names).run, pages)
        return
    ctx = mp.get_context()
    tasks, results = ctx.Queue(), ctx.Queue()
    args = (kind, names, tasks, results)
    procs = [ctx.Process(target=_worker, args=args, daemon=True) for _ in range(jobs)]
    for proc in procs:
        proc.start()
    for item in [*pages, *[None] * jobs]:
        tasks.put(item)
    try:
        for _ in pages:
            yield _next_result(results, procs)
    finally:
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()


def run_pages(
    pages: Sequence[Page], kind: Kind, names: Sequence[str], out_dir: Path, jobs: int, desc: str
) -> tuple[dict[str, Tally], Tally]:
    """Run every extractor on every page, writing predictions line by line."""
    tallies = {name: Tally() for name in names}
    floor = Tally()
    out_dir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        files = {
            name: stack.enter_context(open(out_dir / f"{name}.jsonl", "w", encoding="utf-8"))
            for name in names
        }
        bar = stack.enter_context(
            tqdm(total=len(pages), desc=desc, unit="page", disable=not sys.stderr.isatty())
        )
        for result in iter_results(pages, kind, names, jobs):
            for name, call in result.calls.items():
                tallies[name].add(result.page_id, call)
                record = {"id": result.page_id, "text": call.text, "cpu_ms": round(1000 * call.cpu, 3)}
                if call.error:
                    record["error"] = call.error
                files[name].write(json.dumps(record, ensure_ascii=False) + "\n")
            if result.floor:
                floor.add(result.page_id, result.floor)
            bar.update()
    return tallies, floor


# ------------------------------------------------------------------ datasets


@dataclass(frozen=True)
class DatasetSpec:
    title: str
    credit: str
    kind: Kind
    source: str  # dataset directory under SHARED/datasets


DATASETS: Final[Mapping[str, DatasetSpec]] = MappingProxyType(
    {
        "wcxb": DatasetSpec(
            "WCXB dev (HTML)",
            "WCXB, the Web Content eXtraction Benchmark (M. Foley, 2026, CC-BY-4.0), dev split",
            "html",
            "wcxb-dev",
        ),
        "trafeval": DatasetSpec(
            "trafilatura eval set (HTML)",
            "the trafilatura evaluation set (A. Barbaresi et al., Apache-2.0)",
            "html",
            "trafilatura-eval",
        ),
        "wcxb-text": DatasetSpec(
            "WCXB text dumps",
            "WCXB (M. Foley, 2026, CC-BY-4.0), dev split, as whole-page text dumps made by "
            "shared/tools/make_text_dumps.py",
            "text",
            "wcxb-dev",
        ),
    }
)


def load_scorer(shared: Path) -> ModuleType:
    path = shared / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("wcxb_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ensure_dumps(shared: Path, html_dir: Path, dumps: Path) -> Path:
    """Make the text dumps of every page once; reuse them while they are complete."""
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


def select_docs(
    docs: Iterable[dict[str, Any]], ids: set[str] | None, limit: int | None
) -> list[dict[str, Any]]:
    chosen = sorted((d for d in docs if ids is None or d["id"] in ids), key=lambda d: d["id"])
    return chosen[:limit] if limit else chosen


def page_path(doc: dict[str, Any], dumps: Path | None) -> str:
    return str(dumps / f"{doc['id']}.txt") if dumps else doc["html"]


def applicable(dataset: str, requested: Sequence[str]) -> list[str]:
    """The requested extractors that can run on this dataset (plus the passthrough baseline on text)."""
    kind = DATASETS[dataset].kind
    names = [n for n in requested if kind in EXTRACTORS[n].kinds]
    if kind == "text" and "passthrough" not in names:
        names.insert(0, "passthrough")
    skipped = [n for n in requested if n not in names]
    if skipped:
        log.info("%s: skipping %s (no %s input)", dataset, ", ".join(skipped), kind)
    return names


# ------------------------------------------------------------------ one dataset


def bench_dataset(
    name: str, args: argparse.Namespace, scorer: ModuleType, ids: set[str] | None
) -> DatasetRun:
    spec = DATASETS[name]
    data_dir = args.shared / "datasets" / spec.source
    dataset = scorer.load_dataset(str(data_dir))
    docs = select_docs(dataset["docs"], ids, args.limit)
    dumps = None
    if spec.kind == "text":
        dumps = ensure_dumps(args.shared, data_dir / "html", args.out / "dumps-wcxb")
    pages = [Page(d["id"], d["url"], page_path(d, dumps), spec.kind) for d in docs]
    rows: list[Row] = []
    for extractor in applicable(name, args.extractors):
        reason = check_extractor(extractor)
        if reason:
            log.error("%s: extractor %s is unavailable and is skipped: %s", name, extractor, reason)
        rows.append(Row(extractor, unavailable=reason))
    names = [row.name for row in rows if not row.unavailable]
    log.info("%s: %d pages, extractors: %s", name, len(pages), ", ".join(names) or "none")
    out_dir = args.out / name
    tallies, floor = run_pages(pages, spec.kind, names, out_dir, args.jobs, name)
    subset = {**dataset, "docs": docs}
    for row in rows:
        if row.unavailable:
            continue
        row.tally = tallies[row.name]
        if row.tally.errors:
            log.warning(
                "%s: %s failed on %d pages, e.g. %s", name, row.name, row.tally.errors, row.tally.examples[0]
            )
        preds = scorer.load_predictions(str(out_dir / f"{row.name}.jsonl"))
        row.metrics = scorer.evaluate(subset, preds, bootstrap=0)
    return DatasetRun(name, len(pages), rows, floor if spec.kind == "html" else None)


# ------------------------------------------------------------------ report


def fmt(value: float | None, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}"


def md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def cost_cells(row: Row) -> list[str]:
    assert row.tally is not None
    return [fmt(row.tally.ms_per_page, 1), str(row.tally.errors)]


def wcxb_cells(row: Row) -> list[str]:
    m = row.metrics or {}
    by_type = m.get("word_by_type", {})
    return [
        fmt(m["word"]["f1"]),
        *(fmt(by_type.get(t, {}).get("f1")) for t in PAGE_TYPES),
        fmt(m["word"]["precision"]),
        fmt(m["word"]["recall"]),
        fmt(m["shingle"]["f1"]),
        fmt(m["snippets"]["with_rate"]),
        fmt(m["snippets"]["without_rate"]),
        *cost_cells(row),
    ]


def trafeval_cells(row: Row) -> list[str]:
    s = (row.metrics or {})["snippets_trafilatura"]
    return [
        fmt(s[k]) for k in ("precision", "recall", "f1", "accuracy", "with_rate", "without_rate")
    ] + cost_cells(row)


WCXB_HEADER: Final = (
    "extractor",
    "word F1",
    *PAGE_TYPES,
    "word P",
    "word R",
    "shingle F1",
    "with",
    "without",
    "CPU ms/page",
    "errors",
)
TRAFEVAL_HEADER: Final = ("extractor", "P", "R", "F1", "accuracy", "with", "without", "CPU ms/page", "errors")
NOTES: Final = MappingProxyType(
    {
        "wcxb": (
            "Word P/R/F1: bag of lowercase words, mean over pages (F1 per page type too); "
            "shingle F1: 4-word shingles; with/without: share of WCXB's must-keep / must-drop "
            "snippets found (lower `without` is better)."
        ),
        "trafeval": (
            "Pooled snippet counts with trafilatura's own matching (case-sensitive, whitespace "
            "folded): P = with found / all found, R = with found / all with; with/without: mean "
            "per-page rates."
        ),
        "wcxb-text": (
            "Input: the whole-page text dump of each page; `passthrough` is the dump unchanged "
            "(what the cleaner starts from). Columns as in the WCXB table."
        ),
    }
)


def dataset_section(run: DatasetRun, run_line: str) -> list[str]:
    spec = DATASETS[run.name]
    header, cells = (TRAFEVAL_HEADER, trafeval_cells) if run.name == "trafeval" else (WCXB_HEADER, wcxb_cells)
    body = []
    for row in run.rows:
        if row.unavailable:
            body.append([f"{row.name} (unavailable)", *["–"] * (len(header) - 1)])
        else:
            body.append([row.name, *cells(row)])
    if run.floor:
        body.append(["lxml parse (floor)", *["–"] * (len(header) - 3), fmt(run.floor.ms_per_page, 1), "–"])
    lines = [
        f"## {spec.title}: {run.n_pages} pages",
        "",
        f"Data: {spec.credit}.",
        "",
        run_line,
        "",
        NOTES[run.name],
        "",
        *md_table(header, body),
    ]
    missing = [f"- {row.name} unavailable: {row.unavailable}" for row in run.rows if row.unavailable]
    return lines + (["", *missing] if missing else []) + [""]


def versions() -> dict[str, str]:
    found = {}
    for dist in (*VERSIONED, "cleaner"):
        try:
            found[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def run_meta(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "command": shlex.join(["python", *sys.argv]),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "versions": versions(),
        "jobs": args.jobs,
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }


def format_run_line(meta: dict[str, Any]) -> str:
    libs = ", ".join(f"{name} {ver}" for name, ver in meta["versions"].items())
    return (
        f"Run: `{meta['command']}` · {meta['date']} · Python {meta['python']} · {libs} · "
        f"{meta['jobs']} job(s) on {meta['cpus']} CPUs ({meta['machine']}). CPU ms/page: mean "
        "`time.process_time()` around the extractor call alone (decoding included, reading and "
        "gunzip excluded), all extractors on the same page in the same process."
    )


def report(runs: Sequence[DatasetRun], meta: dict[str, Any]) -> str:
    lines = ["# Extraction benchmark", ""]
    run_line = format_run_line(meta)
    for run in runs:
        lines += dataset_section(run, run_line)
    return "\n".join(lines)


def json_safe(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def run_json(run: DatasetRun, out: Path) -> dict[str, Any]:
    extractors: dict[str, Any] = {}
    for row in run.rows:
        entry: dict[str, Any] = {"status": "unavailable", "reason": row.unavailable}
        if row.tally:
            entry = {
                "status": "ok",
                "cpu_ms_per_page": row.tally.ms_per_page,
                "errors": row.tally.errors,
                "error_examples": row.tally.examples,
                "metrics": row.metrics,
                "predictions": str(out / run.name / f"{row.name}.jsonl"),
            }
        extractors[row.name] = entry
    floor = run.floor.ms_per_page if run.floor else None
    return {"n_pages": run.n_pages, "lxml_parse_cpu_ms_per_page": floor, "extractors": extractors}


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
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
        help="comma-separated (default: %(default)s; passthrough is always run on wcxb-text)",
    )
    ap.add_argument("--limit", type=int, help="only the first N pages (sorted ids) of each dataset")
    ap.add_argument("--ids", type=Path, help="file with one page id per line: only those pages")
    ap.add_argument(
        "--out",
        type=Path,
        default=REPO_ROOT / "benchmarks" / "out",
        help="output directory (default: benchmarks/out)",
    )
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1: cleanest timing)")
    ap.add_argument(
        "--shared",
        type=Path,
        default=REPO_ROOT.parent / "shared",
        help="the shared folder with datasets/ and tools/ (default: ../shared)",
    )
    ap.add_argument("--json", type=Path, help="also write all metrics as JSON to this file")
    ap.add_argument("-v", "--verbose", action="store_true", help="debug logging, libraries' logs included")
    return ap.parse_args(argv)


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


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    setup_logging(args.verbose)
    if not (args.shared / "tools" / "score.py").is_file():
        raise SystemExit(f"no tools/score.py under --shared {args.shared}")
    ids = set(args.ids.read_text(encoding="utf-8").split()) if args.ids else None
    scorer = load_scorer(args.shared)
    meta = run_meta(args)
    runs = [bench_dataset(name, args, scorer, ids) for name in args.datasets]
    text = report(runs, meta)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    if args.json:
        data = {"meta": meta, "datasets": {run.name: run_json(run, args.out) for run in runs}}
        dumped = json.dumps(json_safe(data), indent=1, ensure_ascii=False)
        args.json.write_text(dumped + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
