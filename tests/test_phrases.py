"""Phrase files are data: sorted, normalised, unique; and the loader honours languages."""

from __future__ import annotations

from importlib import resources

import pytest

from cleaner import phrases
from cleaner.textutil import normalise

FILES = sorted(
    (topic.name, f.name)
    for topic in resources.files("cleaner.phrases").iterdir()
    if topic.is_dir() and not topic.name.startswith("__")
    for f in topic.iterdir()
    if f.name.endswith(".txt")
)


@pytest.mark.parametrize(("topic", "name"), FILES, ids=[f"{t}/{n}" for t, n in FILES])
def test_phrase_file_is_clean(topic: str, name: str) -> None:
    text = resources.files("cleaner.phrases").joinpath(topic, name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert lines, "empty phrase file"
    assert all(line == normalise(line) for line in lines), "phrases must be normalised (NFKC, casefold)"
    assert lines == sorted(set(lines)), "phrases must be sorted and unique"


def test_known_language_loads_it_plus_english() -> None:
    german = phrases.load("skip_links", ("de",))
    assert "zum inhalt springen" in german
    assert "skip to main content" in german
    assert "перейти к основному содержанию" not in german


def test_unknown_language_loads_all() -> None:
    every = phrases.load("skip_links", ("xx",))
    assert {"zum inhalt springen", "перейти к основному содержанию", "skip to main content"} <= every
