"""The summary of the sample corpus: numbers checked against samples/README.md by hand."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from dedup.documents import Document
from dedup.outlets import sources
from dedup.statements import track
from dedup.store import Store
from dedup.summary import Facts, date_range, lag_hours, render, summary


@pytest.fixture(scope="module")
def data(sample_facts: Facts) -> dict:
    return summary(sample_facts)


def _doc(doc_id: str, date: str | None) -> Document:
    return Document(doc_id, "正文", None, None, None, None, date, 0, 2, "h")


def test_corpus_size_and_date_range(data: dict) -> None:
    # 12 .txt pages + 3 feed.jsonl records; 003 (经济日报, 2024-02-14 05:21) is the earliest,
    # 107 (湘江在线, 2026-03-11 10:02) the latest; every sample is dated
    assert data["documents"] == 15
    assert data["dates"]["first"].startswith("2024-02-14T05:21")
    assert data["dates"]["last"].startswith("2026-03-11T10:02")
    assert data["dates"]["undated"] == 0


def test_clusters_largest_first_with_lags_after_the_original(data: dict) -> None:
    sizes = [r["size"] for r in data["reposts"]]
    assert sizes == sorted(sizes, reverse=True) and sorted(sizes) == [2, 2, 2, 3, 3]
    by_original = {r["original"][:3]: r for r in data["reposts"]}
    cctv = by_original["002"]
    lags = {m["doc"][:3]: m["lag_hours"] for m in cctv["members"]}
    # 002 at 2026-03-10 16:59:52; 102 at 03-11 07:45 (14 h 45 min 8 s), 107 at 10:02 (17 h 2 min)
    assert lags == {"002": 0.0, "102": 14.8, "107": 17.0}
    assert cctv["lag_hours"] == 17.0
    # 001 on 2024-11-18 13:24:40, the edited excerpt 105 on 11-20 09:05: 43 h 40 min
    assert by_original["001"]["lag_hours"] == 43.7


def test_statements_are_echoes_ordered_by_reach(data: dict) -> None:
    rows = data["statements"]
    assert rows and all(r["sources"] >= 2 for r in rows)
    reach = [r["sources"] for r in rows]
    assert reach == sorted(reach, reverse=True)
    slogan = next(r for r in rows if r["text"] == "大而不强")
    # samples/README.md: 大而不强 is in 000, 101 (one cluster) and 003, 103 (another)
    assert sorted(o["doc"][:3] for o in slogan["occurrences"]) == ["000", "003", "101", "103"]
    assert slogan["sources"] == 2 and "大而不强" in slogan["variants"]


def test_report_and_quotes_list_statements_in_one_order(samples_db: Path, data: dict) -> None:
    with Store(samples_db) as store:
        listed = [s.id for s in track(store, min_sources=2)]
    assert [r["statement"] for r in data["statements"]] == listed


def test_sources_are_what_dedup_sources_prints(samples_db: Path, data: dict) -> None:
    with Store(samples_db) as store:
        assert data["sources"] == sources(store)


def test_summary_is_json(data: dict) -> None:
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_lag_hours_needs_two_dates() -> None:
    assert lag_hours("2024-11-20T09:05", "2024-11-18T13:24:40") == 43.7
    assert lag_hours(None, "2024-11-18") is None
    assert lag_hours("2024-11-18", None) is None
    # zoned dates are compared in UTC: 08:00+08:00 is midnight UTC, one hour after 23:00Z
    assert lag_hours("2024-11-19T08:00:00+08:00", "2024-11-18T23:00:00+00:00") == 1.0


def test_date_range_counts_undated_pages() -> None:
    docs = [_doc("a", "2025-05-21T18:40"), _doc("b", None), _doc("c", "2025-04-18")]
    assert date_range(docs) == {"first": "2025-04-18", "last": "2025-05-21T18:40", "undated": 1}
    assert date_range([_doc("b", None)]) == {"first": None, "last": None, "undated": 1}


def _text_of(data: dict, width: int) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(render(data))
    return console.export_text()


@settings(max_examples=15, deadline=None)
@given(width=st.integers(min_value=50, max_value=220))
def test_terminal_summary_fits_the_width(data: dict, width: int) -> None:
    text = _text_of(data, width)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    assert "Repost clusters" in text and "大而不强" in text


def test_names_are_printed_not_read_as_markup(data: dict) -> None:
    row = dict(data["sources"][0], outlet="[bold red]求是网[/]")
    text = _text_of(dict(data, sources=[row]), 160)
    assert "[bold red]求是网[/]" in text
