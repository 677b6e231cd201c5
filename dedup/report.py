"""Reports as plain data: every command's JSON form is built here, the CLI only prints it.

Schemas (one object per line in ``--format jsonl``):
- docs: ``{"doc", "title", "source", "site", "date", "url", "chars", "origin"}``
- reposts: ``{"cluster", "original", "size", "passage", "members": [{"doc", "source", "site",
  "date", "jaccard", "containment", "container"}]}``
"""

from __future__ import annotations

from collections.abc import Iterator

from dedup.normalize import fold
from dedup.reposts import Cluster, clusters
from dedup.store import IN_IDS, Store, id_list

PASSAGE_CHARS = 80


def doc_records(store: Store) -> Iterator[dict[str, object]]:
    for _, doc in store.documents():
        yield {
            "doc": doc.id,
            "title": doc.title,
            "source": doc.source,
            "site": doc.site,
            "date": doc.date,
            "url": doc.url,
            "chars": len(doc.body),
            "origin": doc.where,
        }


def repost_records(store: Store) -> list[dict[str, object]]:
    return [cluster_record(store, c) for c in clusters(store)]


def cluster_record(store: Store, cluster: Cluster) -> dict[str, object]:
    return {
        "cluster": cluster.id,
        "original": cluster.original.doc.id,
        "size": len(cluster.members),
        "passage": matched_passage(store, cluster),
        "members": [
            {
                "doc": m.doc.id,
                "source": m.doc.source,
                "site": m.doc.site,
                "date": m.doc.date,
                "jaccard": m.jaccard,
                "containment": m.containment,
                "container": m.container,
            }
            for m in cluster.members
        ],
    }


def matched_passage(store: Store, cluster: Cluster) -> str:
    """The start of the region the original shares with its closest member, as published."""
    orig = cluster.original.n
    others = id_list(m.n for m in cluster.members if m.n != orig)
    row = store.db.execute(
        f"SELECT a, b, a_start, a_end, b_start, b_end FROM matches WHERE (a = ? AND b {IN_IDS})"
        f" OR (b = ? AND a {IN_IDS}) ORDER BY MAX(jaccard, containment) DESC LIMIT 1",
        (orig, others, orig, others),
    ).fetchone()
    if row is None:
        return ""
    start, end = (row[2], row[3]) if row[0] == orig else (row[4], row[5])
    body = store.document(cluster.original.n).body
    folded = fold(body)
    if not len(folded.text):
        return ""
    begin, finish = folded.span(start, min(end, len(folded.text)))
    text = " ".join(body[begin:finish].split())
    return clip(text, PASSAGE_CHARS)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with "…" where it was cut."""
    return text if len(text) <= limit else text[:limit] + "…"
