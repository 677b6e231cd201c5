"""Exports: GEXF 1.3 valid against the official schema, and every format read back by networkx."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from dedup.export import edge_rows, gexf_tree, write, xml_text
from dedup.graph import build_graph
from dedup.pipeline import ingest
from dedup.store import Store
from tests.conftest import ROOT

SCHEMA = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "fixtures" / "gexf-1.3" / "gexf.xsd")))
PORTALS = ["东方网", "北青网", "澎湃新闻", "光明网"]


def valid(path: Path) -> bool:
    ok = SCHEMA.validate(etree.parse(str(path)))
    assert ok, SCHEMA.error_log
    return ok


@pytest.fixture(scope="module")
def samples_graph(samples_db: Path) -> nx.MultiDiGraph:  # noqa: F811
    with Store(samples_db) as store:
        return build_graph(store)


@pytest.fixture(scope="module")
def varied_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    """A larger corpus: every sample page plus reposts of it on other portals, in the other
    script, days later, crediting the page's outlet or not."""
    folder = tmp_path_factory.mktemp("varied")
    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    records = []
    for i, path in enumerate(sorted((ROOT / "samples").glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        for k, portal in enumerate(PORTALS[: 2 + i % 3]):
            convert = s2t if k % 2 else t2s
            record = {
                "id": f"{path.stem}-{k}",
                "text": convert.convert(text),
                "site": portal,
                "date": f"2026-04-{1 + i + k:02d} {8 + k:02d}:30",
            }
            records.append(json.dumps(record, ensure_ascii=False))
    (folder / "reposts.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    with Store(folder / "varied.db") as store:
        ingest([ROOT / "samples", folder / "reposts.jsonl"], store)
        return build_graph(store)


def test_samples_gexf_validates_and_reads_back_with_start_times(
    samples_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    path = tmp_path / "echo.gexf"
    write(samples_graph, path)
    assert valid(path)
    back = nx.read_gexf(path, version="1.3")
    assert set(back) == set(samples_graph)
    assert back.number_of_edges() == samples_graph.number_of_edges()
    for node, attrs in samples_graph.nodes(data=True):
        assert back.nodes[node].get("start") == attrs.get("first_seen")
        assert back.nodes[node]["kind"] == attrs["kind"]
    kinds = {d["label"] for *_, d in back.edges(data=True)}
    assert kinds == {"echoes", "said", "echoes_after", "reposts"}
    starts = [d.get("start") for *_, d in back.edges(data=True)]
    assert all(starts)  # every sample page is dated, so every edge has a start


def test_varied_corpus_gexf_validates_and_reads_back(
    varied_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    assert varied_graph.number_of_nodes() > 40
    path = tmp_path / "varied.gexf"
    write(varied_graph, path)
    assert valid(path)
    back = nx.read_gexf(path, version="1.3")
    assert back.number_of_edges() == varied_graph.number_of_edges()
    portal = back.nodes["outlet:澎湃新闻"]
    assert portal["kind"] == "site" and portal["reposts_made"] >= 1
    assert portal["start"].startswith("2026-04-")


def test_gexf_carries_colour_by_kind_and_size_by_echoes(samples_graph: nx.MultiDiGraph) -> None:
    root = gexf_tree(samples_graph).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    graph = root.find("g:graph", ns)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    colours, sizes = {}, {}
    for node in graph.iterfind("g:nodes/g:node", ns):
        kind = next(
            a.get("value")
            for a in node.iterfind("g:attvalues/g:attvalue", ns)
            if a.get("for") == "kind"
        )
        colour = node.find("g:color", ns)
        colours.setdefault(kind, set()).add((colour.get("r"), colour.get("g"), colour.get("b")))
        sizes[node.get("id")] = float(node.find("g:size", ns).get("value"))
    assert all(len(c) == 1 for c in colours.values())  # one colour per kind
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)  # kinds differ
    # 央视新闻 echoed more statements than 科技创新周刊, so it is drawn larger
    assert sizes["outlet:央视新闻"] > sizes["outlet:科技创新周刊"]


def test_graphml_and_json_read_back(samples_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    write(samples_graph, tmp_path / "echo.graphml")
    write(samples_graph, tmp_path / "echo.json")
    from_graphml = nx.read_graphml(tmp_path / "echo.graphml")
    data = json.loads((tmp_path / "echo.json").read_text(encoding="utf-8"))
    from_json = nx.node_link_graph(data, edges="edges")
    for back in (from_graphml, from_json):
        assert dict(back.nodes(data=True)) == dict(samples_graph.nodes(data=True))
        assert sorted(back.edges(keys=True)) == sorted(samples_graph.edges(keys=True))
    assert from_json.edges["outlet:中国理论网", "outlet:求是网", "reposts"]["credited"] == 1


def test_csv_is_one_row_per_edge(samples_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    write(samples_graph, tmp_path / "echo.csv")
    with open(tmp_path / "echo.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == samples_graph.number_of_edges()
    header, _ = edge_rows(samples_graph)
    assert list(rows[0]) == header
    repost = next(r for r in rows if r["source"] == "outlet:新浪财经" and r["kind"] == "reposts")
    assert (repost["target"], repost["weight"], repost["credited"]) == (
        "outlet:经济参考报",
        "1",
        "1",
    )
    assert repost["median_lag_hours"] == ""  # not a field of repost edges


def test_unknown_extension_is_refused(samples_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown graph format"):
        write(samples_graph, tmp_path / "echo.dot")


def test_xml_text_replaces_only_what_xml_cannot_hold() -> None:
    assert xml_text("習近平\t说：“人工智能+”<&>") == "習近平\t说：“人工智能+”<&>"
    assert xml_text("新动能\x00\x08迸") == "新动能\ufffd\ufffd迸"


NAMES = st.text(min_size=1, max_size=12)
VALUES = st.one_of(
    st.integers(-(2**31), 2**31 - 1),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.text(max_size=20),
)


@st.composite
def graphs(draw: st.DrawFn) -> nx.MultiDiGraph:
    """Small graphs with any text as names and any attribute values the model could hold."""
    graph = nx.MultiDiGraph(name="test")
    nodes = draw(st.lists(NAMES, min_size=1, max_size=6, unique=True))
    for node in nodes:
        extra = draw(st.dictionaries(st.sampled_from(["a", "b", "text"]), VALUES, max_size=3))
        dated = draw(
            st.one_of(st.none(), st.datetimes().map(lambda d: d.isoformat("T", "seconds")))
        )
        attrs = {"label": node, "kind": draw(st.sampled_from(["outlet", "slogan", "x"]))} | extra
        graph.add_node(node, **attrs, **({"first_seen": dated} if dated else {}))
    for u, v, key in draw(
        st.lists(
            st.tuples(
                st.sampled_from(nodes),
                st.sampled_from(nodes),
                st.sampled_from(["echoes", "reposts"]),
            )
        )
    ):
        graph.add_edge(u, v, key=key, kind=key, weight=draw(st.integers(0, 50)))
    return graph


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_any_graph_exports_valid_gexf_that_reads_back(graph: nx.MultiDiGraph) -> None:
    data = ET.tostring(gexf_tree(graph).getroot(), encoding="utf-8")
    assert SCHEMA.validate(etree.fromstring(data)), SCHEMA.error_log
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert set(back) == {xml_text(n) for n in graph}
    assert back.number_of_edges() == graph.number_of_edges()
