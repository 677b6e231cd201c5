"""``dedup report -o FILE.html``: one self-contained HTML file a person can open offline.

Sections: the summary (:mod:`dedup.summary`, the numbers ``dedup scan`` prints), the echo
graph drawn as SVG (first: the overview), repost clusters with each repost beside its original and the differences highlighted, each echoed
statement with a timeline of its echoes by outlet, and the sources table.

Why it is built this way:

* **Offline and self-contained**: the CSS and the one script are package data files inlined
  at write time; the graph layout is computed here (networkx ``spring_layout``, seeded, so
  the same store gives the same picture) and drawn as inline SVG, so no third-party JS.
* **Untrusted text**: article text, titles, names and URLs come from scraped pages. Every
  value goes through :func:`esc` (``html.escape`` with quotes), links only for ``http(s)``
  URLs, and a Content-Security-Policy meta tag admits exactly one script, ours, by its
  SHA-256 hash: even an escaping bug could not run an injected ``<script>`` or handler.
* **Diffs as published**: texts are compared in their folded form (Traditional and
  Simplified, full- and half-width, pinyin glosses all compare equal), and the differing
  folded runs are mapped back through :class:`dedup.normalize.Folded` offsets to highlight
  the original text, shown exactly as the outlet published it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path

import networkx as nx

from dedup.documents import Document
from dedup.export import COLORS, node_size
from dedup.graph import STATEMENT_KINDS, parse_time
from dedup.normalize import fold
from dedup.statements import outlet
from dedup.summary import MIN_SOURCES, Facts, summary

MAX_CLUSTERS = 100  # clusters drawn with side-by-side texts; the rest are summarised
MAX_PAIRS = 6  # reposts shown beside the original per cluster
MAX_DIFF_CHARS = 6000  # folded characters compared per text (SequenceMatcher is quadratic)
MAX_STATEMENTS = 100
MAX_GRAPH_NODES = 200  # beyond this the picture is a hairball: keep the best-connected
GRAPH_W, GRAPH_H, GRAPH_PAD = 1000, 700, 40
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f\"'<>`]+", re.IGNORECASE)
Span = tuple[int, int]


def esc(value: object) -> str:
    """Text for HTML content or a quoted attribute value (None is empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s) (no ``javascript:``, ``data:``, whitespace tricks)."""
    return url if url and _URL.fullmatch(url) else None


def _asset(name: str) -> str:
    return resources.files("dedup").joinpath("data", name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source expression admitting exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def csp(script: str) -> str:
    """Nothing loads or runs but our inline style and our one script; no forms, no base."""
    return (
        f"default-src 'none'; script-src '{script_hash(script)}'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


# ------------------------------------------------------------------------------ diffs


def diff_spans(a: str, b: str, limit: int = MAX_DIFF_CHARS) -> tuple[list[Span], list[Span]]:
    """Spans of ``a`` and of ``b`` (original offsets) that the other text does not share.

    Compared folded, so script, width and glosses are no difference; only the first
    ``limit`` folded characters of each are compared (the rest is left unmarked).
    ``autojunk`` is off: in Chinese the common characters (的, 是) are not noise.
    """
    fa, fb = fold(a), fold(b)
    ta, tb = fa.text[:limit], fb.text[:limit]
    only_a: list[Span] = []
    only_b: list[Span] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            only_a.append(fa.span(i1, i2))
        if j2 > j1:
            only_b.append(fb.span(j1, j2))
    return only_a, only_b


def marked(text: str, spans: Iterable[Span], cls: str) -> str:
    """``text`` escaped, with each span wrapped in ``<mark class=cls>``."""
    out, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        out += [esc(text[at:start]), f'<mark class="{cls}">', esc(text[start:end]), "</mark>"]
        at = end
    out.append(esc(text[at:]))
    return "".join(out)


# ------------------------------------------------------------------------------ sections


def _stat(value: object, label: str) -> str:
    return f'<div class="stat"><b>{esc(value)}</b><span>{esc(label)}</span></div>'


def _summary_section(data: dict) -> str:
    dates = data["dates"]
    span = f"{dates['first'][:10]} – {dates['last'][:10]}" if dates["first"] else "—"
    stats = [
        _stat(data["documents"], "documents"),
        _stat(span, f"date range ({dates['undated']} undated)"),
        _stat(len(data["reposts"]), "repost clusters"),
        _stat(sum(r["size"] - 1 for r in data["reposts"]), "reposts"),
        _stat(len(data["statements"]), f"statements echoed by {MIN_SOURCES}+ outlets"),
        _stat(len(data["sources"]), "sources"),
    ]
    return (
        '<section id="summary"><h2>Summary</h2><div class="stats">'
        + "".join(stats)
        + "</div></section>"
    )


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]], numeric: set[int]) -> str:
    """A sortable, searchable table; ``numeric`` columns are right-aligned."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join(
        '<tr class="searchable">'
        + "".join(
            f'<td class="num">{esc(v)}</td>' if i in numeric else f"<td>{esc(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _doc_heading(doc: Document) -> str:
    url = safe_url(doc.url)
    name = esc(doc.id)
    if url:
        name = f'<a href="{esc(url)}" rel="noopener noreferrer">{name}</a>'
    who = " · ".join(esc(x) for x in (doc.source, doc.site, doc.date) if x)
    return f'<div><b>{name}</b> <span class="meta">{who}</span></div><div>{esc(doc.title)}</div>'


def _pair(original: Document, repost: Document, shown: bool) -> str:
    """The original and one repost side by side, each marked where the other differs
    (collapsed unless ``shown``, so a big cluster does not bury the rest of the page)."""
    left, right = original.body, repost.body
    only_left, only_right = diff_spans(left, right)
    return (
        f"<details{' open' if shown else ''}><summary>{esc(original.id)} ↔ {esc(repost.id)}"
        '</summary><div class="pair">'
        f'<div class="side">{_doc_heading(original)}'
        f'<div class="text">{marked(left, only_left, "del")}</div></div>'
        f'<div class="side">{_doc_heading(repost)}'
        f'<div class="text">{marked(right, only_right, "ins")}</div></div>'
        "</div></details>"
    )


def _cluster_card(record: dict, docs: dict[str, Document]) -> str:
    members = record["members"]
    rows = [
        (
            m["doc"] + (" (original)" if i == 0 else ""),
            docs[m["doc"]].title,
            m["source"],
            m["site"],
            m["date"],
            m["lag_hours"],
            "" if i == 0 else _score(m["jaccard"]),
            "" if i == 0 else _score(m["containment"]),
            "holds several" if m["container"] else "",
        )
        for i, m in enumerate(members)
    ]
    table = _table(
        ("page", "title", "source", "site", "date", "lag h", "J", "C", "note"), rows, {5, 6, 7}
    )
    original = docs[members[0]["doc"]]
    pairs = "".join(
        _pair(original, docs[m["doc"]], shown=i == 0)
        for i, m in enumerate(members[1 : 1 + MAX_PAIRS])
    )
    cut = len(members) - 1 - MAX_PAIRS
    more = f'<p class="note">{cut} more reposts not shown side by side.</p>' if cut > 0 else ""
    spread = "" if record["lag_hours"] is None else f" · spread over {record['lag_hours']} h"
    return (
        f'<article class="card searchable" id="cluster-{esc(record["cluster"])}">'
        f"<h3>Cluster {esc(record['cluster'])} · {esc(record['size'])} pages · original "
        f"{esc(record['original'])}{esc(spread)}</h3>"
        f'<p class="meta">Matched passage: {esc(record["passage"])}</p>'
        f"{table}{pairs}{more}</article>"
    )


def _clusters_section(records: list[dict], docs: dict[str, Document]) -> str:
    cards = "".join(_cluster_card(r, docs) for r in records[:MAX_CLUSTERS])
    cut = len(records) - MAX_CLUSTERS
    more = f'<p class="note">{cut} smaller clusters: see dedup reposts.</p>' if cut > 0 else ""
    legend = (
        '<p class="legend meta">Texts as published. <mark class="del">only in the original</mark>'
        ' <mark class="ins">only in the repost</mark> (compared after folding script, width'
        " and pinyin glosses, so a Traditional repost of a Simplified article shows no"
        " difference for that).</p>"
    )
    body = cards or '<p class="note">No reposts found.</p>'
    return f'<section id="reposts"><h2>Repost clusters</h2>{legend}{body}{more}</section>'


def _x_scale(times: Sequence[datetime], x0: float, x1: float):
    """Map datetimes linearly onto [x0, x1]; one instant sits in the middle."""
    lo, hi = min(times), max(times)
    width = (hi - lo).total_seconds()
    if width == 0:
        return lambda t: (x0 + x1) / 2
    return lambda t: x0 + (x1 - x0) * (t - lo).total_seconds() / width


def timeline_svg(occurrences: Sequence[dict], docs: dict[str, Document]) -> str:
    """An SVG strip: one row per outlet (the source a page credits, as counted in the card's
    sources and printed in the JSON), a dot per echo at its date (filled: quoted, hollow:
    unquoted); undated echoes sit in a column at the right end."""
    rows: dict[str, list[dict]] = {}
    for occ in occurrences:
        rows.setdefault(outlet(docs[occ["doc"]]), []).append(occ)
    label_w, width, row_h, undated_x = 150, 900, 20, 870
    dated = [t for occ in occurrences if (t := parse_time(occ["date"])) is not None]
    x = _x_scale(dated, label_w + 10, undated_x - 40) if dated else None
    height = row_h * len(rows) + 24
    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="timeline of echoes by outlet">'
    ]
    for i, (name, found) in enumerate(rows.items()):
        y = 12 + i * row_h
        parts.append(f'<text x="4" y="{y + 4}">{esc(name[:18])}</text>')
        parts.append(f'<line class="axis" x1="{label_w}" y1="{y}" x2="{width}" y2="{y}"/>')
        for occ in found:
            when = parse_time(occ["date"])
            cx = undated_x if when is None or x is None else x(when)
            fill = "#e07b00" if occ["quoted"] else "#fff"
            tip = f"{occ['doc']} · {occ['date'] or 'undated'} · {'quoted' if occ['quoted'] else 'unquoted'}: {occ['text']}"
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{y}" r="5" fill="{fill}" stroke="#e07b00" '
                f'stroke-width="2"><title>{esc(tip)}</title></circle>'
            )
    axis_y = height - 4
    if dated:
        first, last = min(dated), max(dated)
        parts.append(f'<text x="{label_w + 10}" y="{axis_y}">{esc(first.date())}</text>')
        if last != first:
            parts.append(
                f'<text x="{undated_x - 40}" y="{axis_y}" text-anchor="end">{esc(last.date())}</text>'
            )
    if any(parse_time(o["date"]) is None for o in occurrences):
        parts.append(f'<text x="{undated_x}" y="{axis_y}" text-anchor="middle">undated</text>')
    parts.append("</svg>")
    return "".join(parts)


def _statement_card(row: dict, docs: dict[str, Document]) -> str:
    variants = [v for v in row["variants"] if v != row["text"]]
    variant_list = (
        "<details><summary>"
        + esc(f"{len(variants)} variants")
        + "</summary><ul>"
        + "".join(f"<li>{esc(v)}</li>" for v in variants)
        + "</ul></details>"
        if variants
        else ""
    )
    occurrences = _table(
        ("page", "outlet", "site", "date", "quoted", "credited to", "as published"),
        (
            (
                o["doc"],
                outlet(docs[o["doc"]]),
                docs[o["doc"]].site or "",
                o["date"],
                "yes" if o["quoted"] else "no",
                f"{o['speaker']} ({o.get('basis')})" if o.get("speaker") else "",
                o["text"],
            )
            for o in row["occurrences"]
        ),
        set(),
    )
    meta = (
        f"{row['kind']} · {row['speaker'] or 'speaker unknown'} · {row['sources']} sources "
        "(a repost cluster counts once) · "
        f"{len(row['occurrences'])} occurrences · first seen {row['first_seen'] or 'undated'}"
    )
    return (
        f'<article class="card searchable"><div class="statement-text">{esc(row["text"])}</div>'
        f'<div class="meta">{esc(meta)}</div>{variant_list}'
        f"{timeline_svg(row['occurrences'], docs)}"
        f"<details><summary>occurrences</summary>{occurrences}</details></article>"
    )


def _statements_section(rows: list[dict], docs: dict[str, Document]) -> str:
    cards = "".join(_statement_card(r, docs) for r in rows[:MAX_STATEMENTS])
    cut = len(rows) - MAX_STATEMENTS
    more = f'<p class="note">{cut} more: see dedup quotes.</p>' if cut > 0 else ""
    body = cards or '<p class="note">No statement echoed by two or more outlets.</p>'
    return (
        f'<section id="statements"><h2>Statements echoed by {MIN_SOURCES}+ outlets</h2>'
        '<p class="meta">Timeline per outlet: filled dot quoted, hollow dot echoed without quote'
        f" marks; hover a dot for the text.</p>{body}{more}</section>"
    )


def _sources_section(rows: list[dict]) -> str:
    def pct(share: float | None) -> str:
        return "" if share is None else f"{share:.0%}"

    table = _table(
        (
            "outlet",
            "kind",
            "articles",
            "originals",
            "reposts made",
            "reposted",
            "statements",
            "first to carry",
            "median lag h",
            "credited",
        ),
        (
            (
                r["outlet"],
                r["kind"],
                r["articles"],
                r["originals"],
                r["reposts_made"],
                r["reposted"],
                r["statements"],
                r["first_to_carry"],
                r["median_lag_hours"],
                pct(r["credit_share"]),
            )
            for r in rows
        ),
        set(range(2, 10)),
    )
    return f'<section id="sources"><h2>Sources</h2>{table}</section>'


# ------------------------------------------------------------------------------ graph


def graph_view(
    graph: nx.MultiDiGraph, min_sources: int = MIN_SOURCES, limit: int = MAX_GRAPH_NODES
) -> nx.MultiDiGraph:
    """The part of the echo graph worth drawing: statements echoed by ``min_sources`` outlets
    or more and what connects to them, at most ``limit`` nodes (the best connected)."""
    drop = [
        n
        for n, a in graph.nodes(data=True)
        if a["kind"] in STATEMENT_KINDS and a.get("sources", 0) < min_sources
    ]
    view = graph.copy()
    view.remove_nodes_from(drop)
    # components without a statement (an outlet reposting another, alone) are not echoes
    # and, drawn apart, squeeze the picture that matters into a corner
    view.remove_nodes_from(
        [
            n
            for part in nx.weakly_connected_components(view)
            if not any(view.nodes[m]["kind"] in STATEMENT_KINDS for m in part)
            for n in part
        ]
    )
    if view.number_of_nodes() > limit:
        keep = sorted(view, key=lambda n: (-view.degree(n), n))[:limit]
        view = view.subgraph(keep).copy()
    return view


def layout(graph: nx.MultiDiGraph, seed: int = 1) -> dict[str, tuple[float, float]]:
    """Seeded spring layout scaled into the drawing box (same graph, same picture)."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(graph.to_undirected())
    k = 1.5 / math.sqrt(max(graph.number_of_nodes(), 1))
    pos = nx.spring_layout(simple, seed=seed, k=k, iterations=200)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)

    def scale(v: float, lo: float, hi: float, size: int) -> float:
        return size / 2 if hi == lo else GRAPH_PAD + (v - lo) / (hi - lo) * (size - 2 * GRAPH_PAD)

    return {n: (scale(p[0], x0, x1, GRAPH_W), scale(p[1], y0, y1, GRAPH_H)) for n, p in pos.items()}


def _rgb(kind: str) -> str:
    r, g, b = COLORS.get(kind, COLORS["page"])
    return f"rgb({r},{g},{b})"


EDGE_COLORS = {"echoes": "#e07b00", "said": "#d62728", "echoes_after": "#555", "reposts": "#1f4e9c"}


def graph_svg(graph: nx.MultiDiGraph) -> str:
    """The graph as inline SVG: nodes coloured by kind and sized by echoes, edges by kind;
    nodes are numbered so the script links them without reading any page-derived text."""
    pos = layout(graph)
    index = {n: i for i, n in enumerate(graph)}
    parts = [
        f'<svg id="graph" viewBox="0 0 {GRAPH_W} {GRAPH_H}" role="img" aria-label="echo graph">'
    ]
    for u, v, key in graph.edges(keys=True):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        parts.append(
            f'<line data-s="{index[u]}" data-t="{index[v]}" x1="{x1:.1f}" y1="{y1:.1f}" '
            f'x2="{x2:.1f}" y2="{y2:.1f}" stroke="{EDGE_COLORS.get(key, "#999")}">'
            f"<title>{esc(key)}</title></line>"
        )
    for n, attrs in graph.nodes(data=True):
        x, y = pos[n]
        label = str(attrs.get("label", n))
        tip = f"{attrs['kind']}: {attrs.get('text', label)}"
        parts.append(
            f'<g class="node" data-n="{index[n]}"><circle cx="{x:.1f}" cy="{y:.1f}" '
            f'r="{node_size(attrs) / 1.6:.1f}" fill="{_rgb(attrs["kind"])}" stroke="#fff">'
            f"<title>{esc(tip)}</title></circle>"
            f'<text x="{x + 6:.1f}" y="{y - 6:.1f}">{esc(label[:12])}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _graph_section(graph: nx.MultiDiGraph) -> str:
    view = graph_view(graph)
    keys = "".join(
        f'<span><i style="background:{_rgb(kind)}"></i>{esc(kind)}</span>' for kind in COLORS
    )
    edge_keys = "".join(
        f'<span><i style="background:{color}"></i>{esc(kind)}</span>'
        for kind, color in EDGE_COLORS.items()
    )
    note = (
        f"{view.number_of_nodes()} of {graph.number_of_nodes()} nodes: statements echoed by"
        f" {MIN_SOURCES}+ outlets and what connects to them. Hover a node to light up its"
        " neighbours; scroll to zoom, drag to pan. Full graph: dedup graph -o echoes.gexf."
    )
    return (
        f'<section id="graph-view"><h2>Echo graph</h2><p class="meta">{esc(note)}</p>'
        f'<p class="keys">{keys}</p><p class="keys">{edge_keys}</p>'
        f'<div class="graph-box">{graph_svg(view)}</div></section>'
    )


# ------------------------------------------------------------------------------ page


def render_html(facts: Facts, title: str = "dedup report") -> str:
    """The whole report as one HTML string (pure)."""
    data = summary(facts)
    docs = {d.id: d for d in facts.docs}
    script, style = _asset("report.js"), _asset("report.css")
    nav = "".join(
        f'<a href="#{anchor}">{name}</a>'
        for anchor, name in (
            ("summary", "Summary"),
            ("graph-view", "Graph"),
            ("reposts", "Reposts"),
            ("statements", "Statements"),
            ("sources", "Sources"),
        )
    )
    body = "".join(
        (
            _summary_section(data),
            _graph_section(facts.graph),
            _clusters_section(data["reposts"], docs),
            _statements_section(data["statements"], docs),
            _sources_section(data["sources"]),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp(script))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{style}</style></head><body>"
        f"<header><h1>{esc(title)}</h1><nav>{nav}</nav>"
        '<input id="search" type="search" placeholder="Search pages, outlets, statements…" '
        'aria-label="search"></header>'
        f"<main>{body}</main><script>{script}</script></body></html>\n"
    )


def write_report(facts: Facts, path: str | Path, title: str = "dedup report") -> None:
    """Write the report to ``path`` (folders created as needed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(facts, title), encoding="utf-8")
