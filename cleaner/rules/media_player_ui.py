"""Video/audio player UI text and time-code lines."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar, Final

from lxml.html import HtmlElement

from .. import phrases
from ..document import Document
from ..selectors import has_own_text, has_token, outermost
from ..textutil import PhraseSet, key, match_phrase, word_count
from .base import Hit, Removal, Rule

TIMECODE: Final = r"(?:\d{1,2}:)?\d{1,2}:\d{2}"
TIMECODE_LINE: Final = re.compile(rf"^{TIMECODE}(?:\s*(?:/|\s)\s*{TIMECODE})*$")
TRAILING_TIMECODE: Final = re.compile(rf"\s-?{TIMECODE}$")
ZERO_TIMECODE: Final = re.compile(r"^0{1,2}:00$")
MEDIA_TAGS: Final = ("video", "audio", "object", "embed")
PLAYER_TOKENS: Final = ("player", "video", "audio", "media", "mmp", "vjs", "jw")
MAX_PLAYER_WORDS: Final = 40


class MediaPlayerUi(Rule):
    """Video/audio player UI text and time-code lines.

    Removes:
        A block that is player UI ("please wait", "No media source currently available",
        "Your browser does not support the video tag", "Play", "Embed", "Download") or
        a player label with a time code ("Duration 1:58"), or
        only time codes with at least two of them, or a lone 0:00 ("0:00 0:05:19 0:00",
        "00:00 / 03:12"). In HTML, the fallback text inside ``<video>``/``<audio>``/
        ``<object>``, and a player container (class/id with player/video/media) of at most
        40 words that holds such a label — the clip title inside it goes too.

    Why:
        A player's controls and status messages are rendered as text when scripts do not
        run; they say nothing about the article.

    Example:
        "please wait\\nNo media source currently available\\n0:00 0:05:19 0:00\\nText.\\n"
        -> "Text.\\n"

    Keeps:
        Sentences that use the words ("The ministry said no media source was available for
        comment."), such a word as a link or inline element of a sentence ("the ports they
        <a>listen</a> to"), code ("return 'Loading...'" in a ``<pre>`` or ``<code>``: the page
        index takes no labels there) and a single clock time ("10:30").
    """

    code: ClassVar[str] = "MED01"
    name: ClassVar[str] = "media.player_ui"

    def find_in_tree(self, doc: Document, tree: HtmlElement) -> Iterator[Hit]:
        labels = phrases.load("player_ui", doc.langs)
        found = [el for el in tree.iter(*MEDIA_TAGS)]
        for leaf, label in doc.page_index.labels:
            if match_phrase(label, labels) and not _in_running_text(leaf):
                container = _player_container(leaf)
                found.append(leaf if container is None else container)
        for el in outermost(found):
            yield Hit(el, "media player element" if el.tag in MEDIA_TAGS else "media player UI")

    def find_in_blocks(self, doc: Document, removed: Mapping[int, Removal]) -> Iterator[Hit]:
        labels = phrases.load("player_ui", doc.langs)
        for i, block in enumerate(doc.blocks):
            k = block.key
            phrase = match_phrase(k, labels)
            if phrase:
                yield Hit(i, f"player UI text {phrase!r}")
            elif is_timecode_line(block.text):
                yield Hit(i, "player time codes")
            elif _labelled_timecode(block.text, labels):
                yield Hit(i, "player time label")


def is_timecode_line(text: str) -> bool:
    text = text.strip()
    if not TIMECODE_LINE.match(text):
        return False
    return len(re.findall(TIMECODE, text)) >= 2 or bool(ZERO_TIMECODE.match(text))


def _labelled_timecode(text: str, labels: PhraseSet) -> bool:
    """'Current Time 0:00', 'Duration 1:58': a player label followed by a time code."""
    match = TRAILING_TIMECODE.search(text)
    return match is not None and key(text[: match.start()]) in labels


def _in_running_text(leaf: HtmlElement) -> bool:
    """A word of a sentence ("the ports they <a>listen</a> to"), not a control: its parent
    has text of its own around it."""
    parent = leaf.getparent()
    if parent is None:
        return False
    return has_own_text(parent)


def _player_container(leaf: HtmlElement) -> HtmlElement | None:
    """The largest ancestor marked as a player that is still small."""
    best = None
    for anc in leaf.iterancestors():
        if (
            anc.tag in ("body", "html", "main", "article")
            or word_count(anc.text_content()) > MAX_PLAYER_WORDS
        ):
            break
        if has_token(anc, *PLAYER_TOKENS):
            best = anc
    return best
