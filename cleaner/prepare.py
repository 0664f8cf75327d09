"""Stage 1b (HTML only): content markup made readable to the extractors, before extraction.

Two kinds of documentation markup lose words in trafilatura (and in any text renderer that
reads the tree rather than the CSS). Nothing is removed here; the tree is reshaped:

- **Admonitions with bare text.** A note, tip or warning box is often a ``<div>`` whose text
  stands directly in it (``<div class="note"><strong>Note</strong> Run it as root.</div>``,
  ``<div role="note"><h4>Note:</h4>Install a runtime first.</div>``) rather than in a ``<p>``.
  trafilatura reads ``<div>`` text only on pages with few paragraphs, so on a documentation
  page these boxes vanish. Each run of text and inline elements directly inside such a box
  (class/id token naming an admonition, or ``role="note"``/``"alert"``) gets wrapped in a
  ``<p>``.
- **Code lines drawn by CSS.** Highlighters (Shiki, Prism, CodeMirror, Expressive Code) put
  each line of a ``<pre>`` in its own ``<span class="line">`` or ``<div class="token-line">``
  with no newline between them: the browser breaks them by CSS, a text renderer glues the last
  word of a line to the first of the next ("my-projectcd my-project"). In a ``<pre>`` without
  a newline, each child whose class/id token names a line gets one after it.

- **Code listings in figures.** trafilatura drops every ``<figure>`` but one holding a table;
  mdBook (the Rust book), Jekyll (``<figure class="highlight">``) and others put code
  listings in one. A ``<figure>`` holding a ``<pre>`` becomes a ``<div>``, as trafilatura
  itself does for tables.

WCXB dev, documentation pages (91), word F1: see ``docs/design-notes.md`` note 13.
"""

from __future__ import annotations

from typing import Final

from lxml import etree
from lxml.html import HtmlElement

from .selectors import PageIndex, class_tokens

ADMONITION_TOKENS: Final = frozenset(
    {
        "admonition", "note", "notes", "tip", "tips", "hint", "warning", "caution", "important",
        "callout", "danger",
    }
)  # fmt: skip
"""Class/id tokens (or their dash-separated parts) that name a note/tip/warning box."""
ADMONITION_ROLES: Final = frozenset({"note"})
"""("alert", "notice" and role="alert" also name cookie and site banners: left out.)"""
HIDING_ATTRIBUTES: Final = ("hidden", "aria-hidden", "style")
BOX_TAGS: Final = frozenset({"div", "aside"})
TAB_PANEL_ROLE: Final = "tabpanel"
ROLE_HOLDER_TOKENS: Final = ("alert", "tab")
"""Class/id fragments of the elements that carry ``role="note"`` (Bootstrap's ``alert``) or
``role="tabpanel"`` (``tabpanel``, ``tab-pane``, ``tabItem``) on the pages we saw."""
INLINE_TAGS: Final = frozenset(
    {
        "a", "b", "i", "em", "strong", "code", "span", "kbd", "var", "samp", "sub", "sup", "abbr", "small",
        "mark", "u", "s", "tt", "br", "img", "q", "cite", "dfn", "time", "wbr", "font",
    }
)  # fmt: skip
LINE_TOKEN: Final = "line"
"""A class/id token that is this or ends in "-" and this (``token-line``, ``cm-line``) names a
line of highlighted code."""


def prepare(tree: HtmlElement, index: PageIndex) -> None:
    """Reshape admonitions, hidden code tabs, CSS-drawn code lines and code figures in place
    (see the module docstring). Candidates come from the page index (a class/id naming a box,
    an alert or a tab); the index stays valid for the tree rules: no element is removed (a
    code ``<figure>`` renamed ``<div>`` is the same element)."""
    for el in index.with_token(*ADMONITION_TOKENS, *ROLE_HOLDER_TOKENS):
        role = (el.get("role") or "").lower()
        if role == TAB_PANEL_ROLE:
            if el.find(".//pre") is not None:
                show(el)
        elif el.tag in BOX_TAGS and is_admonition(el) and _has_bare_text(el):
            wrap_bare_text(el)
    for pre in tree.iter("pre"):
        break_code_lines(pre)
    for figure in list(tree.iter("figure")):
        if figure.find(".//pre") is not None:
            figure.tag = "div"


def show(panel: HtmlElement) -> None:
    """Make a hidden tab panel visible: no ``hidden``, ``aria-hidden`` or inline ``display``."""
    for attribute in HIDING_ATTRIBUTES:
        panel.attrib.pop(attribute, None)


def is_admonition(el: HtmlElement) -> bool:
    """A note, tip or warning box: by role, or a class/id token (or a dash-separated part of one)."""
    if (el.get("role") or "").lower() in ADMONITION_ROLES:
        return True
    marked = f"{el.get('class', '')} {el.get('id', '')}".lower()
    if not any(name in marked for name in ADMONITION_TOKENS):  # cheap test before splitting tokens
        return False
    return any(
        token in ADMONITION_TOKENS or any(part in ADMONITION_TOKENS for part in token.split("-"))
        for token in class_tokens(el)
    )


def _inline(child: HtmlElement) -> bool:
    return not isinstance(child.tag, str) or child.tag in INLINE_TAGS


def _has_bare_text(el: HtmlElement) -> bool:
    if (el.text or "").strip():
        return True
    return any((child.tail or "").strip() or (_inline(child) and isinstance(child.tag, str)) for child in el)


def wrap_bare_text(box: HtmlElement) -> None:
    """Wrap each run of text and inline children directly inside ``box`` in a new ``<p>``;
    block children stay where they are."""
    pieces: list[str | HtmlElement] = []
    if (box.text or "").strip():
        pieces.append(box.text or "")
    box.text = None
    for child in list(box):
        tail, child.tail = child.tail, None
        box.remove(child)
        pieces.append(child)
        if (tail or "").strip():
            pieces.append(tail or "")
    para: HtmlElement | None = None
    for piece in pieces:
        if isinstance(piece, str) or _inline(piece):
            if para is None:
                para = etree.SubElement(box, "p")
            if not isinstance(piece, str):
                para.append(piece)
            elif len(para):
                para[-1].tail = (para[-1].tail or "") + piece
            else:
                para.text = (para.text or "") + piece
        else:
            para = None
            box.append(piece)


def break_code_lines(pre: HtmlElement) -> None:
    """Put a newline after each code-line element of a ``<pre>`` that has none."""
    if "\n" in pre.text_content().strip():
        return
    lines = [
        el
        for el in pre.iterdescendants()
        if isinstance(el.tag, str) and any(_names_line(token) for token in class_tokens(el))
    ]
    if len(lines) < 2:
        return
    for el in lines:
        el.tail = "\n" + (el.tail or "")


def _names_line(token: str) -> bool:
    return token == LINE_TOKEN or token.endswith("-" + LINE_TOKEN)
