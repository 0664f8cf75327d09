"""Property-based tests (hypothesis) on random HTML, text and bytes.

Invariants, for any input:
* ``clean()`` returns a ``str`` or raises the package's own error (a ``CleanerError``);
* the output is normalised: no control characters but LF, no lone surrogates, no blank-line
  runs, stripped lines, '' or a trailing newline;
* every word of the output comes from the input (its text, after entity decoding);
* cleaning is deterministic; without rules, cleaning the output again changes nothing; with
  the rules, a second pass only ever removes blocks.

Deterministic (``derandomize=True``, no example database) and kept small, so CI stays fast.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

import cleaner
from cleaner import CleanerError, Config
from cleaner.load import clean_chars, decode, parse_html
from cleaner.textutil import EDGE_PUNCT, collapse, strip_edges

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NO_RULES = Config(select=())
WORD = re.compile(r"\w+")

# --- strategies --------------------------------------------------------------------------------

# Letters from several scripts, digits, punctuation, spaces (incl. NBSP), a few controls and
# symbols, lone surrogates, combining marks: what real and broken pages are made of.
CHARS = st.characters(
    codec=None,
    categories=["L", "M", "N", "P", "S", "Zs", "Cc", "Cf", "Cs", "Co"],
)
WORDS = st.sampled_from(
    [
        "the", "council", "budget", "Straße", "déjà", "Привет", "日本語", "مرحبا", "Home", ">", "»", "|",
        "©", "2024", "All rights reserved", "Photo:", "Reuters", "Skip to main content", "please wait",
        "0:00", "We", "our", "cookies", "Privacy Policy", "Breaking News", "“quoted”", "„Zitat“",
        "&amp;", "&nbsp;", "&lt;", "&#x41;", "&#0;", "&#16;", "&#x85;", "&#xFFFF;", "&bogus;", "<", "&",
        "\u200b", "\ufeff", "\ud800",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(WORDS, st.text(CHARS, max_size=12)), max_size=12).map(" ".join)
TAGS = st.sampled_from(
    [
        "p", "div", "span", "a", "h1", "h2", "li", "ul", "ol", "table", "tr", "td", "th", "article",
        "main", "nav", "footer", "header", "aside", "section", "figure", "figcaption", "blockquote",
        "pre", "code", "b", "i", "em", "strong", "font", "center", "form", "label", "select", "option",
        "textarea", "script", "style", "noscript", "template", "svg", "math", "iframe", "video",
        "button", "small", "time", "dl", "dt", "dd", "caption", "details", "summary", "title",
    ]
)  # fmt: skip
ATTRIBUTES = st.sampled_from(
    [
        "", ' class="copyright"', ' class="breadcrumb"', ' id="main"', ' class="player video"',
        ' class="cookie-banner"', ' class="photo-credit"', ' aria-label="breadcrumb"',
        ' class="caption"', ' href="/x"', ' lang="de"', ' class="ticker"', ' style="x"', " hidden",
        ' class="a b c d e f g"', ' title="&quot;x&quot;"',
    ]
)  # fmt: skip
VOID = st.sampled_from(["<br>", "<hr>", '<img alt="An image">', '<meta charset="utf-8">', "<wbr>", "<input>"])
JUNK = st.sampled_from(
    ["<", ">", "</", "<!--", "-->", "<!DOCTYPE html>", "]]>", "<?x?>", "</p>", "</div>", "&"]
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, closed: f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if closed else ""),
        TAGS,
        ATTRIBUTES,
        st.lists(children, max_size=5).map("".join),
        st.booleans().filter(lambda b: b) | st.just(False),
    )


FRAGMENTS = st.recursive(st.one_of(TEXT, VOID, JUNK), _element, max_leaves=40)
HTML_PAGES = st.builds(
    lambda head, body, doctype: f"{doctype}<html><head>{head}</head><body>{body}</body></html>",
    st.lists(st.one_of(st.just("<title>A page</title>"), VOID, TEXT), max_size=3).map("".join),
    st.lists(FRAGMENTS, max_size=8).map("".join),
    st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0"?>', "<!DOCTYPE x [<!ENTITY e 'E'>]>"]),
)
TEXT_DUMPS = st.lists(st.one_of(TEXT, st.just(""), WORDS), max_size=25).map("\n".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "cp1251", "shift_jis", "gb18030", "koi8-r"])


def _encode(page: str, encoding: str, declare: bool) -> bytes:
    if declare:
        page = f'<meta charset="{encoding}">' + page
    return page.encode(encoding, "replace")


BYTES = st.one_of(
    st.binary(max_size=3000),
    st.builds(_encode, HTML_PAGES, ENCODINGS, st.booleans()),
    st.builds(_encode, TEXT_DUMPS, ENCODINGS, st.just(False)),
)

# --- helpers ---------------------------------------------------------------------------------


def _clean(page: Any, **kwargs: Any) -> str | None:
    """``cleaner.clean`` that must return a str or raise a CleanerError (then None)."""
    try:
        text = cleaner.clean(page, **kwargs)
    except CleanerError:
        return None
    assert type(text) is str
    return text


def _assert_normalised(text: str) -> None:
    assert text == "" or text.endswith("\n")
    assert "\n\n\n" not in text and "\r" not in text
    for ch in set(text):
        assert ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"), f"U+{ord(ch):04X} in output"
    for line in text.split("\n"):
        assert line == line.strip()


def _visible_text(page: str, kind: str) -> str:
    """The input's own text: for HTML its text nodes, attribute values and raw entity-decoded
    source (a word may come from any); for a text dump, the dump."""
    text = clean_chars(page)
    sources = [text, html.unescape(text)]
    if kind == "html":
        tree: HtmlElement = parse_html(text)
        sources.append(tree.text_content())
        sources.extend(value for el in tree.iter() for value in el.attrib.values())
    return "\n".join(_letters(s) for s in sources)


def _letters(text: str) -> str:
    """Text without spaces and without the invisible characters extraction may drop
    (format, private-use, unassigned, control)."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] != "C")


def _assert_words_from(output: str, page: str, kind: str) -> None:
    if not output:
        return
    source = _visible_text(page, kind)
    for token in output.split():
        for word in WORD.findall(_letters(token)):
            assert word in source, f"{word!r} is not in the input"


def _blocks(text: str) -> list[str]:
    return [b.strip() for b in text.split("\n\n") if b.strip()]


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


# --- properties --------------------------------------------------------------------------------


@SETTINGS
@given(HTML_PAGES)
def test_html_gives_normalised_text_from_the_input(page: str) -> None:
    out = _clean(page)
    if out is not None:
        _assert_normalised(out)
        _assert_words_from(out, page, "html")


@SETTINGS
@given(HTML_PAGES.map(lambda page: "<div><section>" * 20 + page + "</section></div>" * 20))
def test_flattened_html_gives_normalised_text_from_the_input(page: str) -> None:
    out = _clean(page, config=Config(max_depth=16))
    if out is not None:
        _assert_normalised(out)
        _assert_words_from(out, page, "html")


@SETTINGS
@given(TEXT_DUMPS)
def test_text_dumps_give_normalised_text_from_the_input(dump: str) -> None:
    out = _clean(dump, kind="text")
    if out is not None:
        _assert_normalised(out)
        _assert_words_from(out, dump, "text")


@SETTINGS
@given(BYTES)
def test_any_bytes_give_str_or_a_cleaner_error(data: bytes) -> None:
    out = _clean(data)
    if out is not None:
        _assert_normalised(out)


@SETTINGS
@given(st.text(CHARS, max_size=300))
def test_any_str_gives_str_or_a_cleaner_error(page: str) -> None:
    for kind in ("auto", "html", "text"):
        out = _clean(page, kind=kind)
        if out is not None:
            _assert_normalised(out)


@SETTINGS
@given(st.one_of(HTML_PAGES, TEXT_DUMPS))
def test_cleaning_is_deterministic(page: str) -> None:
    assert _clean(page) == _clean(page)


@SETTINGS
@given(st.one_of(HTML_PAGES, TEXT_DUMPS))
def test_without_rules_cleaning_the_output_again_changes_nothing(page: str) -> None:
    out = _clean(page, config=NO_RULES)
    if out is not None:
        assert _clean(out, kind="text", config=NO_RULES) == out


@SETTINGS
@given(st.one_of(HTML_PAGES, TEXT_DUMPS))
def test_a_second_pass_only_removes_blocks(page: str) -> None:
    out = _clean(page)
    if out:
        again = _clean(out, kind="text")
        assert again is not None
        assert _is_subsequence(_blocks(again), _blocks(out))


@SETTINGS
@given(st.text(CHARS, max_size=200))
def test_clean_chars_is_idempotent_and_leaves_no_controls(text: str) -> None:
    once = clean_chars(text)
    assert clean_chars(once) == once
    assert not any(unicodedata.category(ch) == "Cs" for ch in once)


@SETTINGS
@given(st.text(st.characters(codec="utf-8"), max_size=300), st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_unicode_bytes_decode_back(text: str, codec: str) -> None:
    data = text.encode(codec)  # utf-16/utf-32 write a BOM
    assert decode(data, None, is_html=False) == text


def test_collapse_splits_at_exactly_the_regex_whitespace() -> None:
    every_char = " a".join(chr(code) * 2 for code in range(0x110000))
    assert collapse(every_char) == re.sub(r"\s+", " ", every_char).strip()


def test_strip_edges_drops_exactly_what_the_edge_regex_matches() -> None:
    assert all(c.isalnum() is not bool(re.fullmatch(r"[\W_]", c)) for c in map(chr, range(0x110000)))
    for text in ["", "_", "...", "_a_", "•• hi ••", "a_b", "«1»", "١٢٣!", " - x - ", "x"]:
        assert strip_edges(text) == EDGE_PUNCT.sub("", text)


@given(st.text(CHARS, max_size=60))
def test_strip_edges_is_the_edge_regex(text: str) -> None:
    assert strip_edges(text) == EDGE_PUNCT.sub("", text)
