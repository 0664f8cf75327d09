"""prepare: admonition text wrapped in paragraphs, CSS-drawn code lines broken, nothing lost."""

from __future__ import annotations

import lxml.html

from cleaner import clean
from cleaner.prepare import is_admonition
from cleaner.prepare import prepare as _prepare
from cleaner.selectors import PageIndex

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the guide explains one more step of the installation in plain words.</p>"
    for n in range(12)
)


def prepare(tree: lxml.html.HtmlElement) -> None:
    _prepare(tree, PageIndex.build(tree))


def _tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


def test_bare_admonition_text_becomes_a_paragraph() -> None:
    tree = _tree('<div class="box box-tip"><strong>Tip</strong> Use the <a href="/x">mirror</a> list.</div>')
    prepare(tree)
    (box,) = tree.xpath("//div")
    assert [child.tag for child in box] == ["p"]
    assert box[0].text_content() == "Tip Use the mirror list."
    assert box.text is None


def test_heading_stays_a_block_and_the_text_after_it_is_wrapped() -> None:
    tree = _tree(
        '<div class="alert alert-info" role="note"><h4>Note:</h4>'
        "Install a <code>runtime</code> first.<p>More.</p> Last.</div>"
    )
    prepare(tree)
    (box,) = tree.xpath("//div")
    assert [child.tag for child in box] == ["h4", "p", "p", "p"]
    assert [child.text_content() for child in box] == ["Note:", "Install a runtime first.", "More.", " Last."]


def test_other_boxes_and_wrapped_admonitions_are_left_alone() -> None:
    html = (
        '<div class="sidebar">Menu <a href="/">Home</a></div>'
        '<div class="note"><p>Already a paragraph.</p></div>'
    )
    tree = _tree(html)
    prepare(tree)
    assert lxml.html.tostring(tree.find("body"), encoding="unicode") == f"<body>{html}</body>"


def test_admonition_tokens() -> None:
    assert is_admonition(_tree('<div class="admonition warning">x</div>').find(".//div"))
    assert is_admonition(_tree('<div class="template-box template-box-note">x</div>').find(".//div"))
    assert not is_admonition(_tree('<div class="footnote">x</div>').find(".//div"))
    assert not is_admonition(_tree('<div class="cookie-notice alert">x</div>').find(".//div"))
    assert not is_admonition(_tree('<div class="alert alert-warning">Sign in</div>').find(".//div"))
    assert not is_admonition(_tree('<div class="gs_note">Log in to add games</div>').find(".//div"))
    assert not is_admonition(_tree('<span class="hover:text-danger hint--bounce">x</span>').find(".//span"))
    assert is_admonition(_tree('<div class="alert alert-info" role="note">x</div>').find(".//div"))


def test_code_lines_get_newlines_only_when_the_pre_has_none() -> None:
    tree = _tree(
        '<pre><code><span class="line">npm create vite</span>'
        '<span class="line">cd my-project</span></code></pre>'
        '<pre><code><span class="line">a</span>\n<span class="line">b</span></code></pre>'
        '<pre><span class="inline">x</span><span class="underline">y</span></pre>'
    )
    prepare(tree)
    first, second, third = tree.iter("pre")
    assert first.text_content() == "npm create vite\ncd my-project\n"
    assert second.text_content() == "a\nb"
    assert third.text_content() == "xy"


def test_a_documentation_page_keeps_its_note_box_and_code_words() -> None:
    html = (
        f"<html><body><main><h1>Installing the tool</h1>{PARAGRAPHS}"
        '<div class="callout callout-warning"><b>Warning</b>'
        " Never run the installer as root on a shared host.</div>"
        '<pre><code><div class="token-line">npm install tool</div>'
        '<div class="token-line">cd project</div></code></pre>'
        f"{PARAGRAPHS}</main></body></html>"
    )
    text = clean(html, url="https://docs.example.org/guide/install")
    assert "Never run the installer as root on a shared host." in text
    assert "toolcd" not in text and "cd project" in text


def test_hidden_tab_panels_with_code_are_shown_others_stay_hidden() -> None:
    tree = _tree(
        '<div class="css-l8vwfh" role="tabpanel" hidden="hidden" aria-hidden="true" style="display:none">'
        "<pre>pip install x</pre></div>"
        '<div class="tab-pane" role="tabpanel" hidden="hidden"><p>Reviews (12)</p></div>'
    )
    prepare(tree)
    code, reviews = tree.xpath("//div")
    assert dict(code.attrib) == {"class": "css-l8vwfh", "role": "tabpanel"}
    assert reviews.get("hidden") == "hidden"


def test_a_figure_holding_code_becomes_a_div_an_image_figure_stays() -> None:
    tree = _tree(
        '<figure class="listing"><pre><code>fn main() {}</code></pre>'
        "<figcaption>Listing 1</figcaption></figure>"
        '<figure><img src="a.png"><figcaption>A photo</figcaption></figure>'
    )
    prepare(tree)
    listing, photo = tree.find("body")
    assert [listing.tag, photo.tag] == ["div", "figure"]
    assert [el.tag for el in listing] == ["pre", "p"]  # the caption as a paragraph


def test_tabbed_code_and_listings_reach_the_text() -> None:
    html = (
        f"<html><body><main><h1>Reading a file</h1>{PARAGRAPHS}"
        '<div role="tablist"><button role="tab">Rust</button><button role="tab">Python</button></div>'
        '<div class="tabItem" role="tabpanel"><pre><code>let text = read_to_string(path)?;</code></pre></div>'
        '<div class="tabItem" role="tabpanel" hidden><pre><code>text = open(path).read()</code></pre></div>'
        '<figure class="listing"><pre><code>fn open_config() -> Result&lt;File&gt; { todo!() }</code></pre>'
        "<figcaption>Listing 9-7: opening the configuration file</figcaption></figure>"
        f"{PARAGRAPHS}</main></body></html>"
    )
    text = clean(html, url="https://docs.example.org/guide/files")
    assert "text = open(path).read()" in text
    assert "fn open_config() -> Result<File> { todo!() }" in text


def test_streamed_segment_moves_into_its_placeholder() -> None:
    tree = _tree(
        '<main><p>Install the helpers first:</p><template id="B:3"></template><p>Then run it.</p></main>'
        '<footer>Footer</footer>\n<div hidden id="S:3"><pre><code>npm i support</code></pre></div>'
        '<div hidden id="S:9"><p>No placeholder.</p></div>'
    )
    prepare(tree)
    (main,) = tree.xpath("//main")
    assert [child.tag for child in main] == ["p", "div", "p"]
    assert main[1].get("hidden") is None
    assert main[1].text_content() == "npm i support"
    assert not tree.xpath("//template")
    assert tree.xpath("//div[@id='S:9']")[0].get("hidden") is not None  # nowhere to go: stays hidden


def test_streamed_code_block_reaches_the_text() -> None:
    page = (
        f"<html><body><article><h1>Setup</h1>{PARAGRAPHS}<p>The support module is on npm:</p>"
        '<template id="B:0"></template><p>Alternatively, clone the repository.</p></article>'
        '<div hidden id="S:0"><div><pre><code>$ npm i @guide/support</code></pre></div></div></body></html>'
    )
    text = clean(page)
    assert "$ npm i @guide/support" in text
    assert text.index("on npm:") < text.index("npm i @guide") < text.index("Alternatively")
