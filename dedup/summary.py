"""What a store holds, at a glance: the content of ``dedup scan`` and ``dedup report``.

One plain, JSON-able dict feeds the terminal tables, ``--format json`` and the HTML report,
so the three can never disagree. Everything is loaded once (:func:`gather`): statements are
tracked once and the echo graph is built from the same statements, which is why the sources
here equal ``dedup sources`` without tracking twice.

Schema of :func:`summary`::

    {"documents": int,
     "dates": {"first": iso | null, "last": iso | null, "undated": int},
     "reposts": [cluster record (see dedup.report) + "lag_hours",
                 each member + "lag_hours"],             # largest cluster first
     "statements": [statement record (see dedup.statements) + "variants"],
                                                          # echoed by >= min_sources outlets,
                                                          # most sources first
     "sources": [outlet row (see dedup.outlets)]}         # most articles first

``lag_hours`` is hours after the cluster's original (null when either page is undated); a
cluster's own ``lag_hours`` is that of its latest member: how long the article kept spreading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from dedup.config import Config
from dedup.documents import Document
from dedup.graph import echo_graph, parse_time
from dedup.outlets import outlet_rows
from dedup.report import clip, cluster_record
from dedup.reposts import Cluster, clusters
from dedup.speakers import Speakers
from dedup.statements import Statement, prominence, track
from dedup.store import Store

MIN_SOURCES = 2  # a statement one outlet carried is not an echo
TOP = 10  # rows per section in the terminal; JSON always holds every row


@dataclass(frozen=True)
class Facts:
    """Everything the summary and the HTML report read, loaded from the store once."""

    docs: list[Document]
    clusters: list[Cluster]
    records: list[dict]  # cluster_record of each cluster, same order
    statements: list[Statement]  # every statement (min_sources 1), as the graph counts them
    graph: nx.MultiDiGraph


def gather(store: Store, cfg: Config | None = None, speakers: Speakers | None = None) -> Facts:
    """Load documents, clusters, statements and the echo graph of a store."""
    docs = [doc for _, doc in store.documents()]
    groups = clusters(store)
    statements = track(store, cfg, speakers, docs=docs, groups=groups)
    return Facts(
        docs=docs,
        clusters=groups,
        records=[cluster_record(store, c) for c in groups],
        statements=statements,
        graph=echo_graph(docs, groups, statements),
    )


def lag_hours(date: str | None, since: str | None) -> float | None:
    """Hours from ``since`` to ``date``, rounded to 0.1; None when either is undated."""
    when, start = parse_time(date), parse_time(since)
    if when is None or start is None:
        return None
    return round((when - start).total_seconds() / 3600, 1)


def with_lags(record: dict) -> dict:
    """A cluster record whose members (and the cluster) carry hours after the original."""
    origin = record["members"][0]["date"]
    members = [m | {"lag_hours": lag_hours(m["date"], origin)} for m in record["members"]]
    lags = [m["lag_hours"] for m in members[1:] if m["lag_hours"] is not None]
    return record | {"members": members, "lag_hours": max(lags) if lags else None}


def top_statements(statements: Sequence[Statement], min_sources: int = MIN_SOURCES) -> list[dict]:
    """Statements echoed by ``min_sources`` outlets or more, in the order ``dedup quotes``
    lists them (:func:`dedup.statements.prominence`), each with its variants."""
    chosen = sorted((s for s in statements if s.sources >= min_sources), key=prominence)
    return [s.as_dict() | {"variants": list(s.variants)} for s in chosen]


def date_range(docs: Sequence[Document]) -> dict[str, object]:
    """Earliest and latest document date (ISO, as stored) and how many pages have none."""
    dates = sorted(d.date for d in docs if d.date)
    return {
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "undated": len(docs) - len(dates),
    }


def summary(facts: Facts, min_sources: int = MIN_SOURCES) -> dict[str, object]:
    """The summary of :func:`gather`'s facts (pure; schema in the module docstring)."""
    return {
        "documents": len(facts.docs),
        "dates": date_range(facts.docs),
        "reposts": [with_lags(r) for r in facts.records],
        "statements": top_statements(facts.statements, min_sources),
        "sources": outlet_rows(facts.graph),
    }


def summarize(
    store: Store, cfg: Config | None = None, speakers: Speakers | None = None
) -> dict[str, object]:
    """What ``dedup scan`` and ``dedup report`` print: the summary of a store."""
    return summary(gather(store, cfg, speakers))


# ------------------------------------------------------------------------------ terminal


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:.0f} h" if value < 48 else f"{value / 24:.1f} d"


def _more(shown: int, total: int, command: str) -> Text | None:
    if total <= shown:
        return None
    return Text(f"… {total - shown} more (all: {command})", style="dim")


def _table(title: str) -> Table:
    """A table without vertical rules: every column of a narrow terminal goes to content."""
    return Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False
    )


def _add_row(table: Table, *cells: str) -> None:
    """Cells as plain Text: titles and names are untrusted and must not be read as markup."""
    table.add_row(*(Text(cell) for cell in cells))


def _cluster_table(rows: list[dict], top: int) -> Table:
    table = _table("Repost clusters, largest first")
    table.add_column("cluster", justify="right", no_wrap=True)
    table.add_column("pages", justify="right", no_wrap=True)
    table.add_column("original", overflow="fold", ratio=2)
    table.add_column("reposts (lag)", overflow="fold", ratio=3)
    table.add_column("spread", justify="right", no_wrap=True)
    for row in rows[:top]:
        first = row["members"][0]
        origin = f"{first['doc']} · {first['source'] or first['site'] or '?'} · {(first['date'] or 'undated')[:10]}"
        reposts = ", ".join(
            f"{m['doc']} ({_hours(m['lag_hours']) or '?'})" for m in row["members"][1:]
        )
        _add_row(
            table, str(row["cluster"]), str(row["size"]), origin, reposts, _hours(row["lag_hours"])
        )
    return table


def _statement_table(rows: list[dict], top: int) -> Table:
    table = _table(f"Statements echoed by {MIN_SOURCES}+ outlets")
    table.add_column("statement", overflow="fold", ratio=4, min_width=16)
    table.add_column("speaker", overflow="fold", ratio=1)
    table.add_column("src", justify="right", no_wrap=True)
    table.add_column("occ", justify="right", no_wrap=True)  # occurrences, several per page too
    table.add_column("first seen", min_width=5)
    table.add_column("var", justify="right", no_wrap=True)
    for row in rows[:top]:
        text = clip(row["text"], 60)
        _add_row(
            table,
            text,
            row["speaker"] or "",
            str(row["sources"]),
            str(len(row["occurrences"])),
            (row["first_seen"] or "")[:10],
            str(len(row["variants"])),
        )
    return table


def _source_table(rows: list[dict], top: int) -> Table:
    table = _table("Top sources")
    table.add_column("outlet", overflow="fold", ratio=2, min_width=10)
    table.add_column("kind", no_wrap=True)
    for header in ("pages", "orig", "made", "got", "stmts"):
        table.add_column(header, justify="right", no_wrap=True)
    for row in rows[:top]:
        _add_row(
            table,
            str(row["outlet"]),
            str(row["kind"]),
            *(
                str(row[k])
                for k in ("articles", "originals", "reposts_made", "reposted", "statements")
            ),
        )
    return table


def render(data: dict, top: int = TOP) -> RenderableType:
    """The summary as rich tables; columns fold rather than overflow, so any width fits."""
    dates = data["dates"]
    span = f"{dates['first'][:10]} – {dates['last'][:10]}" if dates["first"] else "no dated pages"
    head = Text.assemble(
        (str(data["documents"]), "bold"),
        f" documents, {span}",
        f" ({dates['undated']} undated); " if dates["undated"] else "; ",
        (str(len(data["reposts"])), "bold"),
        " repost clusters, ",
        (str(len(data["statements"])), "bold"),
        " statements echoed, ",
        (str(len(data["sources"])), "bold"),
        " sources",
    )
    parts: list[RenderableType | None] = [head]
    for key, table, command in (
        ("reposts", _cluster_table, "dedup reposts"),
        ("statements", _statement_table, "dedup quotes --min-sources 2"),
        ("sources", _source_table, "dedup sources"),
    ):
        if data[key]:  # an empty table says nothing the head line did not
            parts += [table(data[key], top), _more(top, len(data[key]), command)]
    return Group(*(p for p in parts if p is not None))
