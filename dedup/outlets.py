"""Per-outlet statistics (``dedup sources``) as plain dicts, read off the echo graph.

The numbers are the outlet nodes' attributes in :mod:`dedup.graph`, so the table a user
reads and the sizes a Gephi user draws can never disagree.

Schema of one row: ``{"outlet", "kind", "articles", "originals", "reposts_made",
"reposted", "statements", "first_to_carry", "median_lag_hours", "credit_share"}`` where
``kind`` is outlet (credited by some page), site (only carries) or page (a page naming
neither); ``median_lag_hours`` and ``credit_share`` are null when the outlet never followed
a first carrier or never reposted.
"""

from __future__ import annotations

import networkx as nx

from dedup.config import Config
from dedup.graph import OUTLET_KINDS, GraphFilter, build_graph
from dedup.speakers import Speakers
from dedup.store import Store

SOURCE_FIELDS = (
    "articles",
    "originals",
    "reposts_made",
    "reposted",
    "statements",
    "first_to_carry",
    "median_lag_hours",
    "credit_share",
)


def outlet_rows(graph: nx.MultiDiGraph) -> list[dict[str, object]]:
    """One row per outlet, site or page of the graph; most articles first, then by name."""
    rows = [
        {"outlet": attrs["label"], "kind": attrs["kind"]}
        | {field: attrs.get(field) for field in SOURCE_FIELDS}
        for _, attrs in graph.nodes(data=True)
        if attrs["kind"] in OUTLET_KINDS
    ]
    return sorted(rows, key=lambda r: (-r["articles"], r["outlet"]))


def sources(
    store: Store,
    filters: GraphFilter | None = None,
    cfg: Config | None = None,
    speakers: Speakers | None = None,
) -> list[dict[str, object]]:
    """What ``dedup sources`` prints: per-outlet rows of the store's echo graph."""
    return outlet_rows(build_graph(store, filters, cfg, speakers))
