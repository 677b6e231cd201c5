"""The HTML report: self-contained, one script admitted by hash, diffs as published, and
hostile pages (scripts, handlers, ``javascript:`` links, quote marks) shown, never run."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedup.documents import Document
from dedup.html_report import (
    csp,
    diff_spans,
    marked,
    render_html,
    safe_url,
    script_hash,
    timeline_svg,
)
from dedup.pipeline import ingest
from dedup.store import Store
from dedup.summary import Facts, gather
from tests.conftest import ROOT, seed_text

# What an injected script or handler would do if it ever ran: set an attribute on <html>.
PWN = "document.documentElement.dataset.pwned='yes'"
HOSTILE_QUOTE = f"他强调：“坚持科技创新<script>{PWN}</script>和产业创新一起抓”。"


def hostile_records() -> list[dict[str, str]]:
    """Two pages a hostile crawler feed could deliver: a repost of seed 003 and a page that
    echoes its slogans, with markup in every field the report shows."""
    seed = seed_text(3)
    return [
        {
            "id": "h-1</textarea>",
            "text": f'<script>{PWN}</script>\n<img src=x onerror="{PWN}">\n'
            + seed.replace("问题仍突出。", "问题仍突出。" + HOSTILE_QUOTE),
            "title": f'"><svg onload="{PWN}"><script>{PWN}</script>',
            "source": f"<script>{PWN}</script>经济日报",
            "site": f'</textarea></title><img src=x onerror="{PWN}">',
            "url": f"javascript:{PWN}",
            "date": "2024-02-15 08:00",
        },
        {
            "id": "h-2",
            "text": "深圳低空物流新闻。但“大而不强”“全而不精”问题仍突出。" * 3
            + HOSTILE_QUOTE
            + f'<a href="javascript:{PWN}">点击</a>\'"`',
            "source": "'\"><b>晚报",
            "url": "JaVaScRiPt:alert(1)",
            "date": "2024-02-16",
        },
    ]


def hostile_report(folder: Path) -> Path:
    """Ingest seed 003 and the hostile pages, write the report; returns its path."""
    feed = folder / "hostile.jsonl"
    feed.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in hostile_records()),
        encoding="utf-8",
    )
    seed = sorted((ROOT / "samples").glob("003_*.txt"))[0]
    out = folder / "hostile.html"
    with Store(folder / "hostile.db") as store:
        ingest([seed, feed], store)
        out.write_text(render_html(gather(store)), encoding="utf-8")
    return out


class Tags(HTMLParser):
    """Every start tag with its attributes and every script body, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


@pytest.fixture(scope="module")
def sample_page(sample_facts: Facts) -> str:
    return render_html(sample_facts)


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    return hostile_report(tmp_path_factory.mktemp("hostile")).read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ diffs


def test_script_and_width_are_no_difference() -> None:
    simplified = "建设社会主义现代化强国，关键在科技自立自强。"
    traditional = "建設社會主義現代化強國,關鍵在科技自立自強。"  # half-width comma too
    assert diff_spans(simplified, traditional) == ([], [])


def test_pinyin_glosses_are_no_difference() -> None:
    assert diff_spans(
        "推動科技創(chuàng)新和產(chǎn)業(yè)創(chuàng)新", "推动科技创新和产业创新"
    ) == ([], [])


def test_truncated_repost_marks_the_missing_tail_in_the_original() -> None:
    head = "3月6日，习近平总书记看望参加全国政协十四届四次会议的农工党、九三学社委员。"
    tail = "联组会上，科技创新是交流的一个关键词。"
    only_original, only_repost = diff_spans(head + tail, head)
    assert only_repost == []
    assert [(head + tail)[s:e] for s, e in only_original] == [tail[:-1]]  # up to the last 词


def test_edit_is_marked_on_both_sides_as_published() -> None:
    original = "我國製造業已形成了世界規模最大的發展優勢，但“大而不強”問題仍突出。"
    edited = "我国制造业已经形成世界规模最大的发展优势，但“大而不强”问题仍突出。"
    only_original, only_edited = diff_spans(original, edited)
    assert [original[s:e] for s, e in only_original] == ["了"]
    assert [edited[s:e] for s, e in only_edited] == ["经"]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="科技创新<>&\"'“”「」。，a\n ", max_size=60),
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=5),
)
def test_marked_shows_the_text_exactly(text: str, spans: list[tuple[int, int]]) -> None:
    page = marked(text, spans, "del")
    assert "<" not in re.sub(r'<mark class="del">|</mark>', "", page)
    assert html.unescape(re.sub(r'<mark class="del">|</mark>', "", page)) == text


def test_only_http_links_survive() -> None:
    assert safe_url("https://www.qstheory.cn/20260223/a.html") is not None
    assert safe_url("http://news.cctv.com/2026/03/10/x.shtml") is not None
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        'https://a.cn/"onmouseover="alert(1)',
        None,
        "",
    ):
        assert safe_url(bad) is None


# ------------------------------------------------------------------------------ the page


def test_sample_report_has_every_section(sample_page: str) -> None:
    tags = parse(sample_page)
    ids = {attrs.get("id") for _, attrs in tags.tags}
    assert {"summary", "graph-view", "reposts", "statements", "sources", "search", "graph"} <= ids
    assert sample_page.count('class="card searchable" id="cluster-') == 5
    assert "大而不强" in sample_page and "央视新闻" in sample_page
    tables = [attrs for tag, attrs in tags.tags if tag == "table"]
    assert len(tables) > 5 and all(t.get("class") == "sortable" for t in tables)


def test_statement_occurrences_say_whom_each_page_credits(sample_page: str) -> None:
    # 000 quotes 习近平 after 总书记指出; 002 echoes the same words unquoted, crediting nobody
    assert "<td>习近平 (before)</td>" in sample_page
    assert "<th>credited to</th>" in sample_page


def test_sample_report_is_self_contained(sample_page: str) -> None:
    for tag, attrs in parse(sample_page).tags:
        assert tag not in ("link", "iframe", "object", "embed", "img")
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith(("#", "http://", "https://")), href


def test_one_script_admitted_by_its_hash(sample_page: str) -> None:
    tags = parse(sample_page)
    assert len(tags.scripts) == 1
    policy = next(
        attrs["content"]
        for tag, attrs in tags.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy == csp(tags.scripts[0])
    assert f"script-src '{script_hash(tags.scripts[0])}';" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("style-src")[0]


def test_hostile_text_is_shown_everywhere(hostile_page: str) -> None:
    # not vacuous: the hostile fields reach the clusters, statements, sources and graph
    for section in ("reposts", "statements", "sources", "graph-view"):
        start = hostile_page.index(f'<section id="{section}">')
        body = hostile_page[start : hostile_page.index("</section>", start)]
        assert "script&gt;document.document" in body.replace("Element", "element"), section
    assert "&quot;&gt;&lt;svg onload=&quot;" in hostile_page  # the title, as published


def test_hostile_page_runs_nothing_of_its_own(hostile_page: str) -> None:
    tags = parse(hostile_page)
    assert len(tags.scripts) == 1 and PWN not in tags.scripts[0]
    for tag, attrs in tags.tags:
        assert tag not in ("img", "iframe", "textarea", "title") or attrs == {}
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().lstrip().startswith("javascript")
    assert "</textarea>" not in hostile_page and "<img" not in hostile_page
    assert parse(hostile_page).tags[0] == ("html", {"lang": "zh"})


def test_timeline_rows_by_outlet_with_undated_echoes_apart() -> None:
    def page(doc_id: str, source: str | None, date: str | None) -> Document:
        return Document(doc_id, "正文", None, source, "飞象网", None, date, 0, 2, "h")

    docs = {
        "a": page("a", "求是网", "2026-02-23T11:57"),
        "b": page("b", "<b>中国理论网</b>", "2026-02-24T08:30"),
        "c": page("c", None, None),
        "d": page("d", "求是网", "2026-02-25T08:00"),
    }
    occurrences = [
        {"doc": d, "date": docs[d].date, "quoted": d != "b", "text": "大而不强"} for d in docs
    ]
    svg = timeline_svg(occurrences, docs)
    assert svg.count("<circle") == 4 and svg.count('fill="#fff"') == 1  # b echoed unquoted
    # one row per credited outlet, as the card counts sources (a page crediting none: its site)
    assert svg.count('<line class="axis"') == 3
    assert ">求是网<" in svg and ">飞象网<" in svg
    assert "&lt;b&gt;中国理论网" in svg and "<b>" not in svg
    assert ">undated<" in svg and ">2026-02-23<" in svg and ">2026-02-25<" in svg
