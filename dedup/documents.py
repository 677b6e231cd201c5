"""Documents: a record plus what we learned from its page (title, date, origin, site, body).

Fields the input states (JSON lines, HTML metadata) win over what we extract, but are
normalized the same way, so ``求是網`` given by a crawler and ``求是网`` found on a date line
are one outlet.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from dedup.metadata import extract, parse_date
from dedup.readers import Record
from dedup.sources import Aliases


@dataclass(frozen=True)
class Document:
    """One article as stored: the original text for display and its metadata."""

    id: str
    text: str
    title: str | None
    source: str | None  # the outlet the page credits as origin
    site: str | None  # the site that carried the page
    url: str | None
    date: str | None  # ISO 8601
    body_start: int
    body_end: int
    content_hash: str  # of the input as given, so reruns can tell "same" from "changed"
    where: str = ""

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.body_end]


@dataclass(frozen=True)
class DocInfo:
    """A stored document's identity and metadata without its text: what clusters and
    graphs need, cheap to load for many documents at once."""

    n: int
    id: str
    title: str | None
    source: str | None
    site: str | None
    date: str | None


def content_hash(record: Record) -> str:
    """Hash of the input (text and given fields), not of anything we derive from it.

    Hashing derived fields would make a rerun after an extractor change look like
    conflicting content; hashing the input keeps "same id, same content" a true no-op.
    """
    payload = json.dumps([record.text, sorted(record.given.items())], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def build_document(record: Record, aliases: Aliases) -> Document:
    """Extract page metadata and the body span, then let the record's given fields win."""
    meta = extract(record.text, aliases)
    given = record.given
    source = aliases.canonical(given["source"]) if "source" in given else meta.source
    site = aliases.canonical(given["site"]) if "site" in given else meta.site
    # A given date we cannot read is dropped, not stored raw: "01/09/2024" would sort before
    # every ISO date and make its page everybody's original.
    date = parse_date(given["date"]) if "date" in given else meta.date
    return Document(
        id=record.id,
        text=record.text,
        title=given.get("title") or meta.title,
        source=source,
        site=site,
        url=given.get("url"),
        date=date,
        body_start=meta.body_start,
        body_end=meta.body_end,
        content_hash=content_hash(record),
        where=record.where,
    )
