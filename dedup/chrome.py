"""Learn site chrome from the corpus: short lines that recur across a site's documents.

Body extraction removes most navigation and copyright text, but not all of it on sites it has
never seen. What survives must not glue two different articles of one site together, so every
short line of a stored body is counted per site (and corpus-wide); a line carried by more than
``chrome_share`` of a site's documents is chrome, and its shingles are left out when two
bodies are compared. Nothing is listed by hand. Long lines are not counted: chrome is short,
paragraphs of articles are long, and counting them would make the table as big as the corpus.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterable

import numpy as np

from dedup.config import Config
from dedup.store import IN_IDS, id_list

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS chrome_lines (
        scope TEXT NOT NULL,      -- a site name, or '*' for the whole corpus
        line  INTEGER NOT NULL,   -- hash of the folded line
        docs  INTEGER NOT NULL,
        PRIMARY KEY (scope, line)
    ) WITHOUT ROWID""",
    "CREATE TABLE IF NOT EXISTS chrome_scopes (scope TEXT PRIMARY KEY, docs INTEGER NOT NULL)",
)

CORPUS = "*"
# Lines longer than this (folded characters) are article text, never chrome.
MAX_CHROME_LINE = 100


def line_hashes(folded: str, line_starts: np.ndarray) -> list[tuple[int, int, int]]:
    """``(start, end, hash)`` of each short, non-empty folded line (hash: signed 64-bit)."""
    ends = [*line_starts[1:].tolist(), len(folded)]
    return [
        (
            s,
            e,
            int.from_bytes(
                hashlib.blake2b(folded[s:e].encode(), digest_size=8).digest(), "little", signed=True
            ),
        )
        for s, e in zip(line_starts.tolist(), ends, strict=True)
        if 0 < e - s <= MAX_CHROME_LINE
    ]


class ChromeModel:
    """Per-site and corpus-wide counts of short lines, kept in the store's database."""

    def __init__(self, db: sqlite3.Connection, cfg: Config) -> None:
        self.db = db
        self.cfg = cfg
        for statement in SCHEMA:  # not executescript: it would commit the caller's transaction
            db.execute(statement)
        # Documents per scope, mirrored in memory: read for every comparison, so worth caching.
        # (A rolled-back transaction leaves it ahead of the table; a run that rolls back ends.)
        self.scope_docs: dict[str, int] = dict(db.execute("SELECT scope, docs FROM chrome_scopes"))
        self._scopes: Counter[str] = Counter()  # not yet written, see ``flush``
        self._lines: Counter[tuple[str, int]] = Counter()

    def learn(self, site: str | None, lines: Iterable[int], weight: int = 1) -> None:
        """Count one document's distinct short lines under its site and the corpus
        (``weight`` -1 takes a replaced document's lines back out).

        Counts are buffered in memory (``chrome`` reads them too) and written by ``flush``,
        once per ingestion batch.
        """
        distinct = set(lines)
        for scope in {CORPUS, site} - {None}:
            self.scope_docs[scope] = self.scope_docs.get(scope, 0) + weight
            self._scopes[scope] += weight
            for h in distinct:
                self._lines[(scope, h)] += weight

    def flush(self) -> None:
        """Write the buffered counts."""
        self.db.executemany(
            "INSERT INTO chrome_scopes VALUES (?, ?) "
            "ON CONFLICT(scope) DO UPDATE SET docs = docs + excluded.docs",
            self._scopes.items(),
        )
        self.db.executemany(
            "INSERT INTO chrome_lines VALUES (?, ?, ?) "
            "ON CONFLICT(scope, line) DO UPDATE SET docs = docs + excluded.docs",
            ((scope, line, count) for (scope, line), count in self._lines.items()),
        )
        self._scopes.clear()
        self._lines.clear()

    def chrome(self, site: str | None, lines: Iterable[int]) -> set[int]:
        """The subset of ``lines`` that recur too often on ``site`` (or corpus-wide) to be article."""
        wanted = list(set(lines))
        if not wanted:
            return set()
        found: set[int] = set()
        for scope, min_share, min_docs in (
            (site, self.cfg.chrome_share, self.cfg.chrome_min_docs),
            (CORPUS, self.cfg.chrome_corpus_share, self.cfg.chrome_corpus_min_docs),
        ):
            docs = self.scope_docs.get(scope, 0) if scope is not None else 0
            if docs < min_docs:
                continue
            need = max(2, int(min_share * docs) + 1)
            stored = dict(
                self.db.execute(
                    f"SELECT line, docs FROM chrome_lines WHERE scope = ? AND line {IN_IDS}",
                    (scope, id_list(wanted)),
                )
            )
            found.update(
                line for line in wanted if stored.get(line, 0) + self._lines[(scope, line)] >= need
            )
        return found
