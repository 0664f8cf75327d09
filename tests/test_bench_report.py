"""The benchmark's Markdown writer, target check and worker supervision, on made-up results.

No dataset is needed: the rows below stand in for score.py's evaluate() output.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


br = _load("bench_report")
TYPES = br.PAGE_TYPES


def wcxb_metrics(f1: float, by_type: dict[str, float] | None = None, without: float = 0.05) -> dict[str, Any]:
    types = by_type or dict.fromkeys(TYPES, f1)
    return {
        "word": {"f1": f1, "precision": f1 + 0.01, "recall": f1 - 0.01},
        "shingle": {"f1": f1 - 0.02},
        "snippets": {"with_rate": 0.7, "without_rate": without},
        "word_by_type": {t: {"f1": v, "n": 10} for t, v in types.items()},
    }


def trafeval_metrics(f1: float, without: float = 0.1) -> dict[str, Any]:
    block = {
        "precision": 0.9,
        "recall": 0.9,
        "f1": f1,
        "accuracy": 0.9,
        "with_rate": 0.9,
        "without_rate": without,
    }
    return {"snippets_trafilatura": block}


def row(name: str, metrics: dict[str, Any], cpu: float = 50.0, errors: int = 0, n: int = 70) -> Any:
    examples = ("0001: ValueError: boom",) if errors else ()
    return br.ExtractorResult(name, n, cpu, errors, examples, metrics)


def wcxb(*rows: Any, name: str = "wcxb") -> Any:
    return br.DatasetResult(
        name, "WCXB dev (HTML)", "WCXB (M. Foley, 2026, CC-BY-4.0)", "wcxb", 70, rows, 3.0
    )


def text_ds(*rows: Any, name: str = "wcxb-text") -> Any:
    return br.DatasetResult(name, f"dumps {name}", "WCXB (M. Foley, 2026, CC-BY-4.0)", "wcxb", 70, rows)


def trafeval(*rows: Any) -> Any:
    return br.DatasetResult("trafeval", "trafilatura set", "A. Barbaresi et al.", "trafeval", 40, rows, 2.0)


INFO = br.RunInfo(
    command="python benchmarks/run.py --jobs 2 --markdown BENCHMARKS.md",
    date="2026-11-25 17:00 UTC",
    commit="abc1234",
    python="3.11.7",
    platform="Linux x86_64",
    cpus=2,
    jobs=2,
    timeout_s=120,
    versions={"cleaner": "0.1.0", "trafilatura": "2.3.1"},
    calls={"cleaner": "`cleaner.clean(page)`", "trafilatura": "`trafilatura.extract(page)`"},
)


def verdicts(checks: list[Any]) -> dict[str, str]:
    return {check.target: check.verdict.value for check in checks}


# ------------------------------------------------------------------ Markdown


def test_render_has_command_credits_tables_and_floor() -> None:
    ds = wcxb(row("cleaner", wcxb_metrics(0.82), cpu=100.0), row("trafilatura", wcxb_metrics(0.81), cpu=72.0))
    text = br.render(INFO, [ds])
    assert "```sh\npython benchmarks/run.py --jobs 2 --markdown BENCHMARKS.md\n```" in text
    assert "WCXB (M. Foley, 2026, CC-BY-4.0)" in text
    assert "| cleaner | 0.820 | 0.820 |" in text
    assert "| lxml parse (floor) |" in text and "| 3.0 | – |" in text
    assert "Sample run" not in text
    assert text == br.render(INFO, [ds])  # same results, same file


def test_sample_runs_are_flagged() -> None:
    info = br.RunInfo(**{**INFO.__dict__, "sample": "the first 60 pages by sorted id, on each dataset"})
    text = br.render(info, [wcxb(row("cleaner", wcxb_metrics(0.82)))])
    assert "**Sample run**: the first 60 pages" in text


def test_extractor_failing_on_many_pages_is_left_out_with_a_note() -> None:
    flaky = row("goose3", wcxb_metrics(0.5), errors=8)  # 8 of 70 > 5 %
    few = row("justext", wcxb_metrics(0.6), errors=2)  # 2 of 70 stays in
    missing = br.ExtractorResult("newspaper4k", unavailable="No module named 'newspaper'")
    failing_subject = row("cleaner", wcxb_metrics(0.8), errors=9)
    text = br.render(INFO, [wcxb(failing_subject, flaky, few, missing)])
    assert "| cleaner | 0.800 |" in text  # the subject stays, failures and all
    assert "| goose3 |" not in text and "| newspaper4k |" not in text
    assert "- `goose3` left out: failed on 8 of 70 pages (11.4%, over the 5% limit), e.g. 0001" in text
    assert "- `newspaper4k` left out: unavailable: No module named 'newspaper'" in text
    assert "| justext | 0.600 |" in text
    assert "`justext` on 2 of 70 pages (scored as empty)" in text


def test_reading_notes_are_computed_from_the_figures() -> None:
    mine = dict.fromkeys(TYPES, 0.8) | {"forum": 0.6}
    ds = wcxb(
        row("cleaner", wcxb_metrics(0.823, mine, without=0.058), cpu=100.0),
        row("trafilatura", wcxb_metrics(0.818, dict.fromkeys(TYPES, 0.7), without=0.063), cpu=80.0),
        row("resiliparse", wcxb_metrics(0.776), cpu=5.0),
    )
    notes = "\n".join(br.reading_notes([ds]))
    assert "word F1 0.823 against 0.818 for trafilatura (+0.005); 1st of 3 extractors" in notes
    assert "ahead of trafilatura on 6 page types" in notes and "behind on 1: forum (-0.100)" in notes
    assert "Without-rate (lower is better) 0.058 against 0.063 for trafilatura (-0.005)" in notes
    assert "`cleaner` 100.0 ms/page, 1.25× `trafilatura` (80.0 ms)" in notes
    assert "33× the lxml parse floor (3.0 ms)" in notes
    assert "fastest `resiliparse` 5.0 ms, slowest `cleaner` 100.0 ms" in notes


def test_text_notes_compare_with_the_dump_itself() -> None:
    ds = text_ds(
        row("passthrough", wcxb_metrics(0.677, without=0.9), cpu=0.0), row("cleaner", wcxb_metrics(0.756))
    )
    (note,) = [n for n in br.reading_notes([ds]) if "dumps" in n]
    assert "word F1 0.756 against 0.677 for the dump itself (+0.079)" in note


def test_summary_puts_every_extractor_of_every_dataset_in_one_table() -> None:
    html = wcxb(
        row("cleaner", wcxb_metrics(0.82), cpu=100.0), row("trafilatura", wcxb_metrics(0.81), cpu=72.0)
    )
    traf = trafeval(row("cleaner", trafeval_metrics(0.93), cpu=49.0))
    dumps = text_ds(
        row("passthrough", wcxb_metrics(0.68), cpu=0.0), row("cleaner", wcxb_metrics(0.76), cpu=17.0)
    )
    lines = br.summary_section([html, traf, dumps])
    assert lines[4].startswith("| extractor | `wcxb` word F1 | `trafeval` snippet F1 | `wcxb-text` word F1 |")
    assert "| cleaner | 0.820 | 0.930 | 0.760 | 100.0 | 49.0 |" in lines
    assert "| trafilatura | 0.810 | – | – | 72.0 | – |" in lines
    assert "| passthrough | – | – | 0.680 | – | – |" in lines
    assert "| lxml parse (floor) | – | – | – | 3.0 | 2.0 |" in lines


# ------------------------------------------------------------------ targets


def test_targets_met_and_not_met() -> None:
    mine = dict.fromkeys(TYPES, 0.90) | {"article": 0.96, "forum": 0.71}
    theirs = dict.fromkeys(TYPES, 0.85) | {"article": 0.93, "forum": 0.70}
    checks = br.check_targets(
        [
            wcxb(
                row("cleaner", wcxb_metrics(0.86, mine, without=0.04), cpu=60.0),
                row("trafilatura", wcxb_metrics(0.82, theirs), cpu=70.0),
            ),
            trafeval(
                row("cleaner", trafeval_metrics(0.92), cpu=50.1), row("trafilatura", trafeval_metrics(0.92))
            ),
            text_ds(
                row("passthrough", wcxb_metrics(0.68)), row("cleaner", wcxb_metrics(0.79, {"article": 0.89}))
            ),
        ]
    )
    got = verdicts(checks)
    assert got["WCXB dev (HTML): word F1, all pages"] == "met"
    assert got["WCXB dev (HTML): word F1, articles"] == "met"
    assert got["WCXB dev (HTML): word F1, article pages vs trafilatura"] == "met"  # 0.96 >= 0.93 + 0.02
    assert got["WCXB dev (HTML): word F1, forum pages vs trafilatura"] == "not met"  # 0.71 < 0.72
    assert got["WCXB dev (HTML): without-rate"] == "met"
    assert got["trafilatura set: snippet F1"] == "not met"  # level is not above
    assert got["dumps wcxb-text: word F1, all pages"] == "met"
    assert got["dumps wcxb-text: word F1, articles"] == "not met"
    assert got["WCXB dev (HTML): CPU ms/page"] == "met"
    assert got["trafilatura set: CPU ms/page"] == "not met"  # 50.1 > 50.0
    forum = next(c for c in checks if c.target.endswith("forum pages vs trafilatura"))
    assert forum.goal == "≥ 0.720 (trafilatura 0.700 + 0.02)" and forum.measured == "0.710"


def test_targets_are_compared_as_printed() -> None:
    checks = br.check_targets(
        [wcxb(row("cleaner", wcxb_metrics(0.8496, {"article": 0.9494}, without=0.0456)))]
    )
    got = verdicts(checks)
    assert got["WCXB dev (HTML): word F1, all pages"] == "met"  # printed 0.850
    assert got["WCXB dev (HTML): word F1, articles"] == "not met"  # printed 0.949
    assert got["WCXB dev (HTML): without-rate"] == "not met"  # printed 0.046


def test_missing_peer_or_dataset_is_not_measured() -> None:
    checks = br.check_targets([wcxb(row("cleaner", wcxb_metrics(0.9)))])
    got = verdicts(checks)
    assert got["WCXB dev (HTML): word F1, forum pages vs trafilatura"] == "not measured"
    assert got["WCXB dev (HTML): CPU ms/page"] == "not measured"
    assert not any("trafilatura set" in target for target in got)  # not run: not listed


def test_other_dump_styles_are_shown_without_a_verdict() -> None:
    style = text_ds(
        row("passthrough", wcxb_metrics(0.6)), row("cleaner", wcxb_metrics(0.7)), name="wcxb-text-x"
    )
    (check,) = br.check_targets([style])
    assert check.verdict is br.Verdict.INFO
    assert check.measured == "0.700 (articles 0.700; dump itself 0.600)"


# ------------------------------------------------------------------ supervision (run.py)


def _ok(data: bytes | str, url: str | None) -> str:
    return f"ok {len(data)}"


def _crash_on_b(data: bytes | str, url: str | None) -> str:
    if data == "b":
        os._exit(3)  # like a segfault: the worker process is gone
    return "fine"


def _hang_on_c(data: bytes | str, url: str | None) -> str:
    if data == "c":
        time.sleep(60)
    return "fine"


def test_supervisor_survives_crashes_and_hangs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = _load("run")
    specs = {
        "ok": run.ExtractorSpec(frozenset({"text"}), lambda: _ok, "ok"),
        "crashy": run.ExtractorSpec(frozenset({"text"}), lambda: _crash_on_b, "crash"),
        "hangy": run.ExtractorSpec(frozenset({"text"}), lambda: _hang_on_c, "hang"),
    }
    monkeypatch.setattr(run, "EXTRACTORS", MappingProxyType(specs))
    monkeypatch.setattr(run, "WARMUP_TEXT", "warm")
    pages = []
    for name in "abcd":
        (tmp_path / f"{name}.txt").write_text(name, encoding="utf-8")
        pages.append(run.Page(name, None, str(tmp_path / f"{name}.txt"), "text"))
    supervisor = run.Supervisor("text", ["crashy", "ok", "hangy"], jobs=1, timeout=1.0)
    results = {r.page_id: r.calls for r in supervisor.run(pages)}
    assert sorted(results) == ["a", "b", "c", "d"]
    assert results["b"]["crashy"].error == "worker process died (exit code 3)"
    assert results["b"]["ok"].text == "ok 1" and results["b"]["hangy"].text == "fine"  # the page went on
    assert results["c"]["hangy"].error == "timed out after 1 s"
    assert results["c"]["hangy"].cpu >= 1.0  # wall time until the kill
    assert all(call.error is None for page in "ad" for call in results[page].values())


def test_text_dump_as_paragraphs_and_page_samples() -> None:
    run = _load("run")
    assert (
        run.text_to_html("Home\n\n  A < B & C  \n")
        == "<html><body><p>Home</p><p>A &lt; B &amp; C</p></body></html>"
    )
    docs = [{"id": f"{i:04d}"} for i in range(10, 0, -1)]
    assert [d["id"] for d in run.select_docs(docs, None, limit=2, every=3)] == ["0001", "0004"]
    assert [d["id"] for d in run.select_docs(docs, {"0002", "0009"}, limit=None)] == ["0002", "0009"]
