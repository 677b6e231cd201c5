"""The echo graph on the bundled samples (truth in samples/README.md) and on hand-made pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup.documents import Document
from dedup.graph import GraphFilter, build_graph, cascade, parse_time, reposts, voices
from dedup.normalize import fold
from dedup.reposts import Cluster, Member, clusters
from dedup.store import Store
from tests.conftest import ROOT

SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def echo(samples_db: Path) -> nx.MultiDiGraph:
    with Store(samples_db) as store:
        return build_graph(store)


def page(
    doc_id: str, date: str | None, source: str | None = None, site: str | None = None
) -> Document:
    text = "科技创新和产业创新相互促进，是发展新质生产力的关键。"
    return Document(doc_id, text, None, source, site, None, date, 0, len(text), doc_id)


def edges_of(graph: nx.MultiDiGraph, kind: str) -> dict[tuple[str, str], dict]:
    return {(u, v): d for u, v, k, d in graph.edges(keys=True, data=True) if k == kind}


# ------------------------------------------------------------------------ the samples


def test_reposters_point_at_the_outlet_they_reposted(echo: nx.MultiDiGraph) -> None:
    found = edges_of(echo, "reposts")
    # each repost in samples/README.md, from the page's site to the original's outlet
    for reposter, original in [
        ("中国理论网", "求是网"),  # 101 reposts 000, credits 求是网
        ("华闻资讯网", "经济日报"),  # 103 reposts 003, 轉載自：經濟日報
        ("湘江在线", "央视新闻"),  # 107 reposts 002
        ("新浪财经", "经济参考报"),  # feed-0002 reposts 004
    ]:
        edge = found[f"outlet:{reposter}", f"outlet:{original}"]
        assert (edge["weight"], edge["credited"]) == (1, 1)
    # the digest (104) names no source, so its repost of 004 did not credit 经济参考报
    digest = found["outlet:doc:104_004_in_digest", "outlet:经济参考报"]
    assert (digest["weight"], digest["credited"]) == (1, 0)
    # 106 quotes 000 but reposts nothing; 102 is 央视新闻 re-running its own story
    assert not [e for e in found if e[0] == "outlet:科技创新周刊"]
    assert not [e for e in found if e[0] == "outlet:央视新闻"]


def test_follower_lag_is_hours_after_the_first_carrier(echo: nx.MultiDiGraph) -> None:
    after = edges_of(echo, "echoes_after")
    # 101 (2026-02-24 08:30) carried 000's article (2026-02-23 11:57): 20 h 33 min later
    edge = after["outlet:中国理论网", "outlet:求是网"]
    assert edge["min_lag_hours"] == pytest.approx(20 + 33 / 60, abs=0.01)
    assert edge["articles"] == 1 and edge["first_seen"] == "2026-02-24T08:30:00"
    # 106 (2026-03-02 14:20) quotes 000's 2月9日 statement: one statement, 170 h 23 min later
    edge = after["outlet:科技创新周刊", "outlet:求是网"]
    assert edge["statements"] >= 1
    assert edge["min_lag_hours"] == pytest.approx(170 + 23 / 60, abs=0.01)
    # nobody echoes after a later outlet, and the first carrier never follows itself
    assert all(u != v for u, v in after)


def test_slogan_node_and_who_echoed_it(echo: nx.MultiDiGraph) -> None:
    (node,) = [n for n, d in echo.nodes(data=True) if d.get("text") == "大而不强"]
    attrs = echo.nodes[node]
    assert attrs["kind"] == "slogan"
    assert attrs["first_seen"] == "2024-02-14T05:21:00"  # seed 003, 经济日报
    echoing = {u for u, _ in edges_of(echo, "echoes") if _ == node}
    # 000 and 101 (求是网, on 飞象网 and 中国理论网), 003 and 103 (经济日报)
    assert {"outlet:求是网", "outlet:经济日报", "outlet:飞象网", "outlet:中国理论网"} <= echoing
    assert attrs["echoes"] == 4  # pages 000, 101, 003, 103


def test_speaker_said_the_statement_outlets_echoed(echo: nx.MultiDiGraph) -> None:
    said = edges_of(echo, "said")
    statement = next(
        n
        for n, d in echo.nodes(data=True)
        if d.get("speaker") == "习近平" and "关键在科技自立自强" in fold(d.get("text", "")).text
    )
    assert ("speaker:习近平", statement) in said
    # quoted in 000, 101, 106 and unquoted in 002, 102, 107 (samples/README.md)
    assert echo.nodes[statement]["echoes"] == 6
    assert echo.nodes[statement]["quoted"] == 3
    assert echo.nodes["speaker:习近平"]["kind"] == "speaker"


def test_outlet_node_counts(echo: nx.MultiDiGraph) -> None:
    cctv = echo.nodes["outlet:央视新闻"]
    # 002, 102, 107 credit 央视新闻; it is the original of one cluster, reposted twice
    assert (cctv["kind"], cctv["articles"], cctv["originals"], cctv["reposted"]) == (
        "outlet",
        3,
        1,
        2,
    )
    assert echo.nodes["outlet:湘江在线"]["kind"] == "site"


def test_date_window_drops_documents_outside_it(samples_db: Path) -> None:
    with Store(samples_db) as store:
        graph = build_graph(store, GraphFilter(since="2026"))
    names = {d["label"] for _, d in graph.nodes(data=True) if d["kind"] in ("outlet", "site")}
    assert "经济日报" not in names  # its pages are from 2024
    assert {"求是网", "央视新闻", "科技创新周刊"} <= names
    dated = [d["first_seen"] for _, d in graph.nodes(data=True) if "first_seen" in d]
    assert min(dated) >= "2026"


def test_speaker_filter_keeps_only_that_speakers_statements(samples_db: Path) -> None:
    with Store(samples_db) as store:
        graph = build_graph(store, GraphFilter(speaker="習近平", kind="statement"))
    statements = [d for _, d in graph.nodes(data=True) if "text" in d]
    assert statements and all(d["speaker"] == "习近平" for d in statements)
    assert {d["kind"] for _, d in graph.nodes(data=True) if d["kind"] == "speaker"} == {"speaker"}


# --------------------------------------------------------------------- pure functions


def test_repost_credit_follows_what_the_page_names() -> None:
    original = page("a", "2024-02-14T05:21", "经济日报", "每日看点快看")
    credits_site = page("b", "2024-02-15T10:12", "每日看点快看", "华闻资讯网")
    silent = page("c", "2024-02-16T09:00", None, "东方网")
    docs = [original, credits_site, silent]
    found = reposts(docs, [_cluster_of(docs)])
    by_doc = {r.doc.id: r for r in found}
    # the original's own page: its site carried 经济日报's article, crediting it
    assert (by_doc["a"].reposter, by_doc["a"].target, by_doc["a"].credited) == (
        "每日看点快看",
        "经济日报",
        True,
    )
    assert (by_doc["b"].target, by_doc["b"].credited) == ("经济日报", True)
    assert (by_doc["c"].reposter, by_doc["c"].credited) == ("东方网", False)


def _cluster_of(docs: list[Document]) -> Cluster:
    """A cluster of ``docs``, the first as original, the shape ``reposts.clusters`` gives."""
    members = [Member(i, d, 1.0, 1.0, False) for i, d in enumerate(docs)]
    return Cluster(0, members[0], members)


def test_cascade_ignores_undated_pages_and_same_time_carriers() -> None:
    first = page("a", "2026-02-23T11:57", "求是网", "飞象网")
    later = page("b", "2026-02-24T08:30", "求是网", "中国理论网")
    undated = page("c", None, "科技日报")
    found = cascade([later, undated, first], statement=True)
    assert found is not None and found.first == "求是网"
    # 飞象网 carried it in the same page as 求是网: no lag; 科技日报 has no date: no place
    assert dict(found.lags) == {"中国理论网": pytest.approx(20.55)}
    assert cascade([undated], statement=True) is None


def test_parse_time_accepts_the_shapes_documents_store() -> None:
    assert parse_time("2025-05-22") == datetime(2025, 5, 22)
    assert parse_time("2026-02-23T11:57") == datetime(2026, 2, 23, 11, 57)
    assert parse_time("2026-02-23T11:57:00+08:00") == datetime(2026, 2, 23, 3, 57)
    assert parse_time("发布时间") is None and parse_time(None) is None


def test_voices_name_outlet_then_site_once() -> None:
    assert voices(page("a", None, "求是网", "飞象网")) == ("求是网", "飞象网")
    assert voices(page("a", None, "央视新闻", "央视新闻")) == ("央视新闻",)
    assert voices(page("x", None)) == ("doc:x",)


OUTLETS = st.sampled_from(["求是网", "央视新闻", "经济日报", "新浪财经", None])


@given(
    st.lists(
        st.tuples(OUTLETS, OUTLETS, st.integers(0, 24 * 30), st.booleans()),
        min_size=1,
        max_size=12,
    )
)
def test_cascade_lags_are_positive_and_measured_from_the_earliest_page(rows: list) -> None:
    base = datetime(2026, 3, 1, 8, 0)
    docs = [
        page(f"d{i}", (base + timedelta(hours=h)).isoformat() if dated else None, source, site)
        for i, (source, site, h, dated) in enumerate(rows)
    ]
    found = cascade(docs, statement=False)
    dated = [d for d in docs if d.date]
    if not dated:
        assert found is None
        return
    assert found is not None
    assert found.start == min(parse_time(d.date) for d in dated)
    assert found.first not in found.lags
    assert all(lag > 0 for lag in found.lags.values())
    for voice, lag in found.lags.items():
        earliest = min(parse_time(d.date) for d in dated if voice in voices(d))
        assert lag == pytest.approx((earliest - found.start).total_seconds() / 3600)
    # the order pages arrive in changes nothing
    assert cascade(list(reversed(docs)), statement=False) == found


@given(st.text(alphabet="0123456789-T:", max_size=16), st.sampled_from(["2024", "2025-05", None]))
def test_window_admits_like_statement_select(date: str, since: str | None) -> None:
    window = GraphFilter(since=since, until="2025-05-21")
    # a date as precise as the bound compares as it is; a coarser one (2025 against 2025-05)
    # may lie on either side, and is kept
    coarser = since is not None and 4 <= len(date) < len(since) and since.startswith(date)
    expected = (
        date is not None
        and (since is None or date >= since or coarser)
        and date[: len("2025-05-21")] <= "2025-05-21"
    )
    assert window.admits(date) == expected
    assert GraphFilter().admits(None)


def test_samples_clusters_match_graph_originals(samples_db: Path, echo: nx.MultiDiGraph) -> None:
    with Store(samples_db) as store:
        found = clusters(store)
    originals = sum(d.get("originals", 0) for _, d in echo.nodes(data=True))
    assert originals == len(found) == 5
