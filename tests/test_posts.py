"""Discussion threads are read from schema.org microdata and replace a partial extraction."""

from __future__ import annotations

from lxml.html import document_fromstring, fragment_fromstring

from cleaner import Cleaner, Config, run
from cleaner.page_type import PageType, item_types
from cleaner.posts import covers, discussion_thread, ld_thread, thread


def _post(n: int, kind: str = "Comment", extra: str = "") -> str:
    return (
        f'<article class="message" itemscope itemtype="https://schema.org/{kind}">'
        f'<span itemprop="author">user{n}</span>'
        f'<div class="bbWrapper" itemprop="text"><p>Post number {n} says something about valve clearances '
        f"and oil grades that only this post says.</p>{extra}</div></article>"
    )


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"


def _texts(root: object) -> list[str]:
    return [" ".join("".join(div.itertext()).split()) for div in root]  # type: ignore[attr-defined]


def test_item_types_reads_every_url_in_itemtype() -> None:
    el = fragment_fromstring('<div itemtype="https://schema.org/Comment http://schema.org/Answer/"></div>')
    assert item_types(el) == {"Comment", "Answer"}


def test_thread_collects_every_post_body_in_page_order() -> None:
    posts = thread(document_fromstring(_page("".join(_post(n) for n in (1, 2, 3)))))
    assert posts is not None
    texts = _texts(posts)
    assert [t.split()[2] for t in texts] == ["1", "2", "3"]
    assert not any("user1" in t for t in texts)


def test_a_single_post_is_no_thread() -> None:
    assert thread(document_fromstring(_page(_post(1)))) is None


def test_link_previews_inside_a_post_are_dropped() -> None:
    aside = '<aside class="onebox"><p>Example Shop - buy valves online</p></aside>'
    posts = thread(document_fromstring(_page(_post(1, extra=aside) + _post(2))))
    assert posts is not None
    assert "Example Shop" not in "".join(posts.itertext())


def test_faq_questions_are_not_posts_but_qa_pages_are() -> None:
    faq = "".join(_post(n, kind=k) for n, k in ((1, "Question"), (2, "Answer")))
    assert thread(document_fromstring(_page(faq))) is None
    qa_head = '<script type="application/ld+json">{"@type": "QAPage"}</script>'
    assert thread(document_fromstring(_page(faq, qa_head))) is not None


def test_remarks_under_a_qa_post_are_left_out() -> None:
    remark = (
        '<div itemscope itemtype="https://schema.org/Comment">'
        '<span itemprop="text">Did you try turning it off?</span></div>'
    )
    question = (
        '<div itemscope itemtype="https://schema.org/Question"><div itemprop="text"><p>How do I reset it?</p>'
        f"</div>{remark}</div>"
    )
    answer = (
        '<div itemscope itemtype="https://schema.org/Answer">'
        '<div itemprop="text"><p>Hold the button.</p></div></div>'
    )
    posts = thread(
        document_fromstring(_page(question + answer, '<div itemtype="https://schema.org/QAPage"></div>'))
    )
    assert posts is not None
    assert _texts(posts) == ["How do I reset it?", "Hold the button."]


def test_covers_compares_words_of_the_extracted_body() -> None:
    posts = thread(document_fromstring(_page(_post(1) + _post(2))))
    assert posts is not None
    assert covers(posts, "Post number 2 says something about valve clearances")
    article = "The council approved the budget for the new tram line after a long debate."
    assert not covers(posts, article)


THREAD = _page(
    '<div class="p-body"><h1>Ticking engine when cold</h1>'
    + "".join(_post(n) for n in range(1, 7))
    + '<div class="share">Share this thread on Facebook</div></div>'
)
BLOG = _page(
    '<article class="post"><h1>Tram line approved</h1>'
    + "".join(
        f"<p>Paragraph {n}: the council approved the budget for the new tram line after a long debate "
        "about costs, routes and the timetable for construction work in the old town.</p>"
        for n in range(8)
    )
    + '</article><section id="comments">'
    + "".join(_post(n) for n in range(1, 4))
    + "</section>"
)


def test_thread_pages_keep_every_post() -> None:
    result = run(THREAD)
    assert result.page_type is PageType.DISCUSSION
    for n in range(1, 7):
        assert f"Post number {n} says" in result.text


def test_an_article_with_marked_up_comments_keeps_the_article_and_drops_them() -> None:
    result = run(BLOG)
    assert "Paragraph 7: the council approved" in result.text
    assert "Post number 1 says" not in result.text


def test_include_comments_false_never_switches_to_the_thread() -> None:
    assert Cleaner(Config(include_comments=False)).run(THREAD).page_type is PageType.ARTICLE


LD_THREAD = """{"@context": "https://schema.org", "@type": "DiscussionForumPosting",
 "headline": "Mystery connector", "text": "What are these two connectors for?\\nThe manual says nothing.",
 "commentCount": 2,
 "comment": [{"@type": "Comment", "text": "The rear one is for external lighting hubs."},
             {"@type": "Comment", "text": "The bottom one feeds the front fans."}]}"""


def test_ld_thread_reads_posting_and_comments_from_json_ld() -> None:
    tree = document_fromstring(
        _page("<p>Accept cookies</p>", f'<script type="application/ld+json">{LD_THREAD}</script>')
    )
    posts = ld_thread(tree)
    assert posts is not None
    assert [" ".join(p.text for p in post) for post in posts] == [
        "What are these two connectors for? The manual says nothing.",
        "The rear one is for external lighting hubs.",
        "The bottom one feeds the front fans.",
    ]
    assert [p.text for p in posts[0]] == ["What are these two connectors for?", "The manual says nothing."]


def test_ld_thread_needs_the_posting_body_and_a_comment() -> None:
    no_comments = '{"@type": "DiscussionForumPosting", "text": "Question only"}'
    no_body = '{"@type": "DiscussionForumPosting", "comment": [{"text": "a"}, {"text": "b"}]}'
    for ld in (no_comments, no_body, "{not json"):
        assert (
            ld_thread(document_fromstring(_page("", f'<script type="application/ld+json">{ld}</script>')))
            is None
        )


def test_json_ld_thread_is_used_on_discussion_pages_only() -> None:
    head = f'<script type="application/ld+json">{LD_THREAD}</script>'
    page = _page(
        "<article><p>" + "Cookie settings and preferences for this site. " * 20 + "</p></article>", head
    )
    result = run(page)
    assert result.page_type is PageType.DISCUSSION
    assert "The bottom one feeds the front fans." in result.text
    assert discussion_thread(document_fromstring(page), None, PageType.ARTICLE) is None


def test_the_unmarked_opening_post_joins_the_thread() -> None:
    opening = (
        '<article class="message"><div class="bbWrapper">'
        "<p>Opening post: my tank is cloudy.</p></div></article>"
    )
    sidebar = '<div class="bbWrapper-note">Forum rules</div>'
    posts = thread(document_fromstring(_page(sidebar + opening + _post(1) + _post(2))))
    assert posts is not None
    texts = _texts(posts)
    assert texts[0] == "Opening post: my tank is cloudy."
    assert len(texts) == 3
