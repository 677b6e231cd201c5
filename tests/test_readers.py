"""Readers: every encoding users hand us, JSON lines good and bad, HTML, and odd files."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedup.readers import Problem, Record, decode, decode_damaged, read_paths
from tests.conftest import seed_text

S2T = opencc.OpenCC("s2t")


def _read(*paths: Path | str, stdin: bytes | None = None) -> tuple[list[Record], list[Problem]]:
    items = list(read_paths(paths, io.BytesIO(stdin) if stdin is not None else None))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_simplified_page_decodes_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    text = seed_text(3)
    (tmp_path / "page.txt").write_bytes(text.encode(encoding, errors="replace"))
    records, problems = _read(tmp_path / "page.txt")
    assert not problems
    assert records[0].text == text.encode(encoding, errors="replace").decode(encoding).lstrip(
        "\ufeff"
    )
    assert "坚持科技创新和产业创新一起抓" in records[0].text


@pytest.mark.parametrize("encoding", ["big5", "utf-16", "utf-8"])
def test_traditional_page_decodes(tmp_path: Path, encoding: str) -> None:
    text = S2T.convert(seed_text(1)[:1500])
    (tmp_path / "page.txt").write_bytes(text.encode(encoding, errors="replace"))
    records, problems = _read(tmp_path / "page.txt")
    assert not problems and "以科技創新推動產業創新" in records[0].text


@settings(max_examples=40, deadline=None)
@given(
    start=st.integers(0, 2000),
    length=st.integers(30, 400),
    encoding=st.sampled_from(["gb18030", "big5", "utf-16-le"]),
)
def test_short_snippets_pick_the_right_legacy_encoding(
    start: int, length: int, encoding: str
) -> None:
    """Snippets cut anywhere from real pages (Simplified for GB, Traditional for Big5)."""
    source = seed_text(1) if encoding != "big5" else S2T.convert(seed_text(1))
    snippet = source[start : start + length].encode(encoding, errors="replace")
    expected = snippet.decode(encoding)
    assert decode(snippet)[0] == expected


@settings(max_examples=30, deadline=None)
@given(
    at=st.lists(st.integers(0, 10_000), min_size=1, max_size=3),
    encoding=st.sampled_from(["gb18030", "big5", "utf-8"]),
)
def test_a_page_with_a_few_garbled_bytes_is_read_with_a_warning(
    tmp_path_factory: pytest.TempPathFactory, at: list[int], encoding: str
) -> None:
    page = seed_text(1) if encoding != "big5" else S2T.convert(seed_text(1))
    text = page.encode(encoding, errors="replace").decode(encoding)  # what the file can hold
    data = bytearray(text.encode(encoding))
    for i in at:
        data[i % len(data)] = 0xFF  # a byte no encoding here accepts at that place
    path = tmp_path_factory.mktemp("g") / "page.txt"
    path.write_bytes(bytes(data))
    records, problems = _read(path)
    assert len(records) == 1 and len(problems) <= 1
    if problems:  # stored all the same, with the place of the first bad byte
        (warning,) = problems
        assert not warning.skipped and encoding in warning.message
        first = int(warning.message.rsplit(" ", 1)[1].rstrip(")").replace(",", ""))
        assert min(i % len(data) for i in at) - 3 <= first <= min(i % len(data) for i in at)
    # the damage stays local: the text around it is intact
    assert abs(len(records[0].text) - len(text)) <= 2 * len(at)
    last = max(i % len(data) for i in at)  # a double-byte decoder may stay misaligned a while
    assert records[0].text[-200:] == text[-200:] or last > len(data) - 800


def test_a_json_line_with_a_garbled_byte_is_read_with_a_warning(tmp_path: Path) -> None:
    line = json.dumps({"id": "g", "text": seed_text(3)}, ensure_ascii=False).encode("gb18030")
    path = tmp_path / "feed.jsonl"
    path.write_bytes(line[:300] + b"\xff" + line[301:] + b"\n")
    records, problems = _read(path)
    assert [r.id for r in records] == ["g"]
    assert [(p.where, p.skipped) for p in problems] == [(f"{path}:1", False)]


def test_undecodable_file_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "a_bad.txt").write_bytes(bytes(range(128, 256)) * 20)
    (tmp_path / "b_good.txt").write_text(seed_text(4), encoding="utf-8")
    records, problems = _read(tmp_path)
    assert [r.id for r in records] == ["b_good"]
    assert (
        len(problems) == 1 and "a_bad.txt" in str(problems[0]) and "not text" in problems[0].message
    )


def test_jsonl_bad_line_reported_with_number_good_lines_kept(tmp_path: Path) -> None:
    good = [
        {"id": "a1", "text": seed_text(3), "source": "經濟日報", "date": "2024-02-14"},
        {"id": "a2", "text": seed_text(4), "title": "开展新技术新产品新场景大规模应用示范行动"},
    ]
    lines = [
        json.dumps(good[0], ensure_ascii=False),
        '{"id": "x", "text": "未闭合',
        "[1, 2]",
        json.dumps({"id": "y"}),
        "",
        json.dumps(good[1], ensure_ascii=False),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, problems = _read(tmp_path / "feed.jsonl")
    assert [r.id for r in records] == ["a1", "a2"]
    assert records[0].given == {"source": "經濟日報", "date": "2024-02-14"}
    assert [p.where.rsplit(":", 1)[1] for p in problems] == ["2", "3", "4"]
    assert "missing 'text'" in problems[2].message
    odd = tmp_path / "odd.jsonl"
    odd.write_text(json.dumps({"id": False, "text": "正文"}) + "\n", encoding="utf-8")
    assert [p.message for p in _read(odd)[1]] == ["'id' must be a string or an integer"]
    blank = tmp_path / "blank.jsonl"
    blank.write_text(json.dumps({"id": "z", "text": " "}) + "\n", encoding="utf-8")
    assert [p.message for p in _read(blank)[1]] == ["empty 'text'"]


def test_lone_surrogate_escapes_become_replacement_characters(tmp_path: Path) -> None:
    line = '{"id": "s\\ud800", "text": "坚持科技创新\\ud800和产业创新一起抓\\ud83d\\ude00", "source": "经济\\udc00日报"}'
    (tmp_path / "feed.jsonl").write_text(line + "\n", encoding="utf-8")
    records, problems = _read(tmp_path / "feed.jsonl")
    assert not problems
    assert records[0].text == "坚持科技创新\ufffd和产业创新一起抓\U0001f600"  # a valid pair stays
    assert records[0].id == "s\ufffd" and records[0].given["source"] == "经济\ufffd日报"
    records[0].text.encode("utf-8")  # storable


def test_stdin_reads_json_lines() -> None:
    line = json.dumps({"id": 7, "text": seed_text(2)}, ensure_ascii=False).encode("utf-8")
    records, problems = _read("-", stdin=line + b"\n")
    assert not problems and records[0].id == "7" and records[0].where == "<stdin>:1"


def test_empty_files_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n\n")
    (tmp_path / "notes.md").write_text("不是新闻", encoding="utf-8")
    records, problems = _read(
        tmp_path / "empty.txt", tmp_path / "blank.jsonl", tmp_path / "nope", tmp_path / "notes.md"
    )
    assert not records
    messages = [p.message for p in problems]
    assert messages[0] == "empty file" and messages[1] == "empty file"
    assert "no such file" in messages[2] and "unsupported file type .md" in messages[3]


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in seed_text(3).split("\n") if len(p) > 60)
    html = (
        "<html><head><title>坚持科技创新和产业创新一起抓</title>"
        "<meta property='og:site_name' content='经济日报'></head><body>"
        "<nav><a href='/'>首页</a> <a href='/news'>新闻</a> <a href='/tech'>科技</a></nav>"
        f"<article><h1>坚持科技创新和产业创新一起抓</h1><p>2024-02-14 05:21</p>{paragraphs}</article>"
        "<footer>版权所有 © 经济日报社 京ICP备12345678号</footer></body></html>"
    )
    (tmp_path / "page.html").write_bytes(html.encode("gb18030"))
    records, problems = _read(tmp_path / "page.html")
    assert not problems
    record = records[0]
    assert record.html and record.given["title"] == "坚持科技创新和产业创新一起抓"
    assert record.given["site"] == "经济日报" and record.given["date"] == "2024-02-14"
    assert (
        "科技是第一生产力" in record.text and "首页" not in record.text and "ICP" not in record.text
    )


def test_oversized_jsonl_line_is_skipped_without_reading_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dedup.readers.MAX_PAGE_BYTES", 2000)
    good = json.dumps({"id": "ok", "text": seed_text(3)[:300]}, ensure_ascii=False)
    huge = json.dumps({"id": "huge", "text": seed_text(1)}, ensure_ascii=False)  # > 2,000 bytes
    blank_id = json.dumps({"id": "   ", "text": "正文"}, ensure_ascii=False)
    (tmp_path / "feed.jsonl").write_text("\n".join([huge, good, blank_id, huge]), encoding="utf-8")
    records, problems = _read(tmp_path / "feed.jsonl")
    assert [r.id for r in records] == ["ok"]
    assert [p.where.rsplit(":", 1)[1] for p in problems] == ["1", "3", "4"]
    assert "too large" in problems[0].message and "empty 'id'" in problems[1].message


def test_pages_of_one_name_in_different_folders_are_two_documents(tmp_path: Path) -> None:
    # A crawl mirrors each site's paths: every article may be an index.html of its own.
    for site, seed in (("a.com/news", 1), ("b.com/news", 3)):
        (tmp_path / site).mkdir(parents=True)
        (tmp_path / site / "index.txt").write_text(seed_text(seed), encoding="utf-8")
    (tmp_path / "only.txt").write_text(seed_text(4), encoding="utf-8")
    records, problems = _read(tmp_path)
    assert not problems
    assert sorted(r.id for r in records) == ["a.com/news/index", "b.com/news/index", "only"]


def test_utf8_with_a_cut_character_stays_utf8() -> None:
    # GB18030 takes UTF-8 bytes with fewer replacements and can look like text (鍝佺墝…).
    line = "品牌价值持续提升，消费者认可度高。".encode()
    damaged = line[:4] + line[5:]
    text, encoding, bad, first = decode_damaged(damaged)
    assert encoding == "utf-8" and bad == 1 and first == 3 and text.endswith("消费者认可度高。")
    bom = codecs.BOM_UTF8 + damaged
    assert decode_damaged(bom)[:2] == (text, "utf-8")
