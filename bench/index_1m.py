"""Does the SQLite band index answer "has this been seen?" fast enough at a million documents?

Builds a store of ``--n`` synthetic signatures (random ones plus planted near-duplicates) in a
temporary SQLite file under bench/data/ (git-ignored), then measures:
- insert throughput of ``BandIndex.add_many`` in batches, per tenth of the build (does it slow
  down as the B-tree outgrows the cache?),
- latency of ``candidates`` for >= 2,000 new signatures, half near-duplicates of stored
  documents (recall), half unrelated (false candidates), on a freshly reopened connection,
- peak resident memory and file size.

Synthetic signatures are enough here: banding sees only uint32 values, and a near-duplicate at
Jaccard J is modelled exactly as MinHash does, each position equal with probability J.

Run: ``python bench/index_1m.py [--n 1000000]``; writes reports/index_1m.md.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dedup.config import Config  # noqa: E402
from dedup.index import BandIndex  # noqa: E402

# Connection settings of the run; the report repeats them because they drive the numbers.
PRAGMAS = {"journal_mode": "WAL", "synchronous": "NORMAL", "cache_size": -262144}


def near_duplicate(sig: np.ndarray, jaccard: float, rng: np.random.Generator) -> np.ndarray:
    """A signature agreeing with ``sig`` at each position with probability ``jaccard``."""
    out = sig.copy()
    changed = rng.random(sig.size) >= jaccard
    out[changed] = rng.integers(0, 2**32 - 1, size=int(changed.sum()), dtype=np.uint32)
    return out


def random_sigs(n: int, cfg: Config, rng: np.random.Generator) -> np.ndarray:
    return rng.integers(0, 2**32 - 1, size=(n, cfg.num_perm), dtype=np.uint32)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    for name, value in PRAGMAS.items():
        conn.execute(f"PRAGMA {name} = {value}")
    return conn


def build(
    path: Path, n: int, batch: int, keep: int, cfg: Config, rng: np.random.Generator
) -> tuple[dict[int, np.ndarray], list[tuple[int, float]]]:
    """Fill the index; return ``keep`` stored signatures (query targets) and per-tenth rates.

    One batch in ten gets 1% planted near-duplicates of its own documents, so the store holds
    real clusters, not only singletons.
    """
    conn = connect(path)
    index = BandIndex(conn, cfg)
    targets: dict[int, np.ndarray] = {}
    target_ids = set(rng.choice(n, size=keep, replace=False).tolist())
    rates: list[tuple[int, float]] = []
    tenth = max(n // 10, batch)
    mark, mark_time = 0, time.perf_counter()
    for start in range(0, n, batch):
        sigs = random_sigs(min(batch, n - start), cfg, rng)
        if (start // batch) % 10 == 0:
            for i in range(0, len(sigs) - 1, 100):
                sigs[i + 1] = near_duplicate(sigs[i], 0.8, rng)
        ids = range(start, start + len(sigs))
        with conn:
            index.add_many(zip(ids, sigs, strict=True))
        targets.update((d, sigs[d - start]) for d in ids if d in target_ids)
        done = start + len(sigs)
        if done - mark >= tenth or done == n:
            now = time.perf_counter()
            rates.append((done, (done - mark) / (now - mark_time)))
            print(f"  {done:>9,} docs  {rates[-1][1]:>8,.0f} docs/s  rss {peak_rss_mb():,.0f} MB")
            mark, mark_time = done, now
    conn.close()
    return targets, rates


def query(
    path: Path, targets: dict[int, np.ndarray], cfg: Config, rng: np.random.Generator
) -> dict[str, np.ndarray | float]:
    """Time candidates() for near-duplicates of stored docs and for unrelated signatures."""
    conn = connect(path)
    index = BandIndex(conn, cfg)
    latencies, found, false_counts = [], 0, []
    for doc, sig in targets.items():
        q = near_duplicate(sig, float(rng.uniform(0.5, 0.9)), rng)
        t = time.perf_counter()
        result = index.candidates(q)
        latencies.append(time.perf_counter() - t)
        found += doc in result
    for q in random_sigs(len(targets), cfg, rng):
        t = time.perf_counter()
        result = index.candidates(q)
        latencies.append(time.perf_counter() - t)
        false_counts.append(len(result))
    conn.close()
    return {
        "latency_ms": np.array(latencies) * 1000,
        "recall": found / len(targets),
        "false_candidates": float(np.mean(false_counts)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="documents in the store")
    parser.add_argument("--queries", type=int, default=2000, help="queries (half near-dups)")
    parser.add_argument("--batch", type=int, default=100_000, help="documents per transaction")
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "data" / "index_1m.db")
    parser.add_argument("--report", type=Path, default=ROOT / "reports" / "index_1m.md")
    args = parser.parse_args()
    cfg = Config()
    rng = np.random.default_rng(2024)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)

    print(f"building {args.n:,} signatures into {args.db}")
    t0 = time.perf_counter()
    targets, rates = build(args.db, args.n, args.batch, args.queries // 2, cfg, rng)
    build_s = time.perf_counter() - t0
    rss_build = peak_rss_mb()
    size_mb = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*")) / 2**20

    print(f"querying {len(targets) * 2:,} signatures")
    result = query(args.db, targets, cfg, rng)
    lat = result["latency_ms"]
    p50, p95, p99 = np.percentile(lat, [50, 95, 99])
    print(f"p50 {p50:.2f} ms  p95 {p95:.2f} ms  p99 {p99:.2f} ms  recall {result['recall']:.3f}")

    rate_rows = "\n".join(f"| {done:,} | {rate:,.0f} |" for done, rate in rates)
    pragmas = ", ".join(f"{k}={v}" for k, v in PRAGMAS.items())
    report = f"""# Band index at {args.n:,} documents (`python bench/index_1m.py --n {args.n}`)

SQLite {sqlite3.sqlite_version}, {cfg.lsh_bands} bands x {cfg.lsh_rows} rows, batches of
{args.batch:,} documents per transaction, pragmas: {pragmas}. Synthetic uint32 signatures;
10% of batches carry 1% near-duplicates (J = 0.8).

| measure | value |
|---|---|
| documents indexed | {args.n:,} |
| build time | {build_s:,.1f} s |
| insert throughput (overall) | {args.n / build_s:,.0f} docs/s |
| database file (with WAL) | {size_mb:,.0f} MB ({size_mb * 2**20 / args.n:,.0f} bytes/doc) |
| peak RSS after build | {rss_build:,.0f} MB |
| queries | {len(lat):,} ({len(targets):,} near-duplicates at J 0.5-0.9, {len(targets):,} unrelated) |
| candidates latency p50 | {p50:.2f} ms |
| candidates latency p95 | {p95:.2f} ms |
| candidates latency p99 | {p99:.2f} ms |
| candidates latency max | {lat.max():.2f} ms |
| recall of near-duplicates | {result["recall"]:.3f} |
| mean candidates for an unrelated signature | {result["false_candidates"]:.3f} |
| peak RSS overall | {peak_rss_mb():,.0f} MB |

Insert throughput as the index grows:

| documents so far | docs/s over the last tenth |
|---|---|
{rate_rows}
"""
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report, encoding="utf-8")
    print(f"wrote {args.report}")


if __name__ == "__main__":
    main()
