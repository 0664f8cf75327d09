"""trafilatura's wild-text recovery gets the headings and list items between the paragraphs it
gathers (``extract.stray_sections``), only in cleaner's own fast-mode call."""

from __future__ import annotations

import trafilatura
from lxml import etree
from trafilatura import main_extractor

import cleaner
from cleaner import extract
from cleaner.extract import stray_sections


def _para(n: int) -> str:
    sentences = (f"Step {n} explains how the widget handles case {i} in detail." for i in range(3))
    return "<p>" + " ".join(sentences) + "</p>"


# No content container (no <article>, <main> or content class): trafilatura gathers stray <p>s.
PAGE = (
    '<html><body><div class="x"><h1>Widget guide</h1>'
    + _para(1)
    + "<h2>Install the widget</h2>"
    + _para(2)
    + "<ol><li>Download the archive from the release page.</li>"
    + "<li>Unpack it into the project folder.</li></ol>"
    + _para(3)
    + "<h3>Before you start</h3><h3>Check the version</h3>"
    + _para(4)
    + '<ul><li><a href="/a">Other widget guide</a></li><li><a href="/b">Widget prices</a></li></ul>'
    + _para(5)
    + "<h3>Further reading</h3></div></body></html>"
)


def test_headings_and_list_items_between_stray_paragraphs_are_kept() -> None:
    result = cleaner.run(PAGE)
    lines = result.text.splitlines()
    assert "Install the widget" in lines
    assert "Check the version" in lines
    assert "Download the archive from the release page." in lines
    assert "Unpack it into the project folder." in lines
    assert lines.index("Install the widget") < lines.index("Download the archive from the release page.")


def test_headings_outside_or_without_a_section_and_link_lists_are_not() -> None:
    text = cleaner.run(PAGE).text
    assert "Widget guide" not in text  # before the first paragraph: the page's header
    assert "Before you start" not in text  # a heading right before a heading
    assert "Further reading" not in text  # after the last paragraph
    assert "Widget prices" not in text  # a list of links


def test_not_on_discussion_pages_nor_for_trafilatura_used_elsewhere() -> None:
    config = cleaner.Config(include_comments=True)
    assert "Install the widget" not in cleaner.run(PAGE, config=config).text
    cleaner.run(PAGE)  # the wrapper is installed
    assert "Install the widget" not in (trafilatura.extract(PAGE, fast=True) or "")


def test_stray_sections_gets_tags_back_and_drops_what_heads_no_section() -> None:
    tree = etree.fromstring(
        "<body><head>Title</head><p>First paragraph of the page with enough words in it.</p>"
        "<head>Usage</head><item>Call the function with two arguments.</item>"
        "<p>Second paragraph of the page that has fifteen words or more in it, as a section.</p>"
        "<head>Empty</head><p>Last.</p></body>"
    )

    def recover() -> etree._Element:  # takes every p, as the recovery's search does
        out = etree.Element("body")
        for el in list(tree.iter("p")):
            out.append(el)
        return out

    body = stray_sections(tree, recover)
    assert [(el.tag, el.text) for el in body] == [
        ("p", "First paragraph of the page with enough words in it."),
        ("head", "Usage"),
        ("item", "Call the function with two arguments."),
        ("p", "Second paragraph of the page that has fifteen words or more in it, as a section."),
        ("p", "Last."),
    ]
    assert not any(el.get("data-cleaner-was") for el in body.iter())


def test_the_recovery_is_wrapped_once_however_often_it_is_asked() -> None:
    """Two threads installing the wrapper at once get one wrapper, not two stacked (which
    would search the tree twice), and the text is the same."""
    cleaner.run(PAGE)  # the wrapper is installed
    wrapped = main_extractor.recover_wild_text
    extract._watch_recovery.cache_clear()
    extract._watch_recovery()  # asked again, as a second thread would
    assert main_extractor.recover_wild_text is wrapped
    text = cleaner.run(PAGE).text
    assert "Install the widget" in text and "Widget guide" not in text and "Further reading" not in text
