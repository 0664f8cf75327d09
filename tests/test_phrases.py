"""Phrase files are data: sorted, normalised, unique; and the loader honours languages."""

from __future__ import annotations

import pickle
from importlib import resources

import pytest

from cleaner import phrases
from cleaner.textutil import PhraseSet, contains_any, normalise

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


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("© 2024 example ltd. all rights reserved.", "all rights reserved"),  # the longest one
        ("we use cookies to improve the site", None),  # inside a word: no match
        ("this site uses cookie files", "cookie"),
        ("terms (c) apply", "(c)"),  # regex metacharacters are literal
        ("the sum a+b here", "a+b"),  # (unescaped, "a+b" would find "ab" and "aab" only)
        ("terms (x) apply", None),
        ("nothing here at all", None),
    ],
)
def test_contains_any_finds_the_longest_whole_word_phrase(text: str, found: str | None) -> None:
    phrases_ = PhraseSet(["all rights reserved", "rights", "cookie", "(c)", "a+b"])
    assert contains_any(text, phrases_) == found


def test_an_empty_phrase_set_contains_nothing_and_pickles_without_its_pattern() -> None:
    assert contains_any("any text", PhraseSet()) is None
    some = phrases.load("rights_reserved", ("en",))
    assert contains_any("© 2024 example ltd. all rights reserved.", some)  # compiles ``anywhere``
    again = pickle.loads(pickle.dumps(some))
    assert again == some and again.ordered == some.ordered and "anywhere" not in vars(again)
