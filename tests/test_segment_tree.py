"""segment_tree on trafilatura's vocabulary: inline code stays in its paragraph, code blocks stand alone."""

from __future__ import annotations

from lxml import etree

from cleaner.segment import segment_tree


def _blocks(xml: str) -> list[tuple[str, str]]:
    return [(b.tag, b.text) for b in segment_tree(etree.fromstring(xml), extracted=True)]


def test_inline_code_stays_in_its_paragraph() -> None:
    xml = "<body><p>Run <code>npm run dev</code>"
    xml += " or whatever command is in <code>package.json</code>.</p></body>"
    assert _blocks(xml) == [("p", "Run npm run dev or whatever command is in package.json.")]


def test_inline_code_in_a_list_item_with_text_beside_it() -> None:
    xml = "<body><list><item>Set <code>debug</code> to true</item></list></body>"
    assert _blocks(xml) == [("li", "Set debug to true")]


def test_code_blocks_between_paragraphs_stay_blocks() -> None:
    xml = "<body><p>Install it:</p><code>pip install x\npip install y</code>"
    xml += "<p>Then run it.</p><code>x --help</code></body>"
    assert _blocks(xml) == [
        ("p", "Install it:"),
        ("pre", "pip install x pip install y"),
        ("p", "Then run it."),
        ("pre", "x --help"),
    ]
