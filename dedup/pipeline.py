"""Ingestion as one loop: read -> document -> detect -> store, in batches.

Each item yields a ``Flag`` or a ``Problem``; a problem never stops the loop. Items are taken
``batch`` at a time: their fingerprints are computed in one vectorised call, then each is
detected and stored in order, and the batch is committed. A killed run keeps every finished
batch, and a rerun skips what is stored (same id and content is a no-op) and carries on.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TypeVar

from dedup.config import Config
from dedup.documents import build_document, content_hash
from dedup.metadata import parse_date
from dedup.readers import Problem, Record, read_paths
from dedup.reposts import Detector, Flag, prepare
from dedup.sources import Aliases
from dedup.store import ConflictError, Store

T = TypeVar("T")


@dataclass
class Summary:
    """Counts of one run, by flag status, plus every problem met."""

    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def note(self, item: Flag | Problem) -> None:
        if isinstance(item, Problem):
            self.problems.append(item)
            if not item.skipped:  # stored all the same
                return
        else:
            self.counts[item.status] = self.counts.get(item.status, 0) + 1

    @property
    def done(self) -> int:
        return sum(self.counts.values())


def ingest_iter(
    paths: Iterable[str | Path],
    store: Store,
    cfg: Config | None = None,
    aliases: Aliases | None = None,
    replace: bool = False,
    batch: int = 200,
    stdin: BinaryIO | None = None,
) -> Iterator[Flag | Problem]:
    """Store every readable document under ``paths`` and yield its flag (or the problem)."""
    cfg = cfg or Config()
    detector = Detector(store, cfg)
    aliases = aliases or Aliases.load(None)
    first_seen: dict[str, str] = {}
    for chunk in _chunks(read_paths(paths, stdin), batch):
        with store.transaction():
            yield from _ingest_chunk(chunk, store, detector, cfg, aliases, replace, first_seen)
            detector.flush()


def _ingest_chunk(
    chunk: list[Record | Problem],
    store: Store,
    detector: Detector,
    cfg: Config,
    aliases: Aliases,
    replace: bool,
    first_seen: dict[str, str],
) -> Iterator[Flag | Problem]:
    """Flags for one batch, in input order; only new or changed records are prepared."""
    items: list[Record | Problem | Flag] = []
    for item in chunk:
        if isinstance(item, Record):
            item = _repeated_id(item, first_seen) or _unchanged(item, store) or item
        items.append(item)
    records = [item for item in items if isinstance(item, Record)]
    ready = iter(prepare([build_document(r, aliases) for r in records], cfg))
    for item in items:
        if not isinstance(item, Record):
            yield item
            continue
        if "date" in item.given and parse_date(item.given["date"]) is None:
            yield Problem(
                item.where,
                f"date {item.given['date']!r} not understood; stored without a date",
                skipped=False,
            )
        try:
            yield detector.add_prepared(next(ready), replace=replace)
        except ConflictError as error:
            yield Problem(item.where, str(error))


def _unchanged(record: Record, store: Store) -> Flag | None:
    """A record stored before with the same content: a rerun skips it before any real work."""
    known = store.lookup(record.id)
    return Flag(record.id, "unchanged") if known and known[1] == content_hash(record) else None


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items: the unit of vectorised work and of commits."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _repeated_id(record: Record, first_seen: dict[str, str]) -> Problem | None:
    """A second record with an id already read in this run is reported, not stored twice."""
    if record.id in first_seen:
        first = first_seen[record.id]
        again = ", the same input given twice" if first == record.where else ""
        return Problem(record.where, f"duplicate id {record.id!r} (first at {first}{again})")
    first_seen[record.id] = record.where
    return None


def ingest(paths: Iterable[str | Path], store: Store, **options: object) -> Summary:
    """Run ``ingest_iter`` to the end and count what happened."""
    summary = Summary()
    for item in ingest_iter(paths, store, **options):  # type: ignore[arg-type]
        summary.note(item)
    return summary


def check_iter(
    paths: Iterable[str | Path],
    store: Store,
    cfg: Config | None = None,
    aliases: Aliases | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Flag | Problem]:
    """Flag documents against the store without storing them."""
    detector = Detector(store, cfg)
    aliases = aliases or Aliases.load(None)
    for item in read_paths(paths, stdin):
        yield item if isinstance(item, Problem) else detector.check(build_document(item, aliases))
