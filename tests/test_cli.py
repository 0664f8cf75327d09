"""End-to-end tests of the ``cleaner`` command: the real command in a subprocess, on real folders.

Each expected output is what ``cleaner.clean()`` / ``cleaner.run()`` return for the same page.
tests/cli_data/hooks/sitecustomize.py lets a test make a page raise, crash its worker or
run slowly (see that file); it is put on PYTHONPATH only by the tests that use it.
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

import pytest

import cleaner
from cleaner import Config, Favor
from cleaner.cli import parse_size, split_list
from cleaner.cli_inputs import _glob_match, page_stem, url_filename, warc_stem
from cleaner.rules import BUILTIN_RULES

ROOT = Path(__file__).resolve().parent.parent
HOOKS = Path(__file__).resolve().parent / "cli_data" / "hooks"

TOPICS = {
    "budget": ("Council approves the budget", "council", "schools and clinics"),
    "ferry": ("Ferry service cut to once a week", "ferry operator", "drivers and their trucks"),
    "storm": ("Storm warning for the coast", "weather service", "harbours and beaches"),
    "library": ("New library opens downtown", "city librarian", "students and readers"),
    "market": ("Farmers market moves indoors", "market manager", "growers and shoppers"),
    "bridge": ("Old bridge closes for repairs", "transport office", "cyclists and buses"),
}


def page(key: str, *, lang: str = "en", marker: str = "") -> bytes:
    """A realistic news page: skip link, nav, breadcrumb, article paragraphs, footer."""
    title, who, whom = TOPICS[key]
    paragraphs = [
        f"The {who} announced on Tuesday that the plan would change daily life for {whom} this year.",
        f"Officials said the decision followed months of consultation, and that {whom} had been heard.",
        f"Critics argued the {who} moved too fast; a review is expected before the end of the summer.",
        f"Residents can read the full report at the town hall or online from next week. {marker}",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | The Valley Post</title></head><body>
<a class="skip-link" href="#main">Skip to main content</a>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a></nav>
<main id="main"><article><h1>{title}</h1>{body}</article></main>
<footer><p>© 2024 The Valley Post. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>""".encode()


def expected(data: bytes, **kwargs: object) -> str:
    return cleaner.clean(data, **kwargs)  # type: ignore[arg-type]


def cli(
    *args: str | Path,
    cwd: Path,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    hooks: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m cleaner ARGS`` and return the finished process (stdout/stderr as bytes)."""
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *map(str, args)],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=_env(env, hooks),
        timeout=90,
        check=False,
    )


def _env(extra: Mapping[str, str] | None, hooks: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEANER_TEST_", "NO_COLOR"))}
    paths = [str(HOOKS)] if hooks else []
    env["PYTHONPATH"] = os.pathsep.join([*paths, str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra or {})
    return env


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path (hidden temp files included)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A saved site: nested folders, a .gz page, a .htm page, and files that are not pages."""
    root = tmp_path / "site"
    (root / "news" / "2024").mkdir(parents=True)
    (root / "about").mkdir()
    (root / ".git").mkdir()
    (root / "index.html").write_bytes(page("budget"))
    (root / "news" / "ferry.html").write_bytes(page("ferry"))
    (root / "news" / "2024" / "storm.html.gz").write_bytes(gzip.compress(page("storm")))
    (root / "about" / "library.htm").write_bytes(page("library"))
    (root / "about" / "library.html").write_bytes(page("market"))  # same stem as library.htm
    (root / "news" / "style.css").write_text("body { color: red }")
    (root / "news" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (root / ".git" / "HEAD.html").write_bytes(page("bridge"))
    return root


SITE_OUTPUTS = {
    "index.txt": ("index.html", False),
    "news/ferry.txt": ("news/ferry.html", False),
    "news/2024/storm.txt": ("news/2024/storm.html.gz", True),
    "about/library.txt": ("about/library.htm", False),
    "about/library.html.txt": ("about/library.html", False),
}


def test_single_file_prints_what_clean_returns(tmp_path: Path) -> None:
    data = page("budget")
    (tmp_path / "page.html").write_bytes(data)
    proc = cli("page.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == expected(data)
    assert "Skip to main content" not in proc.stdout.decode()
    assert b"cleaned 1 page (0 empty, 0 failed)" in proc.stderr


def test_stdin(tmp_path: Path) -> None:
    data = page("ferry")
    proc = cli("-", "--url", "https://valley.example/ferry", "--quiet", cwd=tmp_path, stdin=data)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == expected(data, url="https://valley.example/ferry")
    assert proc.stderr == b""


def test_folder_mirrors_sub_folders_and_jobs_do_not_change_the_bytes(tmp_path: Path, site: Path) -> None:
    one = cli(site, "-o", "out1", "--jobs", "1", cwd=tmp_path)
    two = cli(site, "-o", "out2", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    out1, out2 = tree(tmp_path / "out1"), tree(tmp_path / "out2")
    assert sorted(out1) == sorted(SITE_OUTPUTS)  # not the .css, .png or .git/ files
    assert out1 == out2
    for out, (source, gz) in SITE_OUTPUTS.items():
        data = (site / source).read_bytes()
        assert out1[out].decode() == expected(gzip.decompress(data) if gz else data), out
    assert b"cleaned 5 pages (0 empty, 0 failed)" in two.stderr


def test_jsonl_is_ordered_and_the_same_for_any_number_of_jobs(tmp_path: Path, site: Path) -> None:
    one = cli(site, "--jsonl", "-j", "1", "-q", cwd=tmp_path)
    two = cli(site, "--jsonl", "-j", "2", "-o", "all.jsonl", "-q", cwd=tmp_path)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == (tmp_path / "all.jsonl").read_bytes()
    records = [json.loads(line) for line in one.stdout.decode().splitlines()]
    sources = [Path(r["source"]).relative_to(site).as_posix() for r in records]
    assert sources == [
        "index.html",
        "about/library.htm",
        "about/library.html",
        "news/ferry.html",
        "news/2024/storm.html.gz",
    ]
    assert records[3]["text"] == expected(page("ferry"))


def test_json_format_carries_the_result(tmp_path: Path) -> None:
    data = page("storm")
    (tmp_path / "storm.html").write_bytes(data)
    proc = cli("storm.html", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    result = cleaner.run(data)
    assert record == {
        "source": "storm.html",
        "url": None,
        "title": result.title,
        "kind": "html",
        "lang": "en",
        "extracted": result.extracted,
        "text": result.text,
        "removals": [
            {"rule": r.rule, "name": r.name, "text": r.text, "reason": r.reason, "stage": r.stage}
            for r in result.removals
        ],
    }
    assert record["removals"], "the page has a skip link and a breadcrumb to remove"


def test_markdown_to_a_folder(tmp_path: Path) -> None:
    data = page("library")
    (tmp_path / "lib.html").write_bytes(data)
    proc = cli("lib.html", "-o", "out", "--format", "markdown", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = cleaner.run(data)
    text = (tmp_path / "out" / "lib.md").read_text()
    assert text.startswith(f"# {result.title}\n\n")
    assert text.endswith(result.text.partition("\n\n")[2])


def test_explain_lists_each_removal_without_colour_off_a_terminal(tmp_path: Path) -> None:
    data = page("market")
    (tmp_path / "market.html").write_bytes(data)
    proc = cli("market.html", "--explain", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    text, listing = out[: len(expected(data))], out[len(expected(data)) :]
    assert text == expected(data)
    removals = cleaner.run(data).removals
    assert listing.startswith(f"--- market.html: {len(removals)} removed ---\n")
    for removal, line in zip(removals, listing.splitlines()[1:], strict=True):
        assert line.startswith(f"{removal.rule}  {removal.name}")
        assert line.endswith(f"({removal.reason})")
    assert "\x1b[" not in out


def test_broken_inputs_are_reported_and_the_rest_is_written(tmp_path: Path, site: Path) -> None:
    broken = tmp_path / "site" / "broken"
    broken.mkdir()
    (broken / "truncated.html.gz").write_bytes(gzip.compress(page("bridge"))[:-40])
    (broken / "gone.html").symlink_to(tmp_path / "nowhere.html")
    (broken / "report.html").write_bytes(b"%PDF-1.7\n%binary")
    (broken / "raises.html").write_bytes(page("bridge", marker="RAISE-ME"))
    proc = cli(
        site,
        "missing.html",
        "-o",
        "out",
        "-j",
        "2",
        "--errors",
        "errors.tsv",
        cwd=tmp_path,
        hooks=True,
        env={"CLEANER_TEST_RAISE": "RAISE-ME"},
    )
    assert proc.returncode == 1
    stderr = proc.stderr.decode()
    reasons = {
        "broken/truncated.html.gz": "truncated input",
        "broken/gone.html": "No such file or directory",
        "broken/report.html": "PDF",
        "broken/raises.html": "internal error RuntimeError: boom",
    }
    for name, reason in reasons.items():
        assert f"cleaner: {site / name}: " in stderr and reason in stderr, (name, stderr)
    assert "cleaner: missing.html: no such file" in stderr
    assert "cleaned 10 pages (0 empty, 5 failed)" in stderr
    errors = dict(line.split("\t") for line in (tmp_path / "errors.tsv").read_text().splitlines())
    assert set(errors) == {str(site / name) for name in reasons} | {"missing.html"}
    written = tree(tmp_path / "out")
    assert sorted(written) == sorted(SITE_OUTPUTS)
    assert written["news/ferry.txt"].decode() == expected(page("ferry"))


def test_a_worker_that_dies_loses_only_its_own_page(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    keys = list(TOPICS)
    for i, key in enumerate(keys):
        (pages / f"{i}-{key}.html").write_bytes(page(key, marker="CRASH-ME" if key == "storm" else ""))
    proc = cli(
        pages, "-o", "out", "-j", "2", cwd=tmp_path, hooks=True, env={"CLEANER_TEST_CRASH": "CRASH-ME"}
    )
    assert proc.returncode == 1, proc.stderr
    assert f"{pages / '2-storm.html'}: the worker process died".encode() in proc.stderr
    written = tree(tmp_path / "out")
    assert sorted(written) == sorted(f"{i}-{k}.txt" for i, k in enumerate(keys) if k != "storm")
    for i, key in enumerate(keys):
        if key != "storm":
            assert written[f"{i}-{key}.txt"].decode() == expected(page(key))


def test_resume_skips_outputs_that_are_up_to_date(tmp_path: Path, site: Path) -> None:
    assert cli(site, "-o", "out", "-q", cwd=tmp_path).returncode == 0
    out = tmp_path / "out"
    before = {p: (out / p).stat().st_mtime_ns for p in SITE_OUTPUTS}
    (out / "index.txt").unlink()
    (site / "news" / "ferry.html").write_bytes(page("bridge"))  # changed after its output
    time.sleep(0.05)
    proc = cli(site, "-o", "out", "--resume", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert b"cleaned 2 pages (0 empty, 0 failed, 3 skipped)" in proc.stderr
    after = {p: (out / p).stat().st_mtime_ns for p in SITE_OUTPUTS}
    assert [p for p in SITE_OUTPUTS if after[p] != before[p]] == ["index.txt", "news/ferry.txt"]
    assert (out / "news" / "ferry.txt").read_text() == expected(page("bridge"))


def test_output_folder_inside_the_input_folder_is_not_cleaned_again(tmp_path: Path, site: Path) -> None:
    for _ in range(2):
        proc = cli(site, "-o", site / "clean", "-q", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    assert sorted(tree(site / "clean")) == sorted(SITE_OUTPUTS)


def _warc(path: Path, records: list[tuple[str, str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for rec_type, uri, content_type, body in records:
            if rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "valley.example")], is_http_request=True)
            else:
                http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http)
            writer.write_record(record)


def test_warc_gives_one_output_per_html_response(tmp_path: Path) -> None:
    base = "https://valley.example/news"
    _warc(
        tmp_path / "crawl.warc.gz",
        [
            ("request", f"{base}/ferry", "", b""),
            ("response", f"{base}/ferry", "text/html; charset=utf-8", page("ferry")),
            ("response", f"{base}/logo.png", "image/png", b"\x89PNG\r\n\x1a\n...."),
            ("response", f"{base}/storm?id=7", "application/xhtml+xml", page("storm")),
            ("response", f"{base}/bridge", "text/html", page("bridge")),
        ],
    )
    whole = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[: len(whole) - 200])  # inside the last record
    proc = cli("crawl.warc.gz", "cut.warc.gz", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 1
    written = tree(tmp_path / "out")
    crawl = {k.split("/")[1].rsplit("-", 1)[0]: v for k, v in written.items() if k.startswith("crawl/")}
    assert crawl == {
        "valley.example_news_ferry": expected(page("ferry"), url=f"{base}/ferry").encode(),
        "valley.example_news_storm_id_7": expected(page("storm"), url=f"{base}/storm?id=7").encode(),
        "valley.example_news_bridge": expected(page("bridge"), url=f"{base}/bridge").encode(),
    }
    assert sorted(k for k in written if k.startswith("cut/")) == sorted(
        k.replace("crawl/", "cut/") for k in written if k.startswith("crawl/") and "bridge" not in k
    )
    assert f"cut.warc.gz#{base}/bridge: truncated WARC".encode() in proc.stderr


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def do_GET(self) -> None:
        status, content_type, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_is_fetched_with_its_charset_and_size_cap(tmp_path: Path, server: str) -> None:
    latin = page("market").replace(b'<meta charset="utf-8">', b"")
    latin = latin.replace(b"market", "marché".encode("cp1252"))
    _Handler.pages = {"/market": (200, "text/html; charset=windows-1252", latin)}
    proc = cli(f"{server}/market", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    want = expected(latin, url=f"{server}/market", encoding="windows-1252")
    assert "marché" in want and proc.stdout.decode() == want
    proc = cli(f"{server}/market", f"{server}/gone", "-o", "out", "--max-bytes", "100k", cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{server}/gone: HTTP error 404".encode() in proc.stderr
    port = server.rsplit(":", 1)[1]
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"127.0.0.1_{port}_market.txt"]
    proc = cli(f"{server}/market", "--max-bytes", "1000", cwd=tmp_path)
    assert proc.returncode == 1 and b"over the limit of 1,000 bytes" in proc.stderr


@pytest.mark.parametrize(
    ("flags", "config"),
    [
        (["--ignore", "NAV01,navigation.breadcrumb"], Config(ignore=("NAV01", "navigation.breadcrumb"))),
        (["--no-extract", "--select", "legal"], Config(extract=False, select=("legal",))),
        (
            ["--config", "cleaner.toml", "--favor", "precision"],
            Config(ignore=("navigation",), favor=Favor.PRECISION),
        ),
    ],
)
def test_options_map_onto_config(tmp_path: Path, flags: list[str], config: Config) -> None:
    data = page("bridge")
    (tmp_path / "bridge.html").write_bytes(data)
    (tmp_path / "cleaner.toml").write_text('ignore = ["navigation"]\n')
    proc = cli("bridge.html", *flags, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == expected(data, config=config)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "no INPUT given"),
        (["site"], "several pages need -o DIR"),
        (["a.html", "b.html"], "several pages need -o DIR"),
        (["a.html", "--favor", "fast"], "invalid choice: 'fast'"),
        (["a.html", "--select", "NOPE01"], "no rule matches 'NOPE01'"),
        (["a.html", "--max-bytes", "0"], "max_bytes"),
        (["a.html", "--encoding", "klingon"], "unknown encoding"),
        (["site", "--jsonl", "--resume"], "--resume needs -o DIR"),
        (["-", "-", "--jsonl"], "only once"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "site").mkdir()
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr.decode()
    assert proc.stdout == b""


def test_list_rules_and_one_rule(tmp_path: Path) -> None:
    listing = cli("--list-rules", cwd=tmp_path)
    assert listing.returncode == 0
    lines = listing.stdout.decode().splitlines()
    assert [line.split()[:2] for line in lines] == [[r.code, r.name] for r in BUILTIN_RULES]
    rule = BUILTIN_RULES[0]
    one = cli("--rule", rule.code.lower(), cwd=tmp_path)
    assert one.returncode == 0
    doc = one.stdout.decode()
    assert doc.startswith(f"{rule.code}  {rule.name}")
    for section in ("Removes:", "Why:", "Example:", "Keeps:"):
        assert f"\n{section}\n" in doc
    assert cli("--rule", "NOPE01", cwd=tmp_path).returncode == 2


def test_interrupted_run_leaves_no_half_written_file(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(60):
        (pages / f"{i:02d}.html").write_bytes(page(list(TOPICS)[i % len(TOPICS)]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", str(pages), "-o", "out", "-j", "2"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env({"CLEANER_TEST_SLOW": "0.1"}, hooks=True),
        # A shell's background job (`make test &`, CI runners) starts with SIGINT ignored, which
        # the child would inherit (Python then installs no KeyboardInterrupt handler): the test
        # is about a user's Ctrl-C, so the child gets the default disposition back.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    out = tmp_path / "out"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.txt"))) < 4:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert b"interrupted" in stderr
    written = tree(out)
    assert 4 <= len(written) < 60
    assert not [name for name in written if not name.endswith(".txt")], "temp files left behind"
    for name, text in written.items():
        assert text.decode() == expected(page(list(TOPICS)[int(name[:2]) % len(TOPICS)])), name


def test_helpers() -> None:
    assert parse_size("64k") == 64_000 and parse_size("1MiB") == 2**20 and parse_size("123") == 123
    assert split_list(["a,b", " c ", ""]) == ("a", "b", "c") and split_list(None) is None
    assert _glob_match(["a", "b", "c.html"], ["**", "*.html"])
    assert _glob_match(["c.html"], ["**", "*.html"])
    assert not _glob_match(["a", "c.html"], ["*.html"])
    assert page_stem("a.html.gz") == "a" and page_stem("notes") == "notes"
    assert warc_stem("crawl.warc.gz") == "crawl"
    assert str(url_filename("https://a.org/b/c?d=1#x")) == "a.org_b_c_d_1"
