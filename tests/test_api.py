"""The public API: inputs it accepts, what it returns, configuration, errors, pickling."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator, Mapping

import pytest
from bs4 import BeautifulSoup
from lxml.html import document_fromstring

import cleaner
from cleaner import Cleaner, CleanerError, Config, ConfigError, Hit, Kind, Removal, Rule, RuleError
from cleaner.document import Document

PARAGRAPHS = [
    "The regional council approved the new budget on Tuesday after a long debate about schools.",
    "Opposition members said the plan cut too deeply into transport, and promised to fight it.",
    "The mayor said the savings would pay for two new clinics in the northern districts next year.",
]
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Budget approved | Example News</title></head>
<body><a href="#main">Skip to main content</a>
<nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a></nav>
<main id="main"><article><h1>Budget approved</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
<p>To find out more, click here.</p></article></main>
<footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>"""


def test_clean_returns_body_paragraphs_without_boilerplate() -> None:
    text = cleaner.clean(PAGE)
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    for junk in ("Skip to main content", "Home", "click here", "All rights reserved"):
        assert junk not in text
    assert text.endswith("\n") and "\n\n\n" not in text


def test_run_reports_title_kind_language_and_removals() -> None:
    result = cleaner.run(PAGE, url="https://example.org/budget")
    assert result.title == "Budget approved"
    assert result.kind is Kind.HTML and result.lang == "en" and result.url == "https://example.org/budget"
    by_rule = {r.rule: r for r in result.removals}
    assert by_rule["LEG02"].text == "To find out more, click here."
    assert by_rule["LEG02"].name == "legal.notice" and "find out more" in by_rule["LEG02"].reason
    assert all(isinstance(r, Removal) and r.reason for r in result.removals)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "utf-16"])
def test_bytes_in_any_declared_encoding(encoding: str) -> None:
    page = PAGE.replace("utf-8", encoding).replace("The regional", "Областной совет: The regional")
    data = page.encode(encoding)
    assert "Областной совет: The regional council" in cleaner.clean(data)


def test_meta_charset_that_lies_is_overruled() -> None:
    page = PAGE.replace("The mayor", "Le maire a décidé. The mayor")
    assert "Le maire a décidé." in cleaner.clean(page.encode("cp1252"))


def test_lxml_tree_and_soup_inputs_give_the_same_text() -> None:
    expected = cleaner.clean(PAGE)
    tree = document_fromstring(PAGE)
    assert cleaner.clean(tree) == expected
    assert tree.find(".//nav") is not None, "the caller's tree must not be modified"
    assert cleaner.clean(BeautifulSoup(PAGE, "html.parser")) == expected


def test_text_dump_is_detected_and_explicit_kind_overrides() -> None:
    dump = "Accessibility links\n\nThe council approved the budget.\n\n<b> is a tag name.\n"
    assert cleaner.run(dump).kind is Kind.TEXT
    assert cleaner.clean(dump) == "The council approved the budget.\n\n<b> is a tag name.\n"
    assert cleaner.run("<p>a</p> <p>b</p>", kind="text").kind is Kind.TEXT


@pytest.mark.parametrize(
    "page", ["", "   ", b"", "<html><body></body></html>", "<html><body><nav>Home</nav></body></html>"]
)
def test_empty_pages_give_empty_string(page: str | bytes) -> None:
    assert cleaner.clean(page) == ""


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        cleaner.clean(42)  # type: ignore[arg-type]


def test_binary_input_is_a_cleaner_error() -> None:
    with pytest.raises(CleanerError, match="PDF"):
        cleaner.clean(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")


def test_select_and_ignore_by_code_name_and_group() -> None:
    legal = [r.code for r in Cleaner(Config(select=("legal",))).rule_classes]
    assert legal == ["LEG01", "LEG02", "LEG04", "LEG03"]
    ignored = Cleaner(Config(ignore=("media.player_ui", "NAV01"))).rule_classes
    assert "MED01" not in {r.code for r in ignored} and "NAV01" not in {r.code for r in ignored}
    kept = Cleaner(Config(ignore=("LEG02",))).clean(PAGE)
    assert "To find out more, click here." in kept


def test_bad_config_raises_config_error() -> None:
    with pytest.raises(ConfigError, match="no rule matches"):
        Cleaner(Config(select=("NOPE99",)))
    with pytest.raises(ConfigError, match="unknown config key"):
        Config.from_mapping({"selekt": ["ALL"]})
    with pytest.raises(ConfigError):
        Config(favor="sideways")  # type: ignore[arg-type]
    assert issubclass(ConfigError, CleanerError)


def test_cleaner_pickles_and_cleans_the_same() -> None:
    original = Cleaner(Config(ignore=("LEG03",)))
    copy = pickle.loads(pickle.dumps(original))
    assert copy.clean(PAGE) == original.clean(PAGE)
    assert copy.config == original.config


class _Crashes(Rule):
    """Crashes on purpose.

    Removes:
        Nothing.

    Why:
        Tests the engine.

    Example:
        None.

    Keeps:
        Everything.
    """

    code = "TST01"
    name = "test.crash"

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        raise ZeroDivisionError("boom")


def test_crashing_rule_is_skipped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="cleaner"):
        text = Cleaner(extra_rules=[_Crashes]).clean(PAGE)
    assert PARAGRAPHS[0] in text
    assert "TST01" in caplog.text and "boom" in caplog.text


def test_crashing_rule_raises_rule_error_when_strict() -> None:
    with pytest.raises(RuleError, match="TST01"):
        Cleaner(Config(strict=True), extra_rules=[_Crashes]).clean(PAGE)


def test_rule_without_code_is_rejected_at_definition() -> None:
    with pytest.raises(TypeError, match="code"):

        class _NoCode(Rule):  # pyright: ignore
            name = "test.nocode"


def test_extract_off_keeps_whole_body_but_still_applies_rules() -> None:
    result = Cleaner(Config(extract=False)).run(PAGE)
    text = result.text
    assert "Budget approved" in result.title and PARAGRAPHS[2] in text  # headline: Result.title (TTL01)
    assert "Skip to main content" not in text and "All rights reserved" not in text
