"""The echo graph: who carried which statement, who reposted whom, and who followed whom.

Repost clusters (:mod:`dedup.reposts`) and statements (:mod:`dedup.statements`) say what
travelled; this module says *between whom*, as one ``networkx.MultiDiGraph`` a Gephi user
can filter and size:

- nodes: outlets (named as a credited origin by some page), sites (only ever carriers),
  pages with neither name (``doc:<id>``), statements (kind ``statement``/``slogan``/``term``)
  and speakers;
- edges, keyed by their kind, one aggregated edge per (source, target, kind):
  ``echoes`` outlet/site -> statement, ``said`` speaker -> statement, ``echoes_after``
  follower -> leader (B carried a statement or an article after A, the first carrier, had
  it), ``reposts`` reposter -> the outlet whose article it carried.

Why a MultiDiGraph with aggregated edges: two outlets are often linked twice, by a repost
*and* by echoing after one another, and those are different facts a user filters apart; but
forty reposts of one outlet by another are one relation with a weight, which is what Gephi
sizes and what layouts expect. So the key is the edge kind, never a per-article counter.

Follower edges point at the leader, like repost edges, so PageRank or in-degree ranks the
outlets others follow. Lags are in hours from the first carrier's earliest dated page; an
undated page carries nothing in time (no start, no lag).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import networkx as nx

from dedup.config import Config
from dedup.documents import Document
from dedup.metadata import date_bound, in_window
from dedup.report import clip
from dedup.reposts import Cluster, clusters
from dedup.speakers import Speakers
from dedup.statements import Statement, outlet, track
from dedup.store import Store

OUTLET_KINDS = ("outlet", "site", "page")
STATEMENT_KINDS = ("statement", "slogan", "term")
LABEL_CHARS = 24  # statement labels: long enough to recognise, short enough to draw


@dataclass(frozen=True)
class GraphFilter:
    """Which statements and documents the graph shows (the ``dedup graph`` options).

    ``speaker``, ``kind`` and ``min_sources`` select statements as ``dedup quotes`` does;
    ``since``/``until`` bound both statements (by first seen) and the documents counted (any
    shape :func:`dedup.metadata.date_bound` reads, ``until`` inclusive of its whole period).
    """

    speaker: str | None = None
    kind: str | None = None
    min_sources: int = 1
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        for bound in ("since", "until"):
            value = getattr(self, bound)
            if value is not None:  # stored as the ISO prefix dates compare with
                object.__setattr__(self, bound, date_bound(value))

    def admits(self, date: str | None) -> bool:
        """True if a document of this date falls in the window (undated: only without one)."""
        return in_window(date, self.since, self.until)


# ------------------------------------------------------------------------------ names


def parse_time(date: str | None) -> datetime | None:
    """A document's ISO date as a naive UTC datetime, so dated pages compare and subtract.

    Dates without a zone are taken as given (the corpus is one time zone in practice);
    zoned ones are converted, never mixed naive with aware.
    """
    if not date:
        return None
    try:
        when = datetime.fromisoformat(date)
    except ValueError:
        return None
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def iso(when: datetime) -> str:
    """xs:dateTime text, the form GEXF ``start`` and our JSON both accept."""
    return when.isoformat(timespec="seconds")


def carrier(doc: Document) -> str:
    """Who put the page out: its site, else the outlet it credits (an outlet's own page)."""
    return doc.site or outlet(doc)


def voices(doc: Document) -> tuple[str, ...]:
    """Every name a page speaks for: the credited outlet and the carrying site, once each."""
    return tuple(dict.fromkeys((outlet(doc), carrier(doc))))


def outlet_node(name: str) -> str:
    return f"outlet:{name}"


def statement_node(statement_id: str) -> str:
    return f"statement:{statement_id}"


def speaker_node(name: str) -> str:
    return f"speaker:{name}"


# ------------------------------------------------------------------------- repost edges


@dataclass(frozen=True)
class Repost:
    """One page carrying another outlet's article; ``credited`` if it named that outlet."""

    doc: Document
    reposter: str
    target: str
    credited: bool


def reposts(docs: Iterable[Document], groups: Sequence[Cluster]) -> list[Repost]:
    """Who reposted whom, one record per page that carried someone else's article.

    A cluster member other than the original reposts the original's outlet, crediting it
    if its own source names the original's outlet or site. A page outside that role whose
    site differs from the outlet it credits is that site carrying the outlet's article
    (飞象网 running 求是网's piece), credited by definition. An outlet re-running its own
    article is no repost between outlets and yields nothing.
    """
    original_of: dict[str, Document] = {}
    for cluster in groups:
        for member in cluster.members[1:]:
            original_of.setdefault(member.doc.id, cluster.original.doc)
    found = []
    for doc in docs:
        original = original_of.get(doc.id)
        if original is not None:
            target = outlet(original)
            credited = doc.source is not None and doc.source in (original.source, original.site)
        elif doc.source and doc.site and doc.source != doc.site:
            target, credited = doc.source, True
        else:
            continue
        if carrier(doc) != target:
            found.append(Repost(doc, carrier(doc), target, credited))
    return found


# ----------------------------------------------------------------------------- cascades


@dataclass(frozen=True)
class Cascade:
    """One statement or article spreading: its first carrier and who followed, how late.

    ``lags`` maps each voice that first carried it strictly after the first carrier's
    earliest dated page to that delay in hours; ``times`` holds each voice's first time.
    """

    first: str
    start: datetime
    times: Mapping[str, datetime]
    lags: Mapping[str, float]
    statement: bool


def cascade(docs: Iterable[Document], statement: bool) -> Cascade | None:
    """The cascade of pages carrying one thing; None if none of them is dated.

    The first carrier is the credited outlet of the earliest dated page (ties: document id),
    not its site: 飞象网 carrying 求是网's article first still makes 求是网 the leader.
    """
    dated = sorted(
        ((when, doc.id, doc) for doc in docs if (when := parse_time(doc.date)) is not None),
        key=lambda t: t[:2],
    )
    if not dated:
        return None
    start, _, earliest = dated[0]
    first = outlet(earliest)
    times: dict[str, datetime] = {}
    for when, _, doc in dated:
        for voice in voices(doc):
            times.setdefault(voice, when)
    lags = {
        voice: (when - start).total_seconds() / 3600
        for voice, when in times.items()
        if voice != first and when > start
    }
    return Cascade(first, start, times, lags, statement)


# -------------------------------------------------------------------------------- graph


def _span(attrs: dict, when: datetime | None) -> None:
    """Widen an element's ``first_seen``/``last_seen`` to include ``when``."""
    if when is None:
        return
    stamp = iso(when)
    attrs["first_seen"] = min(attrs.get("first_seen", stamp), stamp)
    attrs["last_seen"] = max(attrs.get("last_seen", stamp), stamp)


def _edge(graph: nx.MultiDiGraph, u: str, v: str, kind: str) -> dict:
    """The aggregated edge of this kind, created empty on first use."""
    if not graph.has_edge(u, v, key=kind):
        graph.add_edge(u, v, key=kind, kind=kind, weight=0)
    return graph.edges[u, v, kind]


def _add_outlets(graph: nx.MultiDiGraph, docs: Sequence[Document]) -> None:
    """One node per name; ``outlet`` if any page credits it, else ``site`` or ``page``."""
    credited = {outlet(d) for d in docs if d.source}
    for doc in docs:
        for name in voices(doc):
            node = graph.nodes.get(outlet_node(name))
            if node is None:
                kind = (
                    "outlet" if name in credited else "page" if name.startswith("doc:") else "site"
                )
                graph.add_node(
                    outlet_node(name), kind=kind, label=name, articles=0, credited_in=0, carried=0
                )
                node = graph.nodes[outlet_node(name)]
            node["articles"] += 1
            node["credited_in"] += name == doc.source
            node["carried"] += name == doc.site
            _span(node, parse_time(doc.date))


def _add_statements(
    graph: nx.MultiDiGraph, statements: Sequence[Statement], docs: Mapping[str, Document]
) -> list[Cascade]:
    """Statement and speaker nodes, ``echoes`` and ``said`` edges; the statements' cascades."""
    cascades = []
    for s in statements:
        carriers = {o.doc: docs[o.doc] for o in s.occurrences if o.doc in docs}
        if not carriers:
            continue
        quoted = {o.doc for o in s.occurrences if o.quoted}
        node = statement_node(s.id)
        label = clip(s.text, LABEL_CHARS)
        graph.add_node(
            node,
            kind=s.kind,
            label=label,
            text=s.text,
            sources=s.sources,
            echoes=len(carriers),
            quoted=len(quoted & set(carriers)),
        )
        if s.speaker:
            graph.nodes[node]["speaker"] = s.speaker
        for doc in carriers.values():
            when = parse_time(doc.date)
            _span(graph.nodes[node], when)
            for name in voices(doc):
                edge = _edge(graph, outlet_node(name), node, "echoes")
                edge["weight"] += 1
                edge["quoted"] = edge.get("quoted", 0) + (doc.id in quoted)
                _span(edge, when)
        if s.speaker:
            _add_said(graph, s.speaker, node)
        found = cascade(carriers.values(), statement=True)
        if found:
            cascades.append(found)
    return cascades


def _add_said(graph: nx.MultiDiGraph, speaker: str, statement: str) -> None:
    who = speaker_node(speaker)
    if who not in graph:
        graph.add_node(who, kind="speaker", label=speaker, statements=0, echoes=0)
    said = graph.nodes[statement]
    graph.nodes[who]["statements"] += 1
    graph.nodes[who]["echoes"] += said["echoes"]
    edge = _edge(graph, who, statement, "said")
    edge["weight"] = said["echoes"]
    for key in ("first_seen", "last_seen"):
        if key in said:
            edge[key] = said[key]
            graph.nodes[who][key] = (min if key == "first_seen" else max)(
                graph.nodes[who].get(key, said[key]), said[key]
            )


def _add_reposts(graph: nx.MultiDiGraph, found: Iterable[Repost]) -> None:
    for r in found:
        edge = _edge(graph, outlet_node(r.reposter), outlet_node(r.target), "reposts")
        edge["weight"] += 1
        edge["credited"] = edge.get("credited", 0) + r.credited
        edge["credit_share"] = round(edge["credited"] / edge["weight"], 4)
        _span(edge, parse_time(r.doc.date))


def _add_followers(graph: nx.MultiDiGraph, cascades: Iterable[Cascade]) -> None:
    """``echoes_after`` edges, follower -> first carrier, with lag statistics in hours."""
    lags: dict[tuple[str, str], list[float]] = defaultdict(list)
    for c in cascades:
        for voice, lag in c.lags.items():
            u, v = outlet_node(voice), outlet_node(c.first)
            edge = _edge(graph, u, v, "echoes_after")
            edge["weight"] += 1
            field = "statements" if c.statement else "articles"
            edge[field] = edge.get(field, 0) + 1
            _span(edge, c.times[voice])
            lags[u, v].append(lag)
    for (u, v), found in lags.items():
        edge = graph.edges[u, v, "echoes_after"]
        edge["median_lag_hours"] = round(statistics.median(found), 2)
        edge["min_lag_hours"] = round(min(found), 2)


def _outlet_stats(
    graph: nx.MultiDiGraph, cascades: Sequence[Cascade], groups: Sequence[Cluster]
) -> None:
    """Per-outlet totals a Gephi user sizes by (and ``dedup sources`` lists)."""
    originals = defaultdict(int)
    for cluster in groups:
        originals[outlet(cluster.original.doc)] += 1
    first = defaultdict(int)
    behind: dict[str, list[float]] = defaultdict(list)
    for c in cascades:
        first[c.first] += 1
        for voice, lag in c.lags.items():
            behind[voice].append(lag)
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] not in OUTLET_KINDS:
            continue
        name = attrs["label"]
        made = [d for _, _, k, d in graph.out_edges(node, keys=True, data=True) if k == "reposts"]
        got = [d for _, _, k, d in graph.in_edges(node, keys=True, data=True) if k == "reposts"]
        attrs["originals"] = originals[name]
        attrs["reposts_made"] = sum(d["weight"] for d in made)
        attrs["reposted"] = sum(d["weight"] for d in got)
        if made:
            attrs["credit_share"] = round(
                sum(d["credited"] for d in made) / attrs["reposts_made"], 4
            )
        attrs["statements"] = sum(
            1 for _, _, k in graph.out_edges(node, keys=True) if k == "echoes"
        )
        attrs["echoes"] = attrs["statements"]
        attrs["first_to_carry"] = first[name]
        if behind[name]:
            attrs["median_lag_hours"] = round(statistics.median(behind[name]), 2)


def echo_graph(
    docs: Iterable[Document], groups: Sequence[Cluster], statements: Sequence[Statement]
) -> nx.MultiDiGraph:
    """The echo graph of these documents, repost clusters and statements (pure).

    Cluster members and statement occurrences outside ``docs`` are left out, so a date
    window on the documents bounds every count.
    """
    docs = list(docs)
    by_id = {d.id: d for d in docs}
    groups = [_within(c, by_id) for c in groups]
    groups = [c for c in groups if c is not None]
    graph = nx.MultiDiGraph(name="dedup echo graph")
    _add_outlets(graph, docs)
    cascades = _add_statements(graph, statements, by_id)
    cascades += [
        found
        for c in groups
        if (found := cascade((m.doc for m in c.members), statement=False)) is not None
    ]
    _add_reposts(graph, reposts(docs, groups))
    _add_followers(graph, cascades)
    _outlet_stats(graph, cascades, groups)
    return graph


def _within(cluster: Cluster, docs: Mapping[str, Document]) -> Cluster | None:
    """The cluster restricted to ``docs``; None if its original or all reposts fall outside."""
    members = [m for m in cluster.members if m.doc.id in docs]
    if len(members) < 2 or members[0].n != cluster.original.n:
        return None
    return Cluster(cluster.id, cluster.original, members)


def build_graph(
    store: Store,
    filters: GraphFilter | None = None,
    cfg: Config | None = None,
    speakers: Speakers | None = None,
) -> nx.MultiDiGraph:
    """The echo graph of a store (what ``dedup graph`` exports), filtered."""
    filters = filters or GraphFilter()
    everything = [doc for _, doc in store.documents()]
    groups = clusters(store)
    statements = track(
        store,
        cfg,
        speakers,
        speaker=filters.speaker,
        kind=filters.kind,
        min_sources=filters.min_sources,
        since=filters.since,
        until=filters.until,
        docs=everything,
        groups=groups,
    )
    docs = [doc for doc in everything if filters.admits(doc.date)]
    return echo_graph(docs, groups, statements)
