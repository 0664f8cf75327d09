"""Lists inside table cells reach trafilatura's text (``extract.open_cell_lists``, for its call
only): trafilatura keeps a cell's lists only when it favours recall."""

from __future__ import annotations

import lxml.html

from cleaner import Config, clean
from cleaner.extract import main_content, open_cell_lists

FILLER = "".join(
    f"<p>Paragraph {n} of the course page explains one more rule of the class in plain words.</p>"
    for n in range(12)
)


def _tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


def _schedule(rows: int) -> str:
    cells = "".join(
        f"<tr><td>Week {n}</td><td>Topic {n}: tensor methods and their uses</td>"
        f"<td><ul><li>Reading {n}a: the survey of moment methods, chapter {n}</li>"
        f"<li>Reading {n}b: <a href='/p{n}'>lecture notes</a> with worked examples</li></ul></td></tr>"
        for n in range(1, rows + 1)
    )
    return f"<table><tr><th>Week</th><th>Topic</th><th>Readings</th></tr>{cells}</table>"


def test_a_list_in_a_cell_is_opened_unless_it_is_mostly_links() -> None:
    tree = _tree(
        "<table><tr><td>Sep 6</td><td><ul>"
        "<li>Airy disks: <a href='/a'>[Chen '20]</a> (Sections 4.1 and 4.2)</li>"
        "<li>Read the lecture notes before class.</li></ul></td></tr>"
        "<tr><td><ol><li><a href='/2014'>2014</a></li><li><a href='/2015'>2015</a> (30)</li></ol></td></tr>"
        "</table>"
        "<ul><li>Outside a table</li></ul>"
    )
    renamed = open_cell_lists(tree)
    assert [tag for _, tag in renamed] == ["ul", "li", "li"]
    readings, archive = tree.xpath("//td[.//li or .//div]/*")
    assert readings.tag == "div" and [item.tag for item in readings] == ["div", "div"]
    assert readings[0].text_content() == "Airy disks: [Chen '20] (Sections 4.1 and 4.2)"
    assert archive.tag == "ol" and [item.tag for item in archive] == ["li", "li"]
    assert tree.xpath("/html/body/ul/li/text()") == ["Outside a table"]


def test_a_list_in_a_nested_table_is_opened_once() -> None:
    tree = _tree(
        "<table><tr><td><table><tr><td><ul><li>First reading of the week</li>"
        "<li>Second reading of the week</li></ul></td></tr></table></td></tr></table>"
    )
    renamed = open_cell_lists(tree)
    assert len(renamed) == 3
    (opened,) = tree.xpath("//td/div")
    assert [item.tag for item in opened] == ["div", "div"]


def test_the_tree_gets_its_lists_back_after_trafilatura() -> None:
    """Only trafilatura's call sees the opened lists: the tree rules before it and Resiliparse
    after it read the page's own markup."""
    page = f"<html><body><main><h1>Course</h1>{FILLER}{_schedule(3)}</main></body></html>"
    tree = lxml.html.fromstring(page)
    before = lxml.html.tostring(tree)
    body = main_content(tree, Config(), None, comments=False, fast=True)
    assert body is not None and "Reading 2a" in " ".join(body.itertext())
    assert lxml.html.tostring(tree) == before


def test_readings_listed_in_a_schedule_table_reach_the_text() -> None:
    html = f"<html><body><main><h1>Course schedule</h1>{FILLER}{_schedule(6)}</main></body></html>"
    text = clean(html, url="https://courses.example.edu/cs101/")
    assert "Topic 3: tensor methods and their uses" in text
    assert "Reading 3a: the survey of moment methods, chapter 3" in text
    assert "Reading 6b: lecture notes with worked examples" in text


ARTICLE_IN_DIVS = "".join(
    f'<div class="para">Part {n} of the biography: she was born in the city, studied business and '
    f"sang in a cover band in hotels and pubs before her first album came out in year {n}.</div>"
    for n in range(8)
)


def test_an_article_in_divs_survives_opened_lists() -> None:
    """trafilatura reads <div> text as paragraphs only on pages with little <p> text: lists
    opened as <p>s turned that off and lost an article written in <div>s (this test fails with
    ``OPENED_TAG = "p"``)."""
    html = f"<html><body><article>{ARTICLE_IN_DIVS}<h2>Concerts</h2>{_schedule(12)}</article></body></html>"
    tree = lxml.html.fromstring(html)
    body = main_content(tree, Config(), None, comments=False, fast=True)
    text = " ".join(body.itertext()) if body is not None else ""
    assert "Part 3 of the biography" in text
    assert "Reading 7a" in text
