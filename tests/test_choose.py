"""The choice between the main-content candidates (trafilatura fast mode, Resiliparse, their
merge, trafilatura's default mode where fast mode found a fragment), and the fallback to
trafilatura's default mode when Resiliparse is missing."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import cleaner
from cleaner import extract, nesting
from cleaner.choose import (
    ALONE_WORDS,
    ANCHOR_WORDS,
    CODE_SYMBOLS,
    DISCUSSION_MORE_WORDS,
    DUMP_KEEP,
    DUMP_SHARE,
    FOOLED_WORDS,
    FRAGMENT_SHARE,
    LAST_RESORT_SHARE,
    MORE_WORDS,
    NEAR_MORE_WORDS,
    PROSE_LINE_WORDS,
    UNSURE_MORE_WORDS,
    Choice,
    Source,
    choose,
    last_resort,
    merged,
    more_words,
    word_count,
)
from cleaner.load import parse_html
from cleaner.segment import segment_tree
from cleaner.textutil import WORD

ARTICLE = [
    "The regional council approved the new budget on Tuesday after a long debate about schools.",
    "Opposition members said the plan cut too deeply into bus services and promised to fight it.",
    "The mayor said the savings would pay for two new clinics in the northern districts next year.",
]
TILES = [
    "Bridge repairs start in May", "New library hours", "School meals price rise", "Park run record broken",
    "Flood defences finished early", "Tram line consultation opens", "Museum wins national award",
    "Hospital car park fees cut", "Farmers market moves indoors", "Cycle lanes on the ring road",
    "Council tax bills explained", "Street lights switch to LED", "Recycling collections change",
]  # fmt: skip
# An article with a grid of teaser tiles (no links, so Resiliparse keeps them; trafilatura does not).
ARTICLE_WITH_TILES = f"""<html lang="en"><head><title>Council approves the budget</title></head><body>
<main><article><h1>Council approves the budget</h1>{"".join(f"<p>{p}</p>" for p in ARTICLE)}</article>
<div class="more"><h2>More from the region</h2><div class="grid">
{"".join(f'<div class="tile"><span>{t}</span></div>' for t in TILES)}</div></div></main></body></html>"""

POSTS = [
    "Good evening! My greenhouse is three by six metres, with four millimetre polycarbonate. A week "
    "ago the edges of the lower leaves began to curl upwards like little boats. There are no spots, "
    "the stems are strong and there is fruit set. What could it be?",
    "That is not a disease but overheating: above thirty-five degrees a tomato rolls its leaves to "
    "lose less water. Open the greenhouse on both sides, shade the south wall on the hottest days, "
    "and water less often but more deeply, in the morning. New leaves will come out normal within a "
    "fortnight.",
]
# A forum thread (vBulletin markup) where trafilatura's fast mode keeps only the first post.
THREAD = f"""<html lang="en"><head><title>Tomato leaves curling in a greenhouse</title>
<meta name="generator" content="vBulletin 4.2.5"></head><body>
<div id="breadcrumb"><a href="/">Forum</a> &gt; <a href="/veg">Vegetables</a></div>
<ol id="posts">
<li class="postbitlegacy" id="post_1"><div class="posthead">14.06.2024, 19:42</div>
<div class="userinfo"><a class="username" href="/u/1">gardener_jo</a></div>
<div class="postbody"><h2 class="title">Tomato leaves curling in a greenhouse</h2>
<div class="content"><div id="post_message_1"><blockquote class="postcontent restore">{POSTS[0]}</blockquote>
</div></div></div></li>
<li class="postbitlegacy" id="post_2"><div class="posthead">14.06.2024, 21:05</div>
<div class="userinfo"><a class="username" href="/u/2">old_grower</a></div>
<div class="postbody"><h2 class="title">Re: Tomato leaves curling in a greenhouse</h2>
<div class="content"><div id="post_message_2"><blockquote class="postcontent restore">{POSTS[1]}</blockquote>
</div></div></div></li>
</ol></body></html>"""


def test_resiliparse_wins_when_it_adds_prose() -> None:
    result = choose(ARTICLE[0], "\n".join([*ARTICLE, *ARTICLE]))
    assert result.source is Source.RESILIPARSE
    assert "100% of its extra words are prose" in result.reason


def test_trafilatura_wins_when_resiliparse_adds_only_short_lines() -> None:
    result = choose(ARTICLE[0], "\n".join([ARTICLE[0], *TILES]))
    assert result.source is Source.TRAFILATURA
    assert "0% of its extra words are prose" in result.reason


def test_trafilatura_wins_unless_resiliparse_has_clearly_more_words() -> None:
    longer = "\n".join([*ARTICLE, "One more sentence of prose, long enough to count as a line of prose."])
    assert len(longer.split()) <= MORE_WORDS * len(" ".join(ARTICLE).split())
    assert choose("\n".join(ARTICLE), longer).source is Source.TRAFILATURA


def test_where_comments_are_content_less_is_needed() -> None:
    """A thread where trafilatura kept the first post and Resiliparse the reply too."""
    thread = "\n".join(ARTICLE[:2])
    assert DISCUSSION_MORE_WORDS < len(thread.split()) / len(ARTICLE[0].split()) <= MORE_WORDS
    assert choose(ARTICLE[0], thread).source is Source.TRAFILATURA
    assert choose(ARTICLE[0], thread, comments=True).source is Source.RESILIPARSE


def test_a_line_trafilatura_already_has_is_not_counted_as_added() -> None:
    """Resiliparse repeating trafilatura's text in other line breaks adds nothing."""
    reflowed = "\n".join(" ".join(ARTICLE).split(". "))
    assert choose(" ".join(ARTICLE), reflowed + "\n" + "\n".join(TILES)).source is Source.TRAFILATURA


def test_prose_line_threshold_is_a_word_count() -> None:
    short = " ".join(["word"] * (PROSE_LINE_WORDS - 1))
    long = " ".join(["word"] * PROSE_LINE_WORDS)
    assert choose("", short).source is Source.TRAFILATURA
    assert choose("", long).source is Source.RESILIPARSE


def test_little_text_that_resiliparse_does_not_see_is_no_main_content() -> None:
    assert choose("Home", "").source is Source.RESILIPARSE
    assert choose(" ".join(["word"] * (ALONE_WORDS - 1)), "").source is Source.RESILIPARSE
    assert choose(" ".join(["word"] * ALONE_WORDS), "").source is Source.TRAFILATURA


def test_a_dump_of_the_whole_page_gives_way_to_resiliparse_lines() -> None:
    """trafilatura's last resort: the page's text run together in one block, menus and all.
    Resiliparse's text of about as many words, line by line, is what the block rules can
    work on."""
    page = [*ARTICLE, *TILES]
    dump = " ".join(page)
    lines = "\n".join(page)
    words = word_count(dump)
    choice = choose(dump, lines, page_words=lambda: words)
    assert choice.source is Source.RESILIPARSE
    assert "one block" in choice.reason
    # a paragraph that is a small part of the page is no dump
    assert choose(dump, lines, page_words=lambda: int(words / DUMP_SHARE) + 1).source is Source.TRAFILATURA
    # the same words in lines: trafilatura found a structure
    assert choose(lines, lines, page_words=lambda: words).source is Source.TRAFILATURA
    # Resiliparse found a fragment only: the dump keeps the content it misses
    fragment = "\n".join(ARTICLE[:1])
    assert word_count(fragment) < DUMP_KEEP * words
    assert choose(dump, fragment, page_words=lambda: words).source is Source.TRAFILATURA
    # without the page's words (no tree): not decided
    assert choose(dump, lines).source is Source.TRAFILATURA


def test_near_empty_candidates_on_a_page_of_many_words_ask_for_the_default_mode() -> None:
    """Both extractors missed the content of a long page: not "no main content"."""
    choice = choose("Home", "", page_words=lambda: FOOLED_WORDS)
    assert choice.source is Source.TRAFILATURA_DEFAULT
    assert choice.otherwise is Source.BODY
    assert choice.least_words == ALONE_WORDS
    assert choose("Home", "", page_words=lambda: FOOLED_WORDS - 1).source is Source.RESILIPARSE


def test_default_mode_must_find_enough_words_where_the_alternative_is_the_body() -> None:
    few = " ".join(["word"] * (ALONE_WORDS - 1))
    assert more_words(few, "Home")
    assert not more_words(few, "Home", ALONE_WORDS)
    assert more_words(few + " word", "Home", ALONE_WORDS)


# The page nested in an unclosed <aside>: libxml2 does not close it at </aside> as a browser
# would, so both extractors see the article as a sidebar and find nothing.
NESTED_IN_ASIDE = f"""<html lang="en"><head><title>Council approves the budget</title></head><body>
<aside class="popup"><div class="popup-outer"><div class="popup-inner"><h2>Newsletter</h2>
<a href="/signup">Sign up</a></div></aside><main><article><h1>Council approves the budget</h1>
{"".join(f"<p>{p} Paragraph {i} of the report.</p>" for i in range(40) for p in ARTICLE)}
</article></main></body></html>"""


def test_a_page_the_extractors_miss_falls_back_to_the_body_with_its_content(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(nesting, "misnested", lambda *args: False)  # no HTML5 re-parse
    result = cleaner.run(NESTED_IN_ASIDE)
    assert result.source is Source.BODY
    assert all(p in result.text for p in ARTICLE)
    assert "Paragraph 39 of the report." in result.text


def test_forum_thread_takes_the_resiliparse_candidate_with_every_post() -> None:
    result = cleaner.run(THREAD, url="https://forum.example.org/showthread.php?t=1")
    assert result.source is Source.RESILIPARSE
    assert all(post in result.text for post in POSTS)


def test_article_with_teaser_tiles_keeps_the_trafilatura_candidate() -> None:
    result = cleaner.run(ARTICLE_WITH_TILES)
    assert result.source is Source.TRAFILATURA
    assert all(p in result.text for p in ARTICLE)
    assert not any(t in result.text for t in TILES)


@pytest.fixture
def no_resiliparse(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(sys.modules, "resiliparse.extract.html2text", None)  # import fails
    extract.resiliparse.cache_clear()
    yield
    extract.resiliparse.cache_clear()


@pytest.mark.usefixtures("no_resiliparse")
def test_without_resiliparse_trafilatura_runs_in_default_mode_with_one_warning(
    extraction_modes: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="cleaner.extract"):
        results = [cleaner.run(ARTICLE_WITH_TILES) for _ in range(2)]
    assert extraction_modes == [False, False]
    assert all(r.source is Source.TRAFILATURA and ARTICLE[2] in r.text for r in results)
    warnings = [r for r in caplog.records if "Resiliparse is not importable" in r.message]
    assert len(warnings) == 1


def test_resiliparse_failure_on_one_page_keeps_trafilatura(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(html: str, comments: bool) -> str:
        raise RuntimeError("parser crashed")

    monkeypatch.setattr("cleaner.api.resiliparse", lambda: broken)
    with caplog.at_level(logging.WARNING, logger="cleaner.extract"):
        result = cleaner.run(THREAD, url="https://forum.example.org/showthread.php?t=1")
    assert result.source is Source.TRAFILATURA and POSTS[0] in result.text
    assert any("Resiliparse extraction failed" in r.message for r in caplog.records)


def test_most_words_counts_every_text_node_apart_and_leaves_scripts_out() -> None:
    html = (
        '<html><head><title>Title</title><script type="application/ld+json">{"articleBody": "one two '
        'three four"}</script></head><body><div>alpha</div><div>beta,gamma_delta</div><p>x&nbsp;y</p>'
        "<ul><li>first</li><li>second</li></ul></body></html>"
    )
    # Title alpha beta gamma_delta x y first second: block boundaries split words, scripts do not count
    assert extract.most_words(parse_html(html)) == 8
    second = extract.resiliparse()
    assert second is not None
    assert word_count(second(html, False)) <= 8


def test_resiliparse_reads_the_body_not_a_title_a_tracking_pixel_pushed_out_of_the_head() -> None:
    """An <img> in a <noscript> of the <head> ends the head in Resiliparse's parse, which then
    takes the <title> after it for body text; it is given only the <body>."""
    title = "Council votes on the new tram line tonight"
    html = (
        '<html><head><meta charset="utf-8">'
        '<noscript><img src="https://t.example.org/p.gif" alt=""></noscript>'
        f"<title>{title}</title></head><body><article><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p></article>"
        "</body></html>"
    )
    second = extract.resiliparse()
    assert second is not None
    assert title in second(html, False)  # what Resiliparse makes of the whole page
    text = extract.resiliparse_text(parse_html(html), second, comments=False)
    assert text is not None and ARTICLE[0] in text and title not in text
    bodiless = parse_html(f"<html><body><p>{ARTICLE[0]}</p></body></html>")
    bodiless[-1].tag = "div"  # a tree with no <body> (built by a caller): the whole tree is read
    assert bodiless.find("body") is None
    text = extract.resiliparse_text(bodiless, second, comments=False)
    assert text is not None and ARTICLE[0] in text


HEADING = "What the savings pay for"
# trafilatura kept the first and last paragraphs; Resiliparse also the heading and paragraph
# between them, a site name before and a teaser after.
SKIPPED_INSIDE = "\n".join(["City News", ARTICLE[0], HEADING, ARTICLE[1], ARTICLE[2], TILES[0]])
TEASERS = [f"{t}: read the whole story of how this came about in our district today." for t in TILES[:4]]


def test_resiliparse_with_what_trafilatura_skipped_inside_it_gives_the_merge() -> None:
    fast = "\n".join([ARTICLE[0], ARTICLE[2]])
    choice = choose(fast, SKIPPED_INSIDE)
    assert choice.source is Source.MERGED
    assert merged(fast, SKIPPED_INSIDE).splitlines() == [ARTICLE[0], HEADING, ARTICLE[1], ARTICLE[2]]


CODE = [
    'let x: Result<u32, &str> = Err("Nothing here");',
    "assert_eq!(x.map_or(42, |v| v.len()), 3);",
    "1.0.0 (const: 1.48.0) · Source",
]


def test_code_and_version_lines_are_not_prose_however_many_words() -> None:
    """Lines of code inside trafilatura's text (it leaves out code examples) do not make a merge."""
    assert all(len(WORD.findall(line)) >= PROSE_LINE_WORDS for line in CODE)
    fast = "\n".join([ARTICLE[0], ARTICLE[2]])
    with_code = "\n".join(["City News", ARTICLE[0], *CODE, ARTICLE[2]])
    choice = choose(fast, with_code)
    assert choice.source is Source.TRAFILATURA
    assert "0% of its extra words are prose" in choice.reason
    prose_punctuation = "Converts self into an Option<T>, consuming self, and discarding the error, if any."
    assert choose(fast, "\n".join([ARTICLE[0], prose_punctuation, ARTICLE[2]])).source is Source.MERGED
    assert 0 < CODE_SYMBOLS < 1


LONG_ARTICLE = [*ARTICLE, *(f"{line[:-1]}, the council's spokesman told reporters." for line in ARTICLE)]
NOTE = "Note: the vote was the first one held since the council moved to its new building."


def test_a_few_more_words_of_prose_inside_give_the_merge_with_only_prose_added() -> None:
    """Resiliparse has a little more: a paragraph trafilatura skipped (a boxed note) inside
    its text. The merge adds that paragraph only: not a heading, not a sentence repeated."""
    fast = "\n".join(LONG_ARTICLE)
    buy = "Buy it now from one of our trusted retail partners today:"
    heading = "Key facts of the vote"
    found = "\n".join([*LONG_ARTICLE[:3], heading, NOTE, *LONG_ARTICLE[3:5], buy, buy, LONG_ARTICLE[5]])
    plain = "\n".join([*LONG_ARTICLE[:3], NOTE, *LONG_ARTICLE[3:]])
    assert NEAR_MORE_WORDS * word_count(fast) < word_count(plain) <= UNSURE_MORE_WORDS * word_count(fast)
    choice = choose(fast, plain)
    assert choice.source is Source.MERGED
    assert choice.prose_only
    assert merged(fast, found, prose_only=True).splitlines() == [*LONG_ARTICLE[:3], NOTE, *LONG_ARTICLE[3:]]
    assert heading in merged(fast, found).splitlines()


def test_a_few_more_words_in_short_lines_keep_trafilatura() -> None:
    fast = "\n".join(LONG_ARTICLE)
    found = "\n".join([*LONG_ARTICLE[:3], *TILES[:3], *LONG_ARTICLE[3:]])
    assert NEAR_MORE_WORDS * word_count(fast) < word_count(found) <= UNSURE_MORE_WORDS * word_count(fast)
    assert choose(fast, found).source is Source.TRAFILATURA
    assert choose(fast, "\n".join([*LONG_ARTICLE, "One more line."])).source is Source.TRAFILATURA


def test_the_merge_drops_short_lines_that_trafilatura_lacks() -> None:
    fast = "\n".join([ARTICLE[0], "Photo: J. Doe", ARTICLE[2]])
    found = "\n".join([ARTICLE[0], "Photo: J. Doe", "Share this", ARTICLE[1], ARTICLE[2]])
    assert len(WORD.findall("Share this")) < ANCHOR_WORDS <= len(WORD.findall(HEADING))
    assert merged(fast, found).splitlines() == [ARTICLE[0], "Photo: J. Doe", ARTICLE[1], ARTICLE[2]]


def test_prose_that_resiliparse_adds_after_trafilatura_is_not_merged() -> None:
    """Teasers or comments after the article are outside trafilatura's text."""
    found = "\n".join([*ARTICLE, *TEASERS])
    assert UNSURE_MORE_WORDS * len(" ".join(ARTICLE).split()) < len(found.split())
    choice = choose("\n".join(ARTICLE), found)
    assert choice.source is Source.TRAFILATURA
    assert "0% inside" in choice.reason


def test_a_fragment_of_the_page_asks_for_trafilaturas_default_mode() -> None:
    """Resiliparse has twice its words, but in short lines: not clearly better."""
    fast, found = ARTICLE[0], "\n".join([ARTICLE[0], *TILES[:4]])
    words = len(fast.split())
    assert UNSURE_MORE_WORDS * words < len(found.split()) <= MORE_WORDS * words
    page = int(words / FRAGMENT_SHARE)
    assert choose(fast, found, page_words=lambda: page + 10).source is Source.TRAFILATURA_DEFAULT
    assert choose(fast, found, page_words=lambda: page - 10).source is Source.TRAFILATURA
    assert choose(fast, found).source is Source.TRAFILATURA


def test_page_words_are_counted_only_when_resiliparse_has_more() -> None:
    def never() -> int:
        raise AssertionError("page words counted")

    assert choose("\n".join(ARTICLE), "\n".join(ARTICLE), page_words=never).source is Source.TRAFILATURA
    assert choose(ARTICLE[0], "\n".join(ARTICLE), page_words=never).source is Source.RESILIPARSE


def test_default_mode_is_kept_only_with_more_words() -> None:
    assert more_words("\n".join(ARTICLE), ARTICLE[0])
    assert not more_words(ARTICLE[0], ARTICLE[0])


@pytest.fixture
def extraction_modes(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The ``fast`` argument of every trafilatura extraction of the test, in order."""
    import trafilatura

    modes: list[Any] = []
    real = trafilatura.bare_extraction

    def spy(*args: Any, **kwargs: Any) -> Any:
        modes.append(kwargs.get("fast"))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    return modes


@pytest.mark.parametrize(
    ("more", "source"), [(True, Source.TRAFILATURA_DEFAULT), (False, Source.TRAFILATURA)]
)
def test_pipeline_runs_default_mode_when_asked_and_keeps_it_if_it_finds_more(
    monkeypatch: pytest.MonkeyPatch, extraction_modes: list[Any], more: bool, source: Source
) -> None:
    monkeypatch.setattr("cleaner.api.choose", lambda *a, **k: Choice(Source.TRAFILATURA_DEFAULT, "test"))
    monkeypatch.setattr("cleaner.api.more_words", lambda default, fast, least: more)
    result = cleaner.run(ARTICLE_WITH_TILES)
    assert extraction_modes == [True, False]
    assert result.source is source
    assert all(p in result.text for p in ARTICLE)


def test_pipeline_segments_the_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cleaner.api.choose", lambda *a, **k: Choice(Source.MERGED, "test"))
    result = cleaner.run(ARTICLE_WITH_TILES)
    assert result.source is Source.MERGED
    assert all(p in result.text for p in ARTICLE)
    assert not any(t in result.text for t in TILES)


def test_no_default_mode_pass_without_time_for_it(
    monkeypatch: pytest.MonkeyPatch, extraction_modes: list[Any]
) -> None:
    from cleaner.engine import Deadline

    tree = parse_html(ARTICLE_WITH_TILES)
    assert Deadline(None).affords_second_pass(tree)
    assert Deadline(60.0).affords_second_pass(tree)
    assert not Deadline(1e-6).affords_second_pass(tree)
    monkeypatch.setattr("cleaner.api.choose", lambda *a, **k: Choice(Source.TRAFILATURA_DEFAULT, "test"))
    monkeypatch.setattr(Deadline, "affords_second_pass", lambda self, tree: False)
    result = cleaner.run(ARTICLE_WITH_TILES)
    assert extraction_modes == [True]
    assert result.source is Source.TRAFILATURA


def test_the_html5_reparse_lets_trafilatura_find_the_page_nested_in_an_aside() -> None:
    result = cleaner.run(NESTED_IN_ASIDE)
    assert result.source is not Source.BODY
    assert "Paragraph 39 of the report." in result.text
    assert "Sign up" not in result.text


def test_trafilaturas_last_resort_is_one_block_with_the_words_of_the_page() -> None:
    """Step L: trafilatura's text in one block, with (nearly) every word of the page its last
    resort reads, is that page run together; a long paragraph or lines are not."""
    page = "\n".join([*ARTICLE, *TILES])
    dump = " ".join([*ARTICLE, *TILES])
    assert last_resort(dump, lambda: page)
    assert not last_resort(page, lambda: page)  # lines: trafilatura found a structure
    assert not last_resort(ARTICLE[0], lambda: page)  # one paragraph of the page
    most = " ".join(dump.split()[: int(LAST_RESORT_SHARE * word_count(dump)) - 1])
    assert not last_resort(most, lambda: page)
    few = " ".join(["word"] * (ALONE_WORDS - 1))
    asked: list[bool] = []
    assert not last_resort(few, lambda: asked.append(True) or few)  # type: ignore[func-returns-value]
    assert not asked  # the page's text is read only for a long block


# A listing with no paragraphs: trafilatura's fast mode finds no content and returns the page's
# text in one block (menu, items, footer), its last resort.
ROWS = "".join(f'<div class="row"><span>{t}</span><span>2026</span><span>3 min</span></div>' for t in TILES)
LISTING = f"""<html lang="en"><head><title>Local news</title></head><body>
<header><a href="/">Home</a> <a href="/login">Sign in</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="list">{ROWS}</div>
<aside><a href="/newsletter">Get our newsletter</a></aside>
<footer><a href="/careers">Careers at the paper</a></footer>
<div id="navFooter"><a href="/sell">Sell on our marketplace</a></div></body></html>"""


def test_last_resort_page_drops_what_trafilatura_drops_and_page_in_blocks_the_chrome_it_keeps() -> None:
    body = parse_html(LISTING).find("body")
    page = extract.last_resort_page(body)
    text = " ".join(page.itertext())
    assert "Careers at the paper" not in text and "Get our newsletter" not in text
    assert "Sign in" in text and "Sell on our" in text  # trafilatura's basic cleaning keeps these
    assert "Careers at the paper" in " ".join(body.itertext())  # the page itself is not changed
    blocks = [b.text for b in segment_tree(extract.page_in_blocks(page), extracted=False)]
    assert not any(chrome in " ".join(blocks) for chrome in ("Sign in", "Sport", "Sell on our"))
    assert f"{TILES[0]} 2026 3 min" in blocks  # text nodes set apart, as trafilatura joins them


def test_a_menu_that_holds_most_of_the_page_is_kept_in_the_last_resorts_blocks() -> None:
    body = parse_html(f"<html><body><nav>{ARTICLE_WITH_TILES}</nav></body></html>").find("body")
    blocks = segment_tree(extract.page_in_blocks(extract.last_resort_page(body)), extracted=False)
    assert ARTICLE[0] in [b.text for b in blocks]


def test_pipeline_takes_the_pages_blocks_for_trafilaturas_last_resort(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """trafilatura (alone: no Resiliparse) returns its last resort: the page's own blocks are
    taken instead, where the block rules can judge each line."""
    from trafilatura import baseline

    monkeypatch.setattr("cleaner.api.resiliparse", lambda: None)
    monkeypatch.setattr("cleaner.api.main_content", lambda tree, *a, **k: baseline(tree)[0])
    dump = cleaner.api.render(segment_tree(baseline(parse_html(LISTING))[0], extracted=True), ())
    assert "\n" not in dump.strip() and "Sign in" in dump  # one block, the menu in it
    result = cleaner.run(LISTING)
    assert result.source is Source.PAGE_BLOCKS
    lines = result.text.splitlines()
    assert f"{TILES[0]} 2026 3 min" in lines
    assert all(t in result.text for t in TILES)
    assert "Sign in" not in result.text and "Careers" not in result.text


def test_last_resort_page_without_trafilaturas_cleaning_xpath(monkeypatch: pytest.MonkeyPatch) -> None:
    """Step L reads trafilatura's basic-cleaning XPath, not a public name: a trafilatura
    without it gives the page uncleaned, not an ImportError out of ``clean()``."""
    import trafilatura.settings

    page = "<html><body><aside>Sidebar</aside><p>Text of the page.</p></body></html>"

    def last_resort_text() -> str:
        body = parse_html(page).find("body")
        assert body is not None
        return " ".join(extract.last_resort_page(body).itertext())

    extract._basic_clean.cache_clear()
    assert "Sidebar" not in last_resort_text()
    extract._basic_clean.cache_clear()
    with monkeypatch.context() as patch:
        patch.delattr(trafilatura.settings, "BASIC_CLEAN_XPATH")
        assert "Sidebar" in last_resort_text()
    extract._basic_clean.cache_clear()
