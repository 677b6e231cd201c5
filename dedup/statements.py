"""Statements as they echo from outlet to outlet: variant clusters and every occurrence.

Quote extraction (:mod:`dedup.quotes`) says what one article quotes. This module follows
each quotation through the corpus, in three steps, as pure functions over documents:

1. *Mentions.* Every quote in an article's body span, plus every parallel formulation
   (高端化、智能化、绿色化: three or more equal-length parts with one shared last character)
   which outlets repeat without quote marks. Only the body counts: site chrome and the
   unrelated-headline lists after an article never speak for it.
2. *Variants -> statements* (MemeTracker, Leskovec et al. 2009). Mentions are folded
   (:func:`dedup.normalize.fold`: Traditional and Simplified, full and half width, pinyin
   glosses all meet) and deduplicated into variants. Longest first, each variant links to
   the longer variant that contains most of its character shingles (containment, not
   Jaccard, so a shortened quote still finds its parent); the trees are the statements,
   rooted at their longest variant. Short variants (slogans such as 大而不强) join only
   identical text: a few shingles say too little. A known speaker is part of the key: two
   people saying similar words are two statements, an unattributed quote joins either.
3. *Echoes.* Every variant, and every long sentence of a statement, is searched in every
   folded body, so an outlet that repeats a statement without quote marks (seed 002:
   建设社会主义现代化强国,关键在科技自立自强) is found with ``quoted: false``.

``sources`` counts echoing outlets, with each repost cluster counted once: ten portals
reposting one article are one voice, not ten.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import math
import re
import sqlite3
import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata, resources

import networkx as nx
import numpy as np

from dedup.config import Config
from dedup.documents import Document
from dedup.fingerprint import shingle_hashes, shingle_sequence
from dedup.metadata import date_bound, in_window
from dedup.normalize import HAN, Folded, fold, strip_glosses
from dedup.quote_marks import PAIRS
from dedup.quotes import extract_quotes
from dedup.reposts import Cluster, clusters
from dedup.speakers import Speakers
from dedup.store import Store

# Defaults of the settings below; a Config field of the same name overrides each (see
# ``_setting``), so they can move into Config without touching this module.
# Shortest folded text searched for unquoted echoes: shorter strings (制造, 沙箱) are words.
_MIN_ECHO = 4
_KIND_RANK = {"statement": 0, "slogan": 1, "term": 2}
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
_HAN_RUN = rf"[{HAN}]+"
_ENUMERATION = re.compile(rf"{_HAN_RUN}(?:、{_HAN_RUN}){{2,}}")
_FORMULA_PART = range(2, 7)  # characters per part of a parallel formulation
_QUOTE_MARKS = "".join(PAIRS) + "".join(PAIRS.values())


@dataclass(frozen=True)
class Occurrence:
    """One place a statement appears: ``text`` is ``document.text[start:end]`` as published."""

    doc: str
    source: str | None
    date: str | None
    text: str
    start: int
    end: int
    quoted: bool
    # Who this page says spoke here and the evidence (``dedup.quotes.BASES``); None for an
    # unquoted echo, or where the page names nobody.
    speaker: str | None = None
    basis: str | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Statement:
    """A statement or slogan with its variants and every occurrence, earliest first."""

    id: str
    text: str
    speaker: str | None
    kind: str
    variants: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    sources: int
    first_seen: str | None

    def as_dict(self) -> dict[str, object]:
        """The JSONL record: one statement per line."""
        return {
            "statement": self.id,
            "text": self.text,
            "speaker": self.speaker,
            "kind": self.kind,
            "sources": self.sources,
            "first_seen": self.first_seen,
            "occurrences": [o.as_dict() for o in self.occurrences],
        }


@dataclass(frozen=True)
class Mention:
    """A quote or formulation in one document; offsets into ``doc.text``."""

    doc: Document
    start: int
    end: int
    speaker: str | None
    kind: str
    quoted: bool  # False only for formulations found without quote marks
    basis: str | None = None  # what named the speaker (``dedup.quotes.BASES``)

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]


# ------------------------------------------------------------------------------ mentions


def formulations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of parallel formulations (高端化、智能化、绿色化) in ``text[start:end]``.

    Parts are listed with 、; the inner parts fix the part length and the shared last
    character, and the outer parts are cut to that length from the surrounding words
    (推动制造业|高端化、智能化、绿色化|发展). Lists whose parts differ (芯片、软件等) are not
    formulations: they are what a story is about, not a phrase outlets repeat.
    """
    end = len(text) if end is None else end
    found = []
    for m in _ENUMERATION.finditer(text, start, end):
        parts = m.group().split("、")
        inner = parts[1:-1]
        size, last = len(inner[0]), inner[0][-1]
        if size not in _FORMULA_PART or any(len(p) != size or p[-1] != last for p in inner):
            continue
        first, final = parts[0][-size:], parts[-1][:size]
        if len(first) == size and first[-1] == last and len(final) == size and final[-1] == last:
            found.append((m.start() + len(parts[0]) - size, m.end() - len(parts[-1]) + size))
    return found


# A page's controls in quote marks (点击下方“阅读原文”, 点“在看”, 长按“识别二维码”): never an
# echo of anyone. Known button words anywhere, and a short label right after a tap or press
# (not 回复“…” or 搜索“…”, which news uses for what someone answered or looked up).
_CONTROL_WORDS = frozenset(
    {"阅读原文", "在看", "点赞", "分享", "收藏", "星标", "置顶", "原文链接", "查看原文"}
    | {"了解更多", "立即购买", "识别二维码", "二维码", "写留言", "留言"}
)
_TAP = re.compile(r"(?:点击|点按|轻触|长按|戳)[^，。！？；“”\n]{0,5}$")
_LABEL_MAX = 6


def _control(text: str, start: int, end: int) -> bool:
    """The term ``text[start:end]`` names one of the page's controls (see ``_CONTROL_WORDS``)."""
    label = fold(text[start:end]).text
    tapped = _TAP.search(text, max(0, start - 12), max(0, start - 1))
    return label in _CONTROL_WORDS or (tapped is not None and len(label) <= _LABEL_MAX)


def mentions(doc: Document, speakers: Speakers | None = None) -> list[Mention]:
    """Quotes and formulations in the document's body span, in text order; a term that names
    one of the page's controls (点击“阅读原文”) is none."""
    quotes = extract_quotes(doc.text, doc.body_start, doc.body_end, speakers)
    found = [
        Mention(doc, q.start, q.end, q.speaker, q.kind, True, q.basis)
        for q in quotes
        if not (q.kind == "term" and _control(doc.text, q.start, q.end))
    ]
    found += [
        Mention(doc, a, b, None, "slogan", False)
        for a, b in formulations(doc.text, doc.body_start, doc.body_end)
    ]
    return sorted(found, key=lambda m: (m.start, -m.end))


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the package's code and data, of jieba's and OpenCC's versions and of the
    Unicode tables: what quote extraction and folding depend on besides the speaker table
    and the document."""
    import jieba

    try:
        opencc = metadata.version("opencc-python-reimplemented")
    except metadata.PackageNotFoundError:  # run from a source tree without it installed
        opencc = "unknown"
    versions = (jieba.__version__, opencc)
    digest = hashlib.sha1(repr((versions, unicodedata.unidata_version)).encode())
    package = resources.files("dedup")
    for item in sorted(package.iterdir(), key=lambda f: f.name):
        if item.name.endswith(".py"):
            digest.update(item.read_bytes())
    for item in sorted(package.joinpath("data").iterdir(), key=lambda f: f.name):
        digest.update(item.read_bytes())
    return digest.hexdigest()


def stored_mentions(
    store: Store, docs: Sequence[Document], speakers: Speakers | None = None
) -> list[Mention]:
    """Every document's mentions, read from the store where it kept them and found (and kept)
    otherwise.

    Finding quotes is most of a statement query's time (about 5 ms a document), and the
    answer changes only with the document, the speaker table or the code: each is part of
    the key a document's mentions are kept under, so a stale entry is never used. A store
    that cannot be written (read-only file) is still read; nothing is kept then.
    """
    sp = speakers or Speakers.builtin()
    base = f"{_code_digest()}:{sp.fingerprint()}"
    cached = store.mentions()
    found: list[Mention] = []
    fresh = []
    for doc in docs:
        key = hashlib.sha1(f"{base}:{doc.content_hash}:{doc.body_start}:{doc.body_end}".encode())
        key_text = key.hexdigest()
        kept = cached.get(doc.id)
        if kept is not None and kept[0] == key_text:
            found += [Mention(doc, *span) for span in kept[1]]
            continue
        own = mentions(doc, sp)
        found += own
        spans = [[m.start, m.end, m.speaker, m.kind, m.quoted, m.basis] for m in own]
        fresh.append((doc.id, key_text, spans))
    # A read-only store: the answer is the same, only the next query is not faster.
    with contextlib.suppress(sqlite3.OperationalError):
        if fresh:
            store.put_mentions(fresh)
    return found


# ---------------------------------------------------------------------- variant clustering


def containment_candidates(sets: Sequence[np.ndarray], threshold: float) -> set[tuple[int, int]]:
    """Pairs ``(v, u)`` that may have ``|S_v ∩ S_u| >= threshold * |S_v|``; no false negatives.

    Prefix filtering (Chaudhuri et al., ICDE 2006): if ``u`` holds that share of ``v``'s
    shingles, it holds at least one of any ``|S_v| - ceil(threshold |S_v|) + 1`` of them, so
    probing only ``v``'s rarest shingles finds every such ``u`` while common shingles
    (科技创新 is in every other quote) never fan out into quadratic pair lists.
    """
    sizes = np.array([s.size for s in sets], dtype=np.intp)
    if not sizes.sum():
        return set()
    flat = np.concatenate(sets)
    owners = np.repeat(np.arange(len(sets)), sizes)
    order = np.argsort(flat, kind="stable")
    hashes, owners = flat[order], owners[order]
    values, counts = np.unique(hashes, return_counts=True)
    freq = counts[np.searchsorted(values, flat)]
    probes_h, probes_v = [], []
    ends = np.cumsum(sizes)
    for v, size in enumerate(sizes.tolist()):
        mine, rarity = flat[ends[v] - size : ends[v]], freq[ends[v] - size : ends[v]]
        keep = min(size, size - math.ceil(threshold * size - 1e-9) + 1)
        probes_h.append(mine[np.lexsort((mine, rarity))[:keep]])
        probes_v.append(np.full(keep, v))
    probe_h, probe_v = np.concatenate(probes_h), np.concatenate(probes_v)
    lo = np.searchsorted(hashes, probe_h, "left")
    hits = np.searchsorted(hashes, probe_h, "right") - lo
    firsts = np.repeat(lo - np.cumsum(hits) + hits, hits) + np.arange(hits.sum())
    pairs = zip(np.repeat(probe_v, hits).tolist(), owners[firsts].tolist(), strict=True)
    return {(v, u) for v, u in pairs if v != u}


def _containment(part: np.ndarray, whole: np.ndarray) -> float:
    """Share of ``part``'s distinct shingles that ``whole`` also has."""
    shared = np.intersect1d(part, whole, assume_unique=True).size
    return shared / part.size if part.size else 0.0


def link_variants(
    folded: Sequence[str], speakers: Sequence[str | None], cfg: Config | None = None
) -> list[int]:
    """Index of the root variant of each variant (its statement), MemeTracker-style.

    Variants are visited longest first; each links to the already visited variant holding
    the largest share of its shingles (at least ``statement_containment``), the longer one
    on a tie, so every statement is a tree whose root is its longest wording. A parent must
    not belong to a statement of another known speaker; the first known speaker to join a
    statement becomes its speaker, so an unattributed variant can never bridge two people.
    """
    cfg = cfg or Config()
    k = cfg.statement_shingle_size
    threshold = cfg.statement_containment
    exact_below = cfg.statement_exact_below
    sets = [shingle_hashes(text, k) for text in folded]
    order = sorted(range(len(folded)), key=lambda i: (-len(folded[i]), i))
    rank = {v: r for r, v in enumerate(order)}
    parents: dict[int, list[int]] = defaultdict(list)
    for v, u in containment_candidates(sets, threshold):
        if rank[u] < rank[v]:
            parents[v].append(u)
    root = list(range(len(folded)))
    said = list(speakers)  # speaker of the statement rooted at each index
    for v in order:
        best: tuple[tuple[float, int, int], int] | None = None
        for u in parents[v]:
            if speakers[v] and said[root[u]] not in (None, speakers[v]):
                continue
            if len(folded[v]) < exact_below:
                score = 1.0 if folded[u] == folded[v] else 0.0
            else:
                score = _containment(sets[v], sets[u])
            key = (score, len(folded[u]), -rank[u])
            if score >= threshold and (best is None or key > best[0]):
                best = key, u
        if best is not None:
            root[v] = root[best[1]]
            said[root[v]] = said[root[v]] or speakers[v]
    return root


# ----------------------------------------------------------------------------------- echoes


@dataclass(frozen=True)
class Needles:
    """Folded strings to find in many texts, indexed by their first ``_MIN_ECHO`` characters.

    A text is scanned once, vectorised: the hash of the 4-character shingle at every position
    is tested against the needles' prefix hashes, and only the few positions that pass are
    compared in Python. The cost grows with text length, not with the number of needles.
    """

    by_prefix: Mapping[str, tuple[str, ...]]
    prefixes: np.ndarray

    @classmethod
    def of(cls, needles: Iterable[str]) -> Needles:
        grouped: dict[str, set[str]] = defaultdict(set)
        for needle in needles:
            if len(needle) >= _MIN_ECHO:
                grouped[needle[:_MIN_ECHO]].add(needle)
        hashes = [shingle_sequence(prefix, _MIN_ECHO) for prefix in grouped]
        return cls(
            {p: tuple(sorted(n)) for p, n in grouped.items()},
            np.unique(np.concatenate(hashes)) if hashes else np.empty(0, dtype=np.uint64),
        )

    def find(self, text: str) -> list[tuple[int, str]]:
        """Every ``(position, needle)`` where a needle occurs in ``text``, overlaps included."""
        if len(text) < _MIN_ECHO or not self.prefixes.size:
            return []
        sequence = shingle_sequence(text, _MIN_ECHO)
        # prefixes is sorted and unique: a binary search per shingle, where np.isin would sort
        # the needles' prefixes again for every text
        at = np.minimum(np.searchsorted(self.prefixes, sequence), self.prefixes.size - 1)
        hits = np.flatnonzero(self.prefixes[at] == sequence)
        return [
            (p, needle)
            for p in hits.tolist()
            for needle in self.by_prefix.get(text[p : p + _MIN_ECHO], ())
            if text.startswith(needle, p)
        ]


def edge_symbols(text: str) -> tuple[str, str]:
    """Symbols at the start and end of a quote (the ``+`` of 人工智能+), NFKC-normalized.

    Folding drops them, yet they are the slogan: 人工智能 alone is a word in every other
    article. Unquoted echoes must carry them too.
    """
    core = unicodedata.normalize("NFKC", text).strip(_QUOTE_MARKS + string.whitespace + "\u3000")
    lead = "".join(itertools.takewhile(_is_symbol, core))
    tail = "".join(itertools.takewhile(_is_symbol, reversed(core)))[::-1]
    return (lead, tail) if len(lead) < len(core) else ("", "")


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch).startswith("S")


def _carries(text: str, start: int, end: int, lead: str, tail: str) -> bool:
    """True if ``text[start:end]`` is flanked by the slogan's edge symbols."""
    before = unicodedata.normalize("NFKC", text[max(0, start - len(lead)) : start])
    after = unicodedata.normalize("NFKC", text[end : end + len(tail)])
    return before == lead and after == tail


# --------------------------------------------------------------------------------- assembly


@dataclass(frozen=True)
class _Variant:
    """A distinct wording: folded text, the symbols folding dropped at its ends, speaker."""

    core: str
    lead: str
    tail: str
    speaker: str | None

    @property
    def key(self) -> str:
        return self.lead + self.core + self.tail


@dataclass(frozen=True)
class _Hit:
    """A candidate occurrence before overlapping ones are resolved."""

    doc: Document
    start: int
    end: int
    quoted: bool
    extracted: bool  # a mention of the document itself, preferred over a search hit
    said: Mention | None = None  # the mention it is, for its speaker


def outlet(doc: Document) -> str:
    """The outlet a page speaks for: the source it credits, else its site, else itself."""
    return doc.source or doc.site or f"doc:{doc.id}"


def count_sources(docs: Iterable[Document], cluster_of: Mapping[str, int]) -> int:
    """Distinct outlets among ``docs``, each repost cluster counting once.

    Pages are one voice when they share an outlet or a repost cluster (transitively: a
    portal that only reposted 求是网's article adds nothing to 求是网's own pages).
    """
    graph = nx.Graph()
    for doc in docs:
        graph.add_edge(("doc", doc.id), ("outlet", outlet(doc)))
        if doc.id in cluster_of:
            graph.add_edge(("doc", doc.id), ("cluster", cluster_of[doc.id]))
    return nx.number_connected_components(graph)


def _variants(found: Iterable[Mention]) -> dict[_Variant, list[Mention]]:
    """Mentions grouped by wording; single folded characters (“1”) are no wording."""
    grouped: dict[_Variant, list[Mention]] = defaultdict(list)
    for m in found:
        core = fold(m.text).text
        if len(core) >= 2:
            grouped[_Variant(core, *edge_symbols(m.text), m.speaker)].append(m)
    return grouped


# A search string, where it occurs, stands for: (statement root, the edge symbols it must be
# flanked by, whether it must stand apart from the words around it).
_Owner = tuple[int, str, str, bool]


def _needles(
    groups: Mapping[int, list[_Variant]],
    variants: Mapping[_Variant, list[Mention]],
    cfg: Config | None,
) -> dict[str, set[_Owner]]:
    """Folded search string -> the statements it stands for (see ``_Owner``).

    Terms are never searched: a scare-quoted word (实验室) is an ordinary word elsewhere.
    Statements are also searched sentence by sentence, so a partial echo is found.
    """
    min_sentence = (cfg or Config()).statement_min_sentence
    owners: dict[str, set[_Owner]] = defaultdict(set)
    for root, members in groups.items():
        for variant in members:
            said = variants[variant]
            if all(m.kind == "term" for m in said) or not _searchable(variant.core):
                continue
            # A slogan is a fixed formulation, so even four characters of it are evidence
            # (大而不强 inside any sentence); a short statement is only where it stands apart
            # (绿水青山就是金山银山，…), not inside other words (“是很不错。” in 都是很不错的体验).
            slogan = any(m.kind == "slogan" for m in said)
            apart = not slogan and len(variant.core) < min_sentence
            owners[variant.core].add((root, variant.lead, variant.tail, apart))
            for m in said:
                if m.kind != "statement":
                    continue
                for sentence in _SENTENCE_END.split(m.text):
                    core = fold(sentence).text
                    if len(core) >= min_sentence and _searchable(core):
                        owners[core].add((root, "", "", False))
    return owners


def _searchable(core: str) -> bool:
    """Words with ``_MIN_ECHO`` Han characters or more: digits and letters found unquoted
    (“4000。” in 罚款4000元) say nothing about who echoed whom."""
    return len(re.findall(f"[{HAN}]", core)) >= _MIN_ECHO


def _apart(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is not inside a longer run of words (a clause or mark around it)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _echoes(
    docs: Sequence[Document], owners: Mapping[str, set[_Owner]]
) -> dict[int, list[tuple[Document, int, int]]]:
    """Every place a statement's search strings occur in a body, as original offsets."""
    needles = Needles.of(owners)
    found: dict[int, list[tuple[Document, int, int]]] = defaultdict(list)
    for doc in docs:
        body: Folded = fold(doc.body)
        for pos, core in needles.find(body.text):
            start, end = body.span(pos, pos + len(core))
            start, end = start + doc.body_start, end + doc.body_start
            for root, lead, tail, apart in owners[core]:
                a, b = start - len(lead), end + len(tail)
                if _carries(doc.text, start, end, lead, tail) and (
                    not apart or _apart(doc.text, a, b)
                ):
                    found[root].append((doc, a, b))
    return found


def _settle(
    echoes: dict[int, list[tuple[Document, int, int]]],
    groups: Mapping[int, Sequence[_Variant]],
    variants: Mapping[_Variant, list[Mention]],
) -> None:
    """Give each searched passage that several statements match to one of them, in place.

    One wording said by two speakers is two statements (the speaker is part of the key),
    and both find the same passages. Among the statements that found it, a page's own
    mention of exactly those words decides (each page's quote is the one its speaker said,
    while words inside someone's longer quote still echo the shorter statement too); an
    unquoted repetition goes to the one the page quoted last before it; with neither, the
    passage stays with all of them. A passage one statement alone found stays its own.
    """
    owned: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for root, members in groups.items():
        for m in (m for v in members for m in variants[v]):
            owned[m.doc.id].append((m.start, m.end, root))
    claims: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    for root, found in echoes.items():
        for doc, start, end in found:
            claims[doc.id, start, end].add(root)
    for root, found in echoes.items():
        keep = []
        for doc, start, end in found:
            rivals = claims[doc.id, start, end]
            if len(rivals) > 1:  # the common case, one claimant, needs no look at the page
                page = owned[doc.id]
                mine = {r for a, b, r in page if (a, b) == (start, end) and r in rivals}
                before = [(a, r) for a, b, r in page if b <= start and r in rivals]
                rivals = mine or ({max(before)[1]} if before else rivals)
            if root in rivals:
                keep.append((doc, start, end))
        found[:] = keep


def _resolve(hits: Iterable[_Hit]) -> list[_Hit]:
    """One hit per passage: the document's own mention first, then the longest match."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (not h.extracted, h.start - h.end, h.start)):
        if not any(
            k.doc.id == hit.doc.id and k.start < hit.end and hit.start < k.end for k in kept
        ):
            kept.append(hit)
    return kept


def _when(doc: Document, start: int = 0) -> tuple[bool, str, str, int]:
    """Sort key: dated before undated, earliest first."""
    return doc.date is None, doc.date or "", doc.id, start


def _earliest(said: Iterable[Mention]) -> Mention:
    return min(said, key=lambda m: _when(m.doc, m.start))


def _statement(
    members: Sequence[_Variant],
    variants: Mapping[_Variant, list[Mention]],
    hits: Sequence[_Hit],
    cluster_of: Mapping[str, int],
) -> Statement:
    """A statement from its variants (root first) and its resolved occurrences."""
    said = [m for v in members for m in variants[v]]
    speaker = next((v.speaker for v in members if v.speaker), None)
    kind = min((m.kind for m in said if m.quoted), key=_KIND_RANK.__getitem__, default="slogan")
    # Labels drop pinyin glosses (a site's reading aid, not the words); occurrences keep them.
    wordings = dict.fromkeys(strip_glosses(_earliest(variants[v]).text) for v in members)
    ordered = sorted(hits, key=lambda h: _when(h.doc, h.start))
    key = f"{speaker or ''}\0{members[0].key}".encode()
    return Statement(
        id=hashlib.sha1(key).hexdigest()[:12],
        text=next(iter(wordings)),
        speaker=speaker,
        kind=kind,
        variants=tuple(wordings),
        occurrences=tuple(
            Occurrence(
                h.doc.id,
                h.doc.source or h.doc.site,
                h.doc.date,
                h.doc.text[h.start : h.end],
                h.start,
                h.end,
                h.quoted,
                h.said.speaker if h.said else None,
                h.said.basis if h.said else None,
            )
            for h in ordered
        ),
        sources=count_sources({h.doc.id: h.doc for h in ordered}.values(), cluster_of),
        first_seen=min((h.doc.date for h in ordered if h.doc.date), default=None),
    )


def track_documents(
    docs: Iterable[Document],
    cluster_of: Mapping[str, int] | None = None,
    speakers: Speakers | None = None,
    cfg: Config | None = None,
    found: Sequence[Mention] | None = None,
) -> list[Statement]:
    """Statements of a corpus, most echoed first; ``cluster_of`` maps doc id -> repost cluster.

    Statements seen only as terms or unquoted formulations are kept only if they recur in
    two or more sources: one outlet's scare quotes or turn of phrase is not an echo.
    ``found`` gives the documents' mentions when the caller has them (see
    :func:`stored_mentions`); otherwise they are found here.
    """
    docs = list(docs)
    cluster_of = cluster_of or {}
    if found is None:
        found = [m for doc in docs for m in mentions(doc, speakers)]
    quoted_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in found:
        if m.quoted:
            quoted_spans[m.doc.id].append((m.start, m.end))

    def in_quotes(doc: Document, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in quoted_spans[doc.id])

    variants = _variants(found)
    keys = list(variants)
    roots = link_variants([v.key for v in keys], [v.speaker for v in keys], cfg)
    groups: dict[int, list[_Variant]] = defaultdict(list)
    for i in sorted(range(len(keys)), key=lambda i: (-len(keys[i].key), i)):
        groups[roots[i]].append(keys[i])
    echoes = _echoes(docs, _needles(groups, variants, cfg))
    _settle(echoes, groups, variants)
    statements = []
    for root, members in groups.items():
        hits = [
            _Hit(m.doc, m.start, m.end, m.quoted or in_quotes(m.doc, m.start, m.end), True, m)
            for v in members
            for m in variants[v]
        ]
        hits += [_Hit(d, a, b, in_quotes(d, a, b), False) for d, a, b in echoes[root]]
        statement = _statement(members, variants, _resolve(hits), cluster_of)
        recurring_only = all(m.kind == "term" or not m.quoted for v in members for m in variants[v])
        if statement.sources >= 2 or not recurring_only:
            statements.append(statement)
    return sorted(statements, key=prominence)


def prominence(statement: Statement) -> tuple[int, int, str, str]:
    """The order statements are listed in everywhere: most sources, then most pages, then
    earliest first (undated last)."""
    return (
        -statement.sources,
        -len(statement.occurrences),
        statement.first_seen or "~",
        statement.id,
    )


def select(
    statements: Iterable[Statement],
    speaker: str | None = None,
    kind: str | None = None,
    min_sources: int = 1,
    since: str | None = None,
    until: str | None = None,
) -> list[Statement]:
    """Statements passing every given filter; ``since``/``until`` bound ``first_seen``.

    Bounds take any shape :func:`dedup.metadata.date_bound` reads (2024, 2024-11, 2024年11月18日)
    and raise ValueError on others; ``until`` includes its whole period (``until="2026-02"``
    keeps 2026-02-28T23:00); undated statements fail any date bound.
    """
    since, until = (None if b is None else date_bound(b) for b in (since, until))
    return [
        s
        for s in statements
        if (speaker is None or s.speaker == speaker)
        and (kind is None or s.kind == kind)
        and s.sources >= min_sources
        and in_window(s.first_seen, since, until)
    ]


def track(
    store: Store,
    cfg: Config | None = None,
    speakers: Speakers | None = None,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    min_sources: int = 1,
    since: str | None = None,
    until: str | None = None,
    docs: Sequence[Document] | None = None,
    groups: Sequence[Cluster] | None = None,
) -> list[Statement]:
    """Statements in a store, repost-aware, filtered (see :func:`select`).

    ``speaker`` may be any alias (習近平, 习近平总书记) or a title the table gives one person
    (总书记): see :meth:`dedup.speakers.Speakers.meant`.
    ``docs`` and ``groups`` (the store's documents and repost clusters) spare loading them
    again when the caller has them already.
    """
    sp = speakers or Speakers.builtin()
    cluster_of: dict[str, int] = {}
    for cluster in clusters(store) if groups is None else groups:
        for member in cluster.members:
            cluster_of.setdefault(member.doc.id, cluster.id)
    if docs is None:
        docs = [doc for _, doc in store.documents()]
    said = stored_mentions(store, docs, sp)
    found = track_documents(docs, cluster_of, sp, cfg, said)
    who = sp.meant(speaker) if speaker else None
    return select(found, who, kind, min_sources, since, until)
