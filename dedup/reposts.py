"""Repost detection: LSH candidates, exact verification, clusters and their likely originals.

Flow for one incoming document: fold its body -> shingles -> MinHash signature -> band keys
-> candidate documents from the stored index -> each candidate verified on the exact shingle
sets (chrome lines learned per site left out) and scored with Jaccard *and* containment, so a
truncated repost or an article embedded in a longer page is still found -> a ``Flag``.

Clusters are derived from the stored verified pairs, never stored themselves: a page whose
matches sit in separate regions of it (a digest, a 早报 roundup, a repost followed by another
story) is a *container*; it joins every cluster it holds but never joins clusters together,
which is where plain union-find goes wrong. A cluster's id is the number of its first ingested
member, so ids stay put as documents arrive (two clusters that a new repost proves to be one
keep the older id).
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from dedup.chrome import ChromeModel, line_hashes
from dedup.config import Config
from dedup.documents import DocInfo, Document
from dedup.fingerprint import distinct, shingle_sequence, signatures
from dedup.index import BandIndex, band_key_matrix
from dedup.normalize import fold
from dedup.store import ConflictError, Store

# Number of a document being checked, not stored: after every stored one, so it loses ties.
_UNSTORED = 2**62

# Two matched regions of one page overlapping less than this share of the shorter one are
# separate articles on that page.
_DISJOINT = 0.5


@dataclass(frozen=True)
class Body:
    """A document body in the form comparisons use."""

    folded: str
    line_starts: np.ndarray  # folded offsets where each original line starts
    body_hash: str

    @classmethod
    def of(cls, doc: Document) -> Body:
        body = doc.body
        folded = fold(body)
        newlines = np.flatnonzero(np.frombuffer(body.encode("utf-32-le"), np.uint32) == 10) + 1
        starts = np.unique(np.concatenate([[0], np.searchsorted(folded.offsets, newlines)]))
        starts = starts[starts < max(len(folded.text), 1)]
        digest = hashlib.sha256(folded.text.encode("utf-8")).hexdigest()
        return cls(folded.text, starts.astype(np.int64), digest)

    @functools.cached_property
    def lines(self) -> list[tuple[int, int, int]]:
        """``(start, end, hash)`` of its short lines; read by chrome lookup, masking and
        learning, so hashed once."""
        return line_hashes(self.folded, self.line_starts)


@dataclass(frozen=True)
class Prepared:
    """A document with everything detection needs that depends on it alone.

    Computed in batches (:func:`prepare`) so signatures are made by one vectorised call,
    not one per document.
    """

    doc: Document
    body: Body
    shingles: np.ndarray  # hash of the shingle at each folded position
    sig: np.ndarray
    keys: np.ndarray  # LSH band keys (int64, one per band); empty for an empty body


@dataclass(frozen=True)
class Match:
    """A verified pair: scores and the shared region in each folded body."""

    n: int
    jaccard: float
    containment: float
    span: tuple[int, int]  # in the document being checked
    other_span: tuple[int, int]
    exact: bool = False  # the two folded bodies are identical

    def is_repost(self, cfg: Config) -> bool:
        return (
            self.jaccard >= cfg.jaccard_threshold or self.containment >= cfg.containment_threshold
        )


@dataclass(frozen=True)
class Flag:
    """What ingestion says about one document."""

    doc: str
    status: str  # new | repost | duplicate | unchanged | replaced
    of: str | None = None  # the likely original of the cluster it joined
    match: str | None = None  # the stored document it matched best
    jaccard: float | None = None
    containment: float | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def compare(
    a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray], k: int, n: int = -1
) -> Match | None:
    """Exact Jaccard and containment of two bodies given as :func:`shingled` pairs.

    ``n`` names ``b`` in the returned match.
    """
    (seq_a, set_a), (seq_b, set_b) = a, b
    if not set_a.size or not set_b.size:
        return None
    shared = np.intersect1d(set_a, set_b, assume_unique=True)
    if not shared.size:
        return None
    union = set_a.size + set_b.size - shared.size
    return Match(
        n=n,
        jaccard=shared.size / union,
        containment=shared.size / min(set_a.size, set_b.size),
        span=_region(seq_a, shared, k),
        other_span=_region(seq_b, shared, k),
    )


def shingled(
    body: Body, chrome: set[int], k: int, seq: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """A body as comparisons need it: its shingle hash at each position (0 where the shingle
    starts inside a chrome line) and the distinct hashes left. ``seq``: the hashes if known."""
    seq = shingle_sequence(body.folded, k) if seq is None else seq
    spans = [(start, end) for start, end, h in body.lines if h in chrome] if chrome else []
    if spans:
        seq = seq.copy()
        for start, end in spans:
            seq[start:end] = 0
    return seq, distinct(seq[seq != 0])


def _region(seq: np.ndarray, shared: np.ndarray, k: int) -> tuple[int, int]:
    """Folded span holding the bulk (5th-95th percentile) of the shared shingles."""
    slot = np.minimum(np.searchsorted(shared, seq), shared.size - 1)
    where = np.flatnonzero(shared[slot] == seq)
    last = where.size - 1
    return int(where[last * 5 // 100]), int(where[last * 95 // 100]) + k


def prepare(docs: Sequence[Document], cfg: Config) -> list[Prepared]:
    """Fold, shingle and sign a batch of documents: pure work, no store access."""
    bodies = [Body.of(doc) for doc in docs]
    sequences = [shingle_sequence(body.folded, cfg.shingle_size) for body in bodies]
    sigs = signatures([distinct(seq) for seq in sequences], cfg)
    keys = band_key_matrix(sigs, cfg) if len(docs) else np.empty((0, cfg.lsh_bands), np.int64)
    return [
        Prepared(doc, body, seq, sig, row if seq.size else row[:0])
        for doc, body, seq, sig, row in zip(docs, bodies, sequences, sigs, keys, strict=True)
    ]


class Detector:
    """Checks documents against the stored corpus and adds them to it.

    ``check`` only reads; ``add`` stores the document, its signature, band keys, learned chrome
    lines and verified matches, inside the caller's transaction (``store.transaction()``).
    """

    def __init__(self, store: Store, cfg: Config | None = None) -> None:
        self.store = store
        self.cfg = cfg or Config()
        store.check_settings(
            {
                "shingle_size": self.cfg.shingle_size,
                "num_perm": self.cfg.num_perm,
                "seed": self.cfg.seed,
                "lsh_bands": self.cfg.lsh_bands,
                "lsh_rows": self.cfg.lsh_rows,
            }
        )
        self.index = BandIndex(store.db, self.cfg)
        self.chrome = ChromeModel(store.db, self.cfg)
        self._pending: list[tuple[int, np.ndarray]] = []  # (doc, band keys) not yet indexed
        self._pending_keys: dict[tuple[int, int], list[int]] = {}  # (band, key) -> docs

    # -- public API ----------------------------------------------------------------------

    def check(self, doc: Document) -> Flag:
        """Flag ``doc`` against the stored corpus without storing anything."""
        known = self.store.lookup(doc.id)
        if known and known[1] == doc.content_hash:
            return self._stored_flag(doc.id, known[0])
        prepared = prepare([doc], self.cfg)[0]
        exclude = known[0] if known else None  # its own older version is no original of it
        matches = self._matches(prepared, exclude)
        return self._flag(doc.id, matches, self._original(doc, _UNSTORED, matches))

    def add(self, doc: Document, replace: bool = False) -> Flag:
        """Store ``doc`` and return its flag. Same id and content again is a no-op."""
        flag = self.add_prepared(prepare([doc], self.cfg)[0], replace)
        self.flush()
        return flag

    def add_prepared(self, item: Prepared, replace: bool = False) -> Flag:
        """``add`` for a document already through :func:`prepare` (ingestion's batch path).

        Its band keys wait in memory, where the next documents of the batch find them, until
        ``flush`` writes the whole batch to the index in key order (one sorted bulk insert is
        several times cheaper than one per document). Call ``flush`` before committing.
        """
        doc, body = item.doc, item.body
        known = self.store.lookup(doc.id)
        replaced = False
        if known:
            if known[1] == doc.content_hash:
                return Flag(doc.id, "unchanged")
            if not replace:
                raise ConflictError(f"id {doc.id!r} is stored with other content (use --replace)")
            self._remove(known[0])
            replaced = True
        matches = self._matches(item, exclude=None)
        n = self.store.insert(doc, body.folded, body.line_starts, body.body_hash)
        self.store.put_signature(n, item.sig)
        if item.keys.size:
            self._pending.append((n, item.keys))
            for band, key in enumerate(item.keys.tolist()):
                self._pending_keys.setdefault((band, key), []).append(n)
        self.chrome.learn(doc.site, (h for _, _, h in body.lines))
        if matches:
            self.store.db.executemany(
                "INSERT OR REPLACE INTO matches VALUES (?,?,?,?,?,?,?,?)",
                [(n, m.n, m.jaccard, m.containment, *m.span, *m.other_span) for m in matches],
            )
        original = self._original(doc, n, matches)
        if original.n != n:
            self.store.set_original(n, original.n)
        flag = self._flag(doc.id, matches, original)
        if replaced and flag.status == "new":
            return Flag(doc.id, "replaced")
        return flag

    # -- internals -----------------------------------------------------------------------

    def _matches(self, item: Prepared, exclude: int | None) -> list[Match]:
        """Verified reposts among the LSH candidates (an exact duplicate shares every band, so
        it is always a candidate)."""
        k = self.cfg.shingle_size
        body = item.body
        if len(body.folded) - k + 1 < self.cfg.min_shingles:
            return []
        keys = item.keys.tolist()
        shared = Counter(dict(self.index.shared_bands(keys) if keys else []))
        for band, key in enumerate(keys):
            for n in self._pending_keys.get((band, key), ()):
                shared[n] += 1
        shared.pop(exclude, None)
        if not shared:
            return []
        # Most shared bands first: beyond this many, a viral article's hundredth copy would be
        # verified against all the others, and ingestion would grow quadratic.
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        candidates = [n for n, _ in ranked[: self.cfg.max_candidates]]
        chrome_a = self.chrome.chrome(item.doc.site, (h for _, _, h in body.lines))
        mine = shingled(body, chrome_a, k, item.shingles)  # once, not per candidate
        found = []
        for n in candidates:
            folded, line_starts, body_hash, site = self.store.folded(n)
            if body_hash == body.body_hash:  # wire copies are often exact: nothing to compare
                whole = (0, len(folded))
                found.append(Match(n, 1.0, 1.0, whole, whole, exact=True))
                continue
            other = Body(folded, line_starts, body_hash)
            chrome_b = self.chrome.chrome(site, (h for _, _, h in other.lines))
            match = compare(mine, shingled(other, chrome_b, k), k, n)
            if match and match.is_repost(self.cfg):
                found.append(match)
        return _best_first(found)

    def _original(self, doc: Document, n: int, matches: list[Match]) -> DocInfo:
        """The likely original of the article ``doc`` (stored as ``n``) repeats.

        Chosen among the document, its matches and *their* originals, whose stored original
        already sums up their clusters: one lookup whatever a cluster's size, where recomputing
        the cluster would cost a scan of it for every repost of a viral article. Reports
        recompute clusters exactly (``clusters``), containers included.
        """
        own = DocInfo(n, doc.id, doc.title, doc.source, doc.site, doc.date)
        if not matches:
            return own
        ns = [m.n for m in matches]
        infos = self.store.infos({*ns, *self.store.originals(ns)})
        infos[n] = own
        return infos[_pick_original(infos, set())]

    def _flag(self, doc_id: str, matches: list[Match], original: DocInfo) -> Flag:
        if not matches:
            return Flag(doc_id, "new")
        best = matches[0]
        return Flag(
            doc_id,
            "duplicate" if best.exact else "repost",
            original.id,
            self.store.infos([best.n])[best.n].id,
            round(best.jaccard, 4),
            round(best.containment, 4),
        )

    def _stored_flag(self, doc_id: str, n: int) -> Flag:
        """The flag a stored document got, rebuilt from its stored matches and original."""
        rows = self.store.db.execute(
            "SELECT b, jaccard, containment, a_start, a_end, b_start, b_end FROM matches WHERE a = ?",
            (n,),
        ).fetchall()
        own = self.store.body_hash(n)
        matches = [
            Match(r[0], r[1], r[2], (r[3], r[4]), (r[5], r[6]), self.store.body_hash(r[0]) == own)
            for r in rows
        ]
        original = self.store.originals([n])[0]
        infos = self.store.infos({original, n})
        return self._flag(doc_id, _best_first(matches), infos.get(original) or infos[n])

    def flush(self) -> None:
        """Write what the documents added since the last flush taught: band keys, chrome counts."""
        self.chrome.flush()
        if self._pending:
            docs = np.array([n for n, _ in self._pending], dtype=np.int64)
            self.index.add_keys(docs, np.stack([keys for _, keys in self._pending]))
        self._pending.clear()
        self._pending_keys.clear()

    def _remove(self, n: int) -> None:
        self.flush()
        folded, line_starts, body_hash, site = self.store.folded(n)
        self.chrome.learn(site, (h for _, _, h in Body(folded, line_starts, body_hash).lines), -1)
        self.index.remove(n)
        self.store.delete(n)


def _best_first(matches: list[Match]) -> list[Match]:
    """Strongest match first (by its higher score), ties to the earlier document."""
    return sorted(matches, key=lambda m: (-max(m.jaccard, m.containment), m.n))


# -- clusters -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    n: int
    doc: DocInfo
    jaccard: float  # against the original, or its best pair in the cluster (_member_scores)
    containment: float
    container: bool  # a page holding this article among others


@dataclass(frozen=True)
class Cluster:
    id: int
    original: Member
    members: list[Member]  # original first, then by date


def _edges(store: Store) -> list[tuple]:
    """All verified pairs: (a, b, jaccard, containment, a_start, a_end, b_start, b_end)."""
    return store.db.execute(
        "SELECT a, b, jaccard, containment, a_start, a_end, b_start, b_end FROM matches"
    ).fetchall()


def _containers(edges: Iterable[tuple], docs: dict[int, DocInfo]) -> set[int]:
    """Pages whose matches sit in two or more separate regions: each holds several articles.

    Only the later page of a pair counts its region: a digest comes after the articles it
    holds, while an original that two excerpts quote in different places comes before them
    and stays an article. Later means later dated when both are dated, else later ingested.
    """
    regions: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, b, _, _, a0, a1, b0, b1 in edges:
        date_a, date_b = docs[a].date, docs[b].date
        b_is_later = bool(date_a and date_b and date_b > date_a)
        if b_is_later:
            regions[b].append((b0, b1))
        else:
            regions[a].append((a0, a1))
    return {n for n, spans in regions.items() if _has_disjoint(spans)}


def _has_disjoint(spans: list[tuple[int, int]]) -> bool:
    for i, (s0, e0) in enumerate(spans):
        for s1, e1 in spans[i + 1 :]:
            overlap = max(0, min(e0, e1) - max(s0, s1))
            if overlap < _DISJOINT * min(e0 - s0, e1 - s1):
                return True
    return False


def clusters(store: Store) -> list[Cluster]:
    """Repost clusters, largest first, computed from the stored verified pairs."""
    edges = _edges(store)
    docs = store.infos({n for edge in edges for n in edge[:2]})
    containers = _containers(edges, docs)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    attached: dict[int, set[int]] = defaultdict(set)  # article doc -> containers holding it
    for a, b, *_ in edges:
        if a in containers and b in containers:
            continue
        if a in containers or b in containers:
            inner, outer = (b, a) if a in containers else (a, b)
            attached[inner].add(outer)
            find(inner)
            continue
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, set[int]] = defaultdict(set)
    for n in list(parent):
        groups[find(n)].add(n)
    scores = _pair_scores(edges)
    result = []
    for core in groups.values():
        members = set(core)
        for n in core:
            members |= attached.get(n, set())
        if len(members) < 2:
            continue
        orig = _pick_original({n: docs[n] for n in members}, containers)
        original = Member(orig, docs[orig], 1.0, 1.0, orig in containers)
        ordered = sorted(members - {orig}, key=lambda n: (docs[n].date or "9999", n))
        result.append(
            Cluster(
                id=min(core),
                original=original,
                members=[original]
                + [
                    Member(n, docs[n], *_member_scores(n, orig, members, scores), n in containers)
                    for n in ordered
                ],
            )
        )
    return sorted(result, key=lambda c: (-len(c.members), c.id))


def _pair_scores(edges: Iterable[tuple]) -> dict[tuple[int, int], tuple[float, float]]:
    return {(min(a, b), max(a, b)): (round(j, 4), round(c, 4)) for a, b, j, c, *_ in edges}


def _member_scores(
    n: int, orig: int, members: set[int], scores: dict[tuple[int, int], tuple[float, float]]
) -> tuple[float, float]:
    """Scores against the original if the two were compared, else the member's best pair in
    the cluster (a repost of a repost was verified against its source, not the original)."""
    pair = scores.get((min(n, orig), max(n, orig)))
    if pair:
        return pair
    own = [scores[(min(n, m), max(n, m))] for m in members if (min(n, m), max(n, m)) in scores]
    return max(own, key=max, default=(0.0, 0.0))


def _pick_original(docs: dict[int, DocInfo], containers: set[int]) -> int:
    """Earliest dated article; ties to the outlet the others credit, then first ingested."""
    articles = [n for n in docs if n not in containers] or list(docs)
    credited = defaultdict(int)
    for n in docs:
        if docs[n].source:
            credited[docs[n].source] += 1

    def key(n: int) -> tuple:
        doc = docs[n]
        own = {doc.site, doc.source} - {None}
        credit = max((credited[o] - (o == doc.source) for o in own), default=0)
        return (doc.date is None, doc.date or "", -credit, n)

    return min(articles, key=key)
