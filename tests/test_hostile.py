"""Hostile input: the generated corpus of tests/hostile/corpus.py, each case run with a time
limit in a worker process, and the contracts around it — typed errors, limits, the time
budget, no network or file access, nothing left behind for the next page.

The corpus and the outcome of each case are listed in docs/hostile-input.md.
"""

from __future__ import annotations

import logging
import math
import re
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml.html import document_fromstring

import cleaner
from cleaner import (
    CleanerError,
    Config,
    ConfigError,
    DecodeError,
    InputError,
    InputTooLargeError,
    NotAWebPageError,
    TimeBudgetExceededError,
    TooDeeplyNestedError,
)
from cleaner.engine import Deadline
from cleaner.extract import Extraction
from cleaner.load import (
    CHAR_FIXES,
    CONTROL_RUN,
    HUGE_TAG_CHARS,
    _has_control_bytes,
    _has_long_tag,
    clean_chars,
    decode,
    limit_depth,
)
from tests.hostile import corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("hostile")
    corpus.write_corpus(directory)
    return directory


@pytest.fixture(scope="module")
def worker(corpus_dir: Path) -> Iterator[corpus.Worker]:
    w = corpus.Worker(corpus_dir)
    yield w
    w.close()


@pytest.mark.parametrize("name", [c.name for c in corpus.CASES])
def test_hostile_case(name: str, worker: corpus.Worker) -> None:
    case = corpus.by_name()[name]
    got = worker.run(name, case.limit)
    assert got["outcome"] != "timeout", f"{name} did not finish within {case.limit:g} s"
    problems = corpus.check(case, got)
    assert not problems, f"{name} ({case.about}): {'; '.join(problems)}"


def test_batch_is_not_poisoned(worker: corpus.Worker) -> None:
    """After every hostile case ran in the same worker, a normal page cleans as in a fresh one."""
    assert worker.reference() == corpus.reference()


def test_docs_list_every_case() -> None:
    doc = (ROOT / "docs" / "hostile-input.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", doc, flags=re.MULTILINE))
    names = {c.name for c in corpus.CASES}
    assert names <= listed, f"docs/hostile-input.md lacks {sorted(names - listed)}"
    assert listed <= names, f"docs/hostile-input.md lists unknown cases {sorted(listed - names)}"


# --- in-process batch and threads ------------------------------------------------------------

QUICK = [
    c.name
    for c in corpus.CASES
    if c.group in ("empty", "binary", "encoding", "safety", "not-html", "characters")
]


def test_hostile_pages_leave_nothing_behind(corpus_dir: Path) -> None:
    """Interleave hostile pages with a normal one: its result never changes, the shared
    default cleaners stay bounded and no logging handler is added."""
    expected = corpus.reference()
    handlers = list(logging.getLogger("cleaner").handlers)
    for name in QUICK:
        corpus.run_case(name, str(corpus_dir))
        assert corpus.reference() == expected, f"{name} changed how the next page is cleaned"
    assert cleaner.api._default_cleaner.cache_info().currsize <= 8
    assert logging.getLogger("cleaner").handlers == handlers


def test_threads_give_the_same_results(corpus_dir: Path) -> None:
    names = QUICK[::2]
    sequential = [_comparable(corpus.run_case(n, str(corpus_dir))) for n in names]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda n: _comparable(corpus.run_case(n, str(corpus_dir))), names))
    assert threaded == sequential


def _comparable(got: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in got.items() if k not in ("seconds", "cpu")}


# --- no network, no files ----------------------------------------------------------------------


def test_no_network_access() -> None:
    """Every URL a page names points at a listening local socket: none is ever connected."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.5)
    url = f"http://127.0.0.1:{server.getsockname()[1]}"
    pages = [
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/x.dtd">' + corpus.article(),
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "{url}/e">]><html><body><p>&e;</p>'
        f"<p>{corpus.ARTICLE_TEXT}</p></body></html>",
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>' + corpus.article(),
        f'<?xml-stylesheet href="{url}/s.xsl" type="text/xsl"?>' + corpus.article(),
        corpus.article(
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/inc"/>'
            f'<img src="{url}/i.png"><iframe src="{url}/f"></iframe><script src="{url}/s.js"></script>'
            f'<link rel="stylesheet" href="{url}/c.css"><object data="{url}/o"></object>',
            head=f'<base href="{url}/"><meta http-equiv="refresh" content="0; url={url}/r">',
        ),
    ]
    try:
        for page in pages:
            for data in (page, page.encode()):
                assert corpus.ARTICLE_TEXT in cleaner.clean(data, url=f"{url}/page.html")
            assert corpus.ARTICLE_TEXT in cleaner.clean(document_fromstring(page.encode()))
        with pytest.raises(socket.timeout):
            conn, _ = server.accept()
            conn.close()
    finally:
        server.close()


def test_no_local_file_is_read(corpus_dir: Path) -> None:
    """Entities, DTDs, XInclude and stylesheets pointing at a local file leave it unread."""
    for name in ("xxe-file", "xxe-parameter", "external-dtd-file", "xinclude", "xml-stylesheet"):
        got = corpus.run_case(name, str(corpus_dir))
        assert got["outcome"] == "text" and not got["leaked"], name


# --- typed errors and their messages -------------------------------------------------------


def test_error_hierarchy() -> None:
    for error in (
        ConfigError,
        InputError,
        NotAWebPageError,
        DecodeError,
        InputTooLargeError,
        TooDeeplyNestedError,
        TimeBudgetExceededError,
    ):
        assert issubclass(error, CleanerError)
    assert issubclass(DecodeError, NotAWebPageError) and issubclass(NotAWebPageError, InputError)
    assert issubclass(InputError, ValueError) and issubclass(ConfigError, ValueError)


@pytest.mark.parametrize(
    ("page", "kwargs"),
    [
        (123, {}),
        (None, {}),
        (["<p>a</p>"], {}),
        (3.5, {}),
        (b"<p>a</p>", {"encoding": 5}),
    ],
)
def test_wrong_argument_types_raise_type_error(page: Any, kwargs: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        cleaner.clean(page, **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"max_bytes": "10M"}, TypeError),
        ({"max_depth": 2.5}, TypeError),
        ({"time_budget": "5"}, TypeError),
        ({"flatten_deep": "yes"}, TypeError),
        ({"max_bytes": 0}, ConfigError),
        ({"max_depth": 5}, ConfigError),
        ({"max_depth": 5000}, ConfigError),
        ({"max_extract_elements": -1}, ConfigError),
        ({"time_budget": 0}, ConfigError),
        ({"time_budget": math.nan}, ConfigError),
    ],
)
def test_bad_limits_are_refused(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        Config(**kwargs)


def test_messages_say_what_and_which_option() -> None:
    with pytest.raises(InputTooLargeError, match=r"max_bytes") as too_large:
        cleaner.clean(b"<p>" + b"x" * 2_000 + b"</p>", config=Config(max_bytes=1_000))
    assert "2,007 bytes" in str(too_large.value)
    deep = "<div>" * 400 + "text" + "</div>" * 400
    with pytest.raises(TooDeeplyNestedError, match=r"max_depth=256.*flatten_deep"):
        cleaner.clean(deep, config=Config(flatten_deep=False))
    with pytest.raises(TimeBudgetExceededError, match=r"time_budget"):
        cleaner.clean(corpus.article(), config=Config(time_budget=1e-9))
    with pytest.raises(NotAWebPageError, match=r"PDF"):
        cleaner.clean(b"%PDF-1.4\n" + bytes(range(256)))
    with pytest.raises(DecodeError, match=r"encoding="):
        cleaner.clean(bytes(range(0x80, 0x100)) * 40)


# --- limits ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "long"),
    [
        ("<p>" + "x" * HUGE_TAG_CHARS, False),  # long text, short tag
        ("<div " + "a" * (HUGE_TAG_CHARS - 5), False),  # one character short
        ("<div " + "a" * (HUGE_TAG_CHARS - 4), True),
        ("<div " + "a" * (HUGE_TAG_CHARS - 10) + ">" + "b" * 20, False),  # the tag ends in time
        ("<div " + "a" * (HUGE_TAG_CHARS - 10) + "<" + "b" * 20, False),
        ("text <" + "a" * HUGE_TAG_CHARS + "> <p>", True),
        ("<p>" * 9000 + "<b " + "a" * HUGE_TAG_CHARS + "<p>" * 9000, True),  # off the chunk grid
        ("<p>" * 9000 + "<b " + "a" * (HUGE_TAG_CHARS - 3) + "<p>" * 9000, False),
    ],
)
def test_the_long_tag_check_is_the_regex_it_replaces(text: str, long: bool) -> None:
    regex = re.compile(rf"<[^<>]{{{HUGE_TAG_CHARS}}}")
    assert _has_long_tag(text) is long is (regex.search(text) is not None)


def test_size_limit_counts_bytes_or_characters() -> None:
    page = "<p>" + "é" * 600 + "</p>"
    assert cleaner.clean(page, config=Config(max_bytes=700))  # 607 characters
    with pytest.raises(InputTooLargeError, match="bytes"):
        cleaner.clean(page.encode(), config=Config(max_bytes=700))  # 1,207 bytes


def test_flattening_keeps_text_blocks_and_bounds_depth() -> None:
    paragraphs = [f"Paragraph {i} of the nested page." for i in range(600)]
    page = (
        "<html><body>" + "".join(f"<div><p>{p}</p>" for p in paragraphs) + "</div>" * 600 + "</body></html>"
    )
    config = Config(max_depth=64, extract=False)
    assert cleaner.clean(page, config=config) == "\n\n".join(paragraphs) + "\n"
    tree = document_fromstring(page.encode())
    limit_depth(tree, config)
    assert not tree.xpath("/".join(["*"] * 64)), "an element deeper than max_depth is left"


def test_flattening_drops_deep_scripts_not_text() -> None:
    page = (
        "<html><body>" + "<section>" * 3000 + "<p>Kept text.</p><script>var x = 'DROPPED';</script>"
        "<style>p { color: red }</style><span>More kept text.</span>" + "</section>" * 3000 + "</body></html>"
    )
    text = cleaner.clean(page, config=Config(extract=False))
    assert "Kept text." in text and "More kept text." in text
    assert "DROPPED" not in text and "color" not in text


def test_caller_tree_is_flattened_on_a_copy() -> None:
    root = document_fromstring("<html><body></body></html>")
    el = root.find("body")
    for i in range(3000):
        el = etree.SubElement(el, "div")
        el.text = f"Level {i} text."
    text = cleaner.clean(root, config=Config(extract=False))
    assert "Level 0 text." in text and "Level 2999 text." in text
    assert len(list(root.iter())) == 3002, "the caller's tree must not be modified"


def test_caller_tree_with_control_characters() -> None:
    tree = document_fromstring("<html><body><p>Bell\x07 and \x93quoted\x94 and \x0cfeed.</p></body></html>")
    assert cleaner.clean(tree, config=Config(extract=False)) == "Bell and “quoted” and feed.\n"


def test_time_budget_works_in_a_thread() -> None:
    """No signals: a budget stops a page in any thread."""
    errors: list[BaseException] = []

    def clean_in_thread() -> None:
        try:
            cleaner.clean(corpus.article(), config=Config(time_budget=1e-9))
        except BaseException as err:
            errors.append(err)

    thread = threading.Thread(target=clean_in_thread)
    thread.start()
    thread.join(60)
    assert len(errors) == 1 and isinstance(errors[0], TimeBudgetExceededError)


def test_time_budget_bounds_a_huge_page() -> None:
    page = (
        "<html><body>"
        + "".join(f"<p>Paragraph {i} with some words.</p>" for i in range(150_000))
        + "</body></html>"
    )
    started = time.monotonic()
    try:
        text = cleaner.clean(page, config=Config(max_bytes=20_000_000, time_budget=2))
    except TimeBudgetExceededError:
        pass
    else:
        assert "Paragraph 0 with" in text
    assert time.monotonic() - started < 20


def _tree_with(elements: int) -> Any:
    return document_fromstring("<html><body>" + "<p>x</p>" * (elements - 2) + "</body></html>")


@pytest.mark.parametrize(
    ("elements", "seconds", "mode"),
    [
        (1_000, 30.0, Extraction.FULL),
        (25_000, 30.0, Extraction.FAST),
        (60_000, 30.0, Extraction.SKIP),
        (10_000, 5.0, Extraction.FAST),  # full (3 s) would not leave as much again
        (10_000, 3.0, Extraction.SKIP),
        (10_000, None, Extraction.FULL),
    ],
)
def test_extraction_is_planned_to_fit_the_budget(
    elements: int, seconds: float | None, mode: Extraction
) -> None:
    assert Deadline(seconds).plan_extraction(_tree_with(elements), Config()) == mode


def test_extraction_skipped_for_huge_pages_keeps_the_text() -> None:
    page = (
        "<html><body>"
        + "".join(f"<p>Item {i} of a very long list.</p>" for i in range(3_000))
        + "</body></html>"
    )
    result = cleaner.run(page, config=Config(max_extract_elements=1_000))
    assert not result.extracted
    assert "Item 0 of a very" in result.text and "Item 2999 of a very" in result.text


# --- decoding and characters -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "hint", "expected"),
    [
        ("<p>Déjà vu, naïve façade.</p>".encode("cp1252"), None, "Déjà vu, naïve façade."),
        (
            '<meta charset="utf-8"><p>Déjà vu, naïve façade.</p>'.encode("cp1252"),
            None,
            "Déjà vu, naïve façade.",
        ),
        ('<meta charset="iso-8859-1"><p>Straße</p>'.encode(), None, "Straße"),
        ("<p>Привет, мир</p>".encode("cp1251"), "windows-1251", "Привет, мир"),
        ("<p>Привет, мир</p>".encode("koi8-r"), "koi8-r", "Привет, мир"),
        ("<p>Straße</p>".encode(), "iso-8859-1", "Straße"),
        ("<p>Straße</p>".encode(), "no-such-charset", "Straße"),
        ("<p>Straße</p>".encode("utf-16"), None, "Straße"),
        ("<p>Straße</p>".encode("utf-16-le"), None, "Straße"),
        ("<p>Straße</p>".encode("utf-16-be"), None, "Straße"),
        ("<p>Straße</p>".encode("utf-32"), None, "Straße"),
        ("<p>日本語のテキスト</p>".encode("iso2022_jp"), "iso-2022-jp", "日本語のテキスト"),
        ("<p>Ærøskøbing – “quoted”</p>".encode("cp1252"), None, "Ærøskøbing – “quoted”"),
    ],
)
def test_decoding(data: bytes, hint: str | None, expected: str) -> None:
    assert expected in decode(data, hint, is_html=True)


def test_invalid_bytes_are_replaced_never_fatal() -> None:
    data = "<p>Die Straße für Fußgänger bleibt über Ostern gesperrt.</p>".encode() + b"\xff\xc3(\xed\xa0\x80"
    text = cleaner.clean(data)
    assert "Die Straße für Fußgänger bleibt über Ostern gesperrt." in text


def test_clean_chars() -> None:
    assert clean_chars("a\x00b\x01c\x1bd\x7fe") == "abcde"
    assert clean_chars("tab\tnl\ncr\rff\x0c") == "tab\tnl\ncr\rff\n"
    assert clean_chars("\x93quoted\x94 \x96 \x81") == "“quoted” – "
    assert clean_chars("lone \ud800 pair \ud83d\ude00") == "lone \ufffd pair \U0001f600"
    assert clean_chars(clean_chars("x\x85y\ud800")) == clean_chars("x\x85y\ud800")


def test_clean_chars_fixes_every_run_and_nothing_else() -> None:
    """clean_chars rewrites only what CONTROL_RUN matches: that must be exactly CHAR_FIXES's keys."""
    every = "".join(map(chr, range(0x110000)))
    assert {ord(c) for c in CONTROL_RUN.findall(every)} == set(CHAR_FIXES)
    text = "Text " * 20_000 + "\x00\x01end\x93q\x94 \x0cff \ufffe\uffffok"
    assert clean_chars(text) == text.translate(CHAR_FIXES)


@pytest.mark.parametrize(
    ("char", "found"),
    [("\ufffe", True), ("\uffff", True), ("\x85", True), ("\ufffd", False), ("\uf8ff", False), ("é", False)],
)
def test_control_bytes_test_finds_noncharacters_and_c1_only(char: str, found: bool) -> None:
    assert _has_control_bytes(f"a{char}b".encode(), controls=False) is found
