"""LSH band index on SQLite: finds the stored documents whose signatures may be near-duplicates.

A signature is cut into ``lsh_bands`` bands of ``lsh_rows`` values; two documents become
candidates when any band matches exactly. Each band is stored as one 64-bit key, so a lookup is
``lsh_bands`` B-tree probes, and memory stays bounded however many documents are indexed (an
in-memory datasketch ``MinHashLSH`` needs ~840 MB per 100k documents).

Layout, chosen by bench/index_1m.py:
- ``lsh_band(band, key, doc)`` is a WITHOUT ROWID table clustered on all three columns: the
  candidate query reads only that B-tree (a covering lookup), and re-adding a pair is a no-op.
- ``lsh_doc(doc, keys)`` keeps each document's band keys as one blob, so ``remove(doc)`` deletes
  by primary key instead of scanning, for ~340 bytes per document rather than a second index.

The index stores band keys only; the caller keeps the signatures and owns the transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

import numpy as np

from dedup.config import Config
from dedup.fingerprint import EMPTY, fmix64_inplace
from dedup.store import IN_IDS, id_list

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS lsh_band ("
    " band INTEGER NOT NULL, key INTEGER NOT NULL, doc INTEGER NOT NULL,"
    " PRIMARY KEY (band, key, doc)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS lsh_doc (doc INTEGER PRIMARY KEY, keys BLOB NOT NULL)",
)
# Odd multiplier folding a band's rows into its key; any fixed odd constant works.
_ROW_MULT = np.uint64(0xD6E8FEB86659FD93)


def band_key_matrix(sigs: np.ndarray, cfg: Config) -> np.ndarray:
    """Band keys of many signatures: ``(n, lsh_bands)`` int64, one key per band.

    Keys are pure arithmetic on the signature values (no Python ``hash()``, which is salted per
    process), so they are the same in every process that reads the database. The band number
    seeds each key, so equal rows in different bands do not give equal keys.
    """
    sigs = np.atleast_2d(np.asarray(sigs, dtype=np.uint32))
    if sigs.shape[1] != cfg.num_perm:
        raise ValueError(f"signature length {sigs.shape[1]} != num_perm {cfg.num_perm}")
    used = cfg.lsh_bands * cfg.lsh_rows
    rows = sigs[:, :used].reshape(len(sigs), cfg.lsh_bands, cfg.lsh_rows).astype(np.uint64)
    keys = np.broadcast_to(np.arange(cfg.lsh_bands, dtype=np.uint64), rows.shape[:2]).copy()
    for r in range(cfg.lsh_rows):
        np.multiply(keys, _ROW_MULT, out=keys)
        np.bitwise_xor(keys, rows[:, :, r], out=keys)
        fmix64_inplace(keys)
    return keys.view(np.int64)


def _row_tuples(*columns: np.ndarray, chunk: int = 1 << 16) -> Iterator[tuple[int, ...]]:
    """Rows for ``executemany`` built a chunk at a time: converting a whole 100k-document batch
    to Python ints at once would cost ~0.5 GB."""
    for start in range(0, len(columns[0]), chunk):
        yield from zip(*(c[start : start + chunk].tolist() for c in columns), strict=True)


def _is_empty(sig: np.ndarray) -> bool:
    """An empty text's signature: every empty document would share every band with every other."""
    return bool(np.all(sig == EMPTY))


class BandIndex:
    """Persistent LSH banding over a caller-owned ``sqlite3.Connection``."""

    def __init__(self, conn: sqlite3.Connection, cfg: Config) -> None:
        self.conn = conn
        self.cfg = cfg
        for statement in _SCHEMA:
            conn.execute(statement)

    def band_keys(self, sig: np.ndarray) -> list[int]:
        """One signed 64-bit key per band of ``sig``."""
        return band_key_matrix(sig, self.cfg)[0].tolist()

    def add(self, doc: int, sig: np.ndarray) -> None:
        """Index one document (empty-text signatures are skipped, see ``_is_empty``)."""
        self.add_many([(doc, sig)])

    def add_many(self, items: Iterable[tuple[int, np.ndarray]]) -> None:
        """Index many documents with two ``executemany`` calls; the caller commits.

        Rows are inserted in key order so each B-tree page is visited once per batch rather
        than at random, which is what keeps bulk loading fast once the table outgrows the cache.
        Adding a document again replaces its keys.
        """
        pairs = [(int(doc), sig) for doc, sig in items if not _is_empty(sig)]
        if not pairs:
            return
        docs = np.array([doc for doc, _ in pairs], dtype=np.int64)
        self.remove_many(docs.tolist())
        self.add_keys(docs, band_key_matrix(np.stack([sig for _, sig in pairs]), self.cfg))

    def add_keys(self, docs: np.ndarray, keys: np.ndarray) -> None:
        """Index documents not indexed yet, by precomputed band keys (``band_key_matrix``).

        Rows are inserted in key order so each B-tree page is visited once per batch rather
        than at random, which is what keeps bulk loading fast once the table outgrows the cache.
        """
        if not len(docs):
            return
        self.conn.executemany(
            "INSERT INTO lsh_doc (doc, keys) VALUES (?, ?)",
            zip(docs.tolist(), (row.tobytes() for row in keys), strict=True),
        )
        bands = np.broadcast_to(np.arange(self.cfg.lsh_bands), keys.shape).ravel()
        flat_docs = np.repeat(docs, self.cfg.lsh_bands)
        flat_keys = keys.ravel()
        order = np.lexsort((flat_docs, flat_keys, bands))
        self.conn.executemany(
            "INSERT OR IGNORE INTO lsh_band (band, key, doc) VALUES (?, ?, ?)",
            _row_tuples(bands[order], flat_keys[order], flat_docs[order]),
        )

    def candidates(self, sig: np.ndarray, exclude: int | None = None) -> list[int]:
        """Documents sharing at least one band with ``sig``, most shared bands first.

        Ties are broken by document id so the order is reproducible.
        """
        if _is_empty(sig):
            return []
        return [doc for doc, _ in self.shared_bands(self.band_keys(sig), exclude)]

    def shared_bands(self, keys: list[int], exclude: int | None = None) -> list[tuple[int, int]]:
        """``(doc, bands shared)`` for precomputed band keys, most shared first, then by doc."""
        values = ",".join("(?,?)" for _ in keys)
        params: list[int] = [v for band, key in enumerate(keys) for v in (band, key)]
        rows = self.conn.execute(
            f"WITH q(band, key) AS (VALUES {values}) "
            "SELECT l.doc, COUNT(*) FROM q JOIN lsh_band AS l ON l.band = q.band AND l.key = q.key "
            "WHERE l.doc IS NOT ? GROUP BY l.doc ORDER BY COUNT(*) DESC, l.doc",
            [*params, exclude],
        )
        return rows.fetchall()

    def remove(self, doc: int) -> None:
        """Forget a document; unknown ids are ignored."""
        self.remove_many([doc])

    def remove_many(self, docs: Iterable[int]) -> None:
        """Forget several documents, looking their keys up in ``lsh_doc`` (no table scan)."""
        found = self.conn.execute(
            f"SELECT doc, keys FROM lsh_doc WHERE doc {IN_IDS}", (id_list(docs),)
        ).fetchall()
        if not found:
            return
        self.conn.executemany(
            "DELETE FROM lsh_band WHERE band = ? AND key = ? AND doc = ?",
            (
                (band, key, doc)
                for doc, blob in found
                for band, key in enumerate(np.frombuffer(blob, dtype=np.int64).tolist())
            ),
        )
        self.conn.executemany("DELETE FROM lsh_doc WHERE doc = ?", ((doc,) for doc, _ in found))

    def __len__(self) -> int:
        """Number of indexed documents."""
        return self.conn.execute("SELECT COUNT(*) FROM lsh_doc").fetchone()[0]
