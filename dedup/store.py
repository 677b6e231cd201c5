"""SQLite store: documents, their folded bodies, signatures and verified repost pairs.

One file (default ``./dedup.db``), WAL mode, writes in explicit transactions: a run that is
killed loses at most the batch it was writing, and a rerun skips what is already there
(same id and same content is a no-op). Signatures are plain uint32 arrays in BLOBs; nothing
here ever unpickles anything.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from dedup.documents import DocInfo, Document

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    n            INTEGER PRIMARY KEY,   -- internal number, in ingestion order
    doc          TEXT NOT NULL UNIQUE,  -- the user's id
    title        TEXT,
    source       TEXT,
    site         TEXT,
    url          TEXT,
    date         TEXT,
    text         TEXT NOT NULL,
    body_start   INTEGER NOT NULL,
    body_end     INTEGER NOT NULL,
    folded       TEXT NOT NULL,         -- folded body, the text every comparison uses
    line_starts  BLOB NOT NULL,         -- int32 folded offsets where the body's lines start
    content_hash TEXT NOT NULL,
    body_hash    TEXT NOT NULL,         -- of the folded body: equal means exact duplicate
    original     INTEGER,               -- likely original when ingested (NULL: itself)
    origin       TEXT NOT NULL,         -- file (and line) it was read from
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS signatures (
    n   INTEGER PRIMARY KEY REFERENCES documents(n),
    sig BLOB NOT NULL                   -- uint32 little-endian MinHash values
);
CREATE TABLE IF NOT EXISTS matches (  -- verified repost pairs
    a INTEGER NOT NULL,                -- the later document
    b INTEGER NOT NULL,                -- the earlier one it matched
    jaccard REAL NOT NULL,
    containment REAL NOT NULL,
    a_start INTEGER NOT NULL, a_end INTEGER NOT NULL,  -- shared region, folded offsets in a
    b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,  -- and in b
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS matches_b ON matches(b);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Made on first write, not on opening, so a store made before it can still be opened read-only.
MENTIONS = """
CREATE TABLE IF NOT EXISTS mentions (  -- quotes found in a document, kept for statement queries
    doc   TEXT PRIMARY KEY,            -- the user's id
    key   TEXT NOT NULL,               -- digest of what they were found with (code, speakers, body)
    spans TEXT NOT NULL                -- JSON [[start, end, speaker, kind, quoted, basis], ...]
)
"""

DOC_COLUMNS = (
    "n, doc, title, source, site, url, date, text, body_start, body_end, content_hash, origin"
)


class SettingsError(ValueError):
    """The store was built with other fingerprint settings; its signatures would not compare."""


def id_list(ids: Iterable[int]) -> str:
    """Many ids as one SQL parameter, for ``n IN (SELECT value FROM json_each(?))``: a list of
    any length, where one ``?`` per id stops at SQLite's bound-parameter limit."""
    return json.dumps([int(i) for i in ids])


IN_IDS = "IN (SELECT value FROM json_each(?))"


class ConflictError(ValueError):
    """Same id, different content, and the caller did not ask to replace."""


class Store:
    """A dedup database. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = "dedup.db") -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as error:
            raise ValueError(f"{self.path}: not a dedup database ({error})") from error

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: an exception (or a kill) leaves the store as it was before."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- settings that must not change under a stored index --------------------------------

    def check_settings(self, settings: dict[str, object]) -> None:
        """Record fingerprint settings on first use; refuse to mix signatures made otherwise."""
        stored = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        wanted = {k: str(v) for k, v in settings.items()}
        if not stored:
            self.db.executemany("INSERT INTO meta VALUES (?, ?)", wanted.items())
            return
        changed = [
            f"{k}={stored.get(k)} (asked {v})" for k, v in wanted.items() if stored.get(k) != v
        ]
        if changed:
            raise SettingsError(
                f"{self.path}: built with other fingerprint settings: {', '.join(changed)}; "
                "use another --db or the stored settings"
            )

    # -- documents -----------------------------------------------------------------------

    def lookup(self, doc_id: str) -> tuple[int, str] | None:
        """``(n, content_hash)`` of a stored id, or None."""
        row = self.db.execute(
            "SELECT n, content_hash FROM documents WHERE doc = ?", (doc_id,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def insert(self, doc: Document, folded: str, line_starts: np.ndarray, body_hash: str) -> int:
        """Store a new document; returns its number. The caller checked the id is free."""
        cursor = self.db.execute(
            "INSERT INTO documents (doc, title, source, site, url, date, text, body_start, body_end,"
            " folded, line_starts, content_hash, body_hash, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id,
                doc.title,
                doc.source,
                doc.site,
                doc.url,
                doc.date,
                doc.text,
                doc.body_start,
                doc.body_end,
                folded,
                line_starts.astype("<i4").tobytes(),
                doc.content_hash,
                body_hash,
                doc.where,
            ),
        )
        return int(cursor.lastrowid)

    def delete(self, n: int) -> None:
        """Forget a document and every pair it was in; documents it was the original of
        fall back to themselves."""
        self.db.execute("UPDATE documents SET original = NULL WHERE original = ?", (n,))
        self.db.execute("DELETE FROM matches WHERE a = ? OR b = ?", (n, n))
        self.db.execute("DELETE FROM signatures WHERE n = ?", (n,))
        if self._has_mentions():
            self.db.execute(
                "DELETE FROM mentions WHERE doc = (SELECT doc FROM documents WHERE n = ?)", (n,)
            )
        self.db.execute("DELETE FROM documents WHERE n = ?", (n,))

    def document(self, n: int) -> Document:
        row = self.db.execute(f"SELECT {DOC_COLUMNS} FROM documents WHERE n = ?", (n,)).fetchone()
        if row is None:
            raise KeyError(n)
        return _document(row)

    def documents(self) -> Iterator[tuple[int, Document]]:
        """All documents in ingestion order."""
        for row in self.db.execute(f"SELECT {DOC_COLUMNS} FROM documents ORDER BY n"):
            yield row[0], _document(row)

    def infos(self, ns: Iterable[int]) -> dict[int, DocInfo]:
        """Metadata of many documents in a few queries (no text)."""
        rows = self.db.execute(
            f"SELECT n, doc, title, source, site, date FROM documents WHERE n {IN_IDS}",
            (id_list(ns),),
        )
        return {row[0]: DocInfo(*row) for row in rows}

    def originals(self, ns: list[int]) -> list[int]:
        """The original each of these documents was given at ingestion (itself if none)."""
        rows = dict(
            self.db.execute(
                f"SELECT n, COALESCE(original, n) FROM documents WHERE n {IN_IDS}", (id_list(ns),)
            )
        )
        return [rows[n] for n in ns]

    def set_original(self, n: int, original: int) -> None:
        self.db.execute("UPDATE documents SET original = ? WHERE n = ?", (original, n))

    def folded(self, n: int) -> tuple[str, np.ndarray, str, str | None]:
        """``(folded body, line starts, body hash, site)`` of a stored document."""
        row = self.db.execute(
            "SELECT folded, line_starts, body_hash, site FROM documents WHERE n = ?", (n,)
        ).fetchone()
        if row is None:
            raise KeyError(n)
        return row[0], np.frombuffer(row[1], dtype="<i4").astype(np.int64), row[2], row[3]

    def body_hash(self, n: int) -> str:
        return self.db.execute("SELECT body_hash FROM documents WHERE n = ?", (n,)).fetchone()[0]

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    # -- mentions found by quote extraction, reused while nothing they depend on changed --

    def _has_mentions(self) -> bool:
        found = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mentions'"
        return self.db.execute(found).fetchone() is not None

    def mentions(self) -> dict[str, tuple[str, list[list]]]:
        """Document id -> (key it was found with, spans) for every cached document."""
        if not self._has_mentions():
            return {}
        rows = self.db.execute("SELECT doc, key, spans FROM mentions")
        return {doc: (key, json.loads(spans)) for doc, key, spans in rows}

    def put_mentions(self, rows: Iterable[tuple[str, str, list[list]]]) -> None:
        """Cache ``(doc id, key, spans)`` rows, replacing what a document had."""
        with self.transaction() as db:
            db.execute(MENTIONS)
            db.executemany(
                "INSERT OR REPLACE INTO mentions VALUES (?, ?, ?)",
                ((doc, key, json.dumps(spans, ensure_ascii=False)) for doc, key, spans in rows),
            )

    # -- signatures ----------------------------------------------------------------------

    def put_signature(self, n: int, sig: np.ndarray) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO signatures VALUES (?, ?)", (n, sig.astype("<u4").tobytes())
        )

    def signature(self, n: int) -> np.ndarray:
        row = self.db.execute("SELECT sig FROM signatures WHERE n = ?", (n,)).fetchone()
        if row is None:
            raise KeyError(n)
        return np.frombuffer(row[0], dtype="<u4")


def _document(row: tuple) -> Document:
    _, doc, title, source, site, url, date, text, body_start, body_end, content_hash, origin = row
    return Document(
        doc, text, title, source, site, url, date, body_start, body_end, content_hash, origin
    )
