#!/usr/bin/env python3
"""Peak memory and speed of the `cleaner` command on many small inputs (Linux: reads /proc).

Generates N small news pages in nested folders (and a WARC.gz of N records) in a temp dir,
runs the real command on them, and samples the process tree every 20 ms: the peak RSS
(VmHWM) of the command's own process, of its largest worker, and the peak of their sum.
Running at several N shows whether memory stays flat as the number of inputs grows.

    python benchmarks/cli_memory.py                        # N = 1,000 and 10,000; jobs 1 and 2
    python benchmarks/cli_memory.py --pages 2000 --jobs 2 --no-warc

Prints a Markdown table (used in docs/cli.md).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

TOPICS = ("budget", "ferry", "storm", "library", "market", "bridge", "school", "harbour", "clinic", "park")


def page(i: int) -> bytes:
    topic = TOPICS[i % len(TOPICS)]
    paragraphs = "".join(
        f"<p>Report {i}: the {topic} committee met on day {i % 28 + 1} and agreed on point {j}; "
        f"residents asked about {topic} costs, and officials promised an answer within {j + 2} weeks.</p>"
        for j in range(5)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{topic.title()} update {i} | The Valley Post</title></head><body>
<a class="skip-link" href="#main">Skip to main content</a>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a></nav>
<main id="main"><article><h1>{topic.title()} update {i}</h1>{paragraphs}</article></main>
<footer><p>© 2024 The Valley Post. All rights reserved.</p></footer></body></html>""".encode()


def make_folder(root: Path, n: int) -> None:
    for i in range(n):
        folder = root / f"section-{i % 20:02d}" / f"day-{i % 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{i:06d}.html").write_bytes(page(i))


def make_warc(path: Path, n: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            uri = f"https://valley.example/news/{i}"
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(page(i)), http_headers=http)
            )


@dataclass
class Peak:
    parent_kib: int = 0
    worker_kib: int = 0
    total_kib: int = 0


def _status(pid: int) -> dict[str, int]:
    values: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                values[key] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return values


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def sample(pid: int, peak: Peak, stop: threading.Event) -> None:
    hwm: dict[int, int] = {}
    while not stop.is_set():
        parent = _status(pid)
        if parent:
            peak.parent_kib = max(peak.parent_kib, parent.get("VmHWM", 0))
        total = parent.get("VmRSS", 0)
        stack = _children(pid)
        while stack:
            child = stack.pop()
            status = _status(child)
            hwm[child] = max(hwm.get(child, 0), status.get("VmHWM", 0))
            total += status.get("VmRSS", 0)
            stack += _children(child)
        peak.worker_kib = max(hwm.values(), default=0)
        peak.total_kib = max(peak.total_kib, total)
        stop.wait(0.02)


def measure(args: list[str], cwd: Path) -> tuple[float, float, Peak, str]:
    """Run the command; wall seconds, CPU seconds (all its processes), peak RSS, summary line."""
    peak = Peak()
    stop = threading.Event()
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "cleaner", *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=err
        )
        sampler = threading.Thread(target=sample, args=(proc.pid, peak, stop), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # usage includes the workers it waited for
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        sampler.join()
        err.seek(0)
        stderr = err.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"cleaner {' '.join(args)} exited {proc.returncode}: {stderr[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, peak, stderr.strip().splitlines()[-1]


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-warc", action="store_true", help="skip the WARC runs")
    args = parser.parse_args()

    rows = [
        "| inputs | what | --jobs | wall | pages/s | CPU ms/page | peak RSS: command | a worker | all |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory(prefix="cleaner-cli-memory-") as tmp:
        for n in args.pages:
            work = Path(tmp) / str(n)
            make_folder(work / "pages", n)
            cases = [("folder -> -o DIR", ["pages", "-o", "out"])]
            if not args.no_warc:
                make_warc(work / "crawl.warc.gz", n)
                cases.append(("WARC.gz -> --jsonl", ["crawl.warc.gz", "--jsonl", "-o", "out.jsonl"]))
            for what, cmd in cases:
                for jobs in args.jobs:
                    seconds, cpu, peak, summary = measure([*cmd, "--jobs", str(jobs)], work)
                    print(f"{n} {what} jobs={jobs}: {summary}", file=sys.stderr)
                    worker = mib(peak.worker_kib) if jobs > 1 else "(in-process)"
                    rows.append(
                        f"| {n:,} | {what} | {jobs} | {seconds:.1f} s | {n / seconds:.0f} | "
                        f"{1000 * cpu / n:.1f} | {mib(peak.parent_kib)} | {worker} | {mib(peak.total_kib)} |"
                    )
                    for out in (work / "out", work / "out.jsonl"):
                        subprocess.run(["rm", "-rf", str(out)], check=True)
    cores = f"{os.cpu_count()} cores" if os.cpu_count() else "?"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    system = f"{platform.system()} {platform.machine()}"
    print(f"Python {platform.python_version()}, {system}, {cores}, load average {load}\n")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
