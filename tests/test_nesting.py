"""nesting.py: which pages libxml2 mis-nests (detector) and the HTML5 re-parse that repairs them."""

from __future__ import annotations

from lxml.html import HTMLParser, document_fromstring

from cleaner import nesting
from cleaner.load import parse_html

ARTICLE = "<article><p>" + " ".join(f"word{i}" for i in range(80)) + "</p></article>"


def _detect(html: str) -> bool:
    parser = HTMLParser(remove_comments=True)
    tree = document_fromstring(html, parser=parser)
    return nesting.misnested(html, tree, parser.error_log)


def test_unclosed_div_in_header_is_detected() -> None:
    html = f"<html><body><header><div><a href='/'>Home</a></header>{ARTICLE}</body></html>"
    assert _detect(html)


def test_unclosed_div_in_aside_nav_and_footer_are_detected() -> None:
    for tag in ("aside", "nav", "footer"):
        assert _detect(f"<html><body><{tag}><div>x</{tag}>{ARTICLE}</body></html>"), tag


def test_well_formed_page_is_not_detected() -> None:
    header = "<header><div><a href='/'>Home</a></div></header>"
    html = f"<html><body>{header}{ARTICLE}<footer>(c)</footer></body></html>"
    assert not _detect(html)


def test_unclosed_div_in_a_section_is_not_chrome() -> None:
    assert not _detect(f"<html><body><section><div>x</section>{ARTICLE}</body></html>")


def test_text_after_the_first_html_end_is_detected() -> None:
    assert _detect(f"<html><body><header>Site</header></body></html>\n{ARTICLE}</body></html>")


def test_short_tail_after_html_end_is_not_detected() -> None:
    assert not _detect(f"<html><body>{ARTICLE}</body></html>\n<p>stray words</p>")


def test_unclosed_style_or_comment_after_html_end_is_not_text() -> None:
    css = " ".join(f".rule{i} {{ color: red; }}" for i in range(80))
    for tail in (f"<style>{css}", f"<!-- {css}", f"<script>var words = '{css}';"):
        assert not _detect(f"<html><body>{ARTICLE}</body></html>\n{tail}"), tail[:8]


def test_many_unclosed_scripts_after_html_end_are_one_match() -> None:
    tail = "<script>" * 5000 + "<!--" * 5000
    assert nesting.NOT_TEXT.sub(" ", tail).split() == []
    assert len(nesting.NOT_TEXT.findall(tail)) == 1  # one match to the end, not one scan per start


def test_html_end_inside_a_script_is_not_detected() -> None:
    script = "<script>var doc = '<html><body></body></html>';</script>"
    assert not _detect(f"<html><body>{script}\n{ARTICLE}\n</body></html>")


def test_pasted_document_libxml2_reads_past_is_not_detected() -> None:
    pasted = "<div><html><body><p>pasted</p></body></html>\n" + ARTICLE + "</div>"
    assert not _detect(f"<html><body>\n{pasted}\n</body></html>")


def test_chrome_holding_most_of_the_body() -> None:
    tree = document_fromstring(f"<html><body><header>{ARTICLE}</header><p>x</p></body></html>")
    assert nesting.chrome_holds_body(tree)
    tree = document_fromstring(f"<html><body><header>Site</header>{ARTICLE}</body></html>")
    assert not nesting.chrome_holds_body(tree)


def test_parse_html_repairs_an_unclosed_header() -> None:
    tree = parse_html(f"<html><body><header><div><a href='/'>Home</a></header>{ARTICLE}</body></html>")
    header = tree.find(".//header")
    assert header is not None and header.find(".//article") is None
    assert tree.find("body/article") is not None


def test_parse_html_keeps_text_after_an_early_html_end() -> None:
    tree = parse_html(f"<html><body><header>Site</header></body></html>\n{ARTICLE}</body></html>")
    assert "word79" in tree.text_content()
