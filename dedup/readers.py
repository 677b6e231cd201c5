"""Read what users hand us — scraped text pages, crawler JSON lines, HTML — into records.

Readers never stop at the first bad item: every problem becomes a ``Problem`` that names the
file (and line), and reading goes on with the next item. Nothing here interprets the text;
metadata and bodies are ``documents.py``'s job.
"""

from __future__ import annotations

import codecs
import functools
import json
import re
import string
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

# A scraped page is tens of kilobytes; a 32 MB "page" is a dump that would stall a run.
MAX_PAGE_BYTES = 32 * 1024 * 1024
# JSON-lines fields we accept; anything else in a record is ignored.
GIVEN_FIELDS = ("title", "source", "site", "url", "date")
PAGE_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


@dataclass(frozen=True)
class Record:
    """One input item before metadata extraction."""

    id: str
    text: str
    where: str  # "path" or "path:line", for messages
    given: dict[str, str] = field(default_factory=dict)  # fields the input stated; they win
    html: bool = False


@dataclass(frozen=True)
class Problem:
    """An item that could not be read, or (``skipped`` False) was stored with a part left
    out; ``where`` is "path" or "path:line"."""

    where: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class DecodeError(ValueError):
    """Bytes that are no text in any encoding we accept."""


_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Legacy encodings Chinese pages arrive in, tried strictly when UTF-8 fails.
_LEGACY = ("gb18030", "big5", "utf-16-le", "utf-16-be")
# A wrong encoding that happens to decode yields rare characters; the right one mostly common.
_MIN_PLAUSIBLE = 0.6


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16, GB18030/GBK or Big5.

    Returns ``(text, encoding)``. Strict UTF-8 comes first because it almost never decodes
    text that is really something else. GB18030, Big5 and BOM-less UTF-16 overlap, so each
    strict decoding is scored by its share of common characters and the best one wins.
    (charset-normalizer was measured on the seeds and misjudged short GBK/Big5 snippets and
    BOM-less UTF-16 of Chinese text, which this does not.)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:  # damaged: see decode_damaged
                raise DecodeError(f"not valid {encoding} at byte {error.start:,}") from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    scored = []
    for encoding in _LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(text), encoding, text))
    if scored:
        score, encoding, text = max(scored)
        if score >= _MIN_PLAUSIBLE:
            return text, encoding
    raise DecodeError("not text in UTF-8, UTF-16, GB18030/GBK or Big5")


# The most undecodable bytes a page may hold and still be read, with U+FFFD in their place:
# a few garbled bytes in a long page (a bad copy, a cut in a multi-byte character) lose a
# character or two, not the page; more mean the encoding is wrong, not the page damaged.
_MAX_DAMAGE = 0.002
_MIN_DAMAGE_ALLOWED = 8


def decode_damaged(data: bytes) -> tuple[str, str, int, int]:
    """Decode bytes that no encoding takes whole: ``(text, encoding, bad, first)`` with each
    undecodable byte sequence replaced by U+FFFD, ``bad`` of them, the first at byte
    ``first``. UTF-8 wins whenever it is within the limit: a legacy decoding of UTF-8 bytes
    can leave fewer replacements and still look like text (鍝佺墝…). Otherwise the most
    plausible legacy decoding within the limit wins. Raises DecodeError if every encoding
    leaves more than ``_MAX_DAMAGE`` of the bytes (at least ``_MIN_DAMAGE_ALLOWED``)
    undecodable.
    """
    allowed = max(_MIN_DAMAGE_ALLOWED, int(len(data) * _MAX_DAMAGE))
    body, utf8 = (data[3:], "utf-8-sig") if data.startswith(codecs.BOM_UTF8) else (data, "utf-8")
    found = []
    for encoding in (utf8, "gb18030", "big5"):
        try:
            body.decode(encoding)
            continue  # decodes whole: decode() judged it implausible
        except UnicodeDecodeError as error:
            first = error.start + len(data) - len(body)
        text = body.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        plausible = _plausibility(text)
        if bad <= allowed and plausible >= _MIN_PLAUSIBLE:
            if encoding == utf8:
                return text, "utf-8", bad, first
            found.append((plausible, -bad, encoding, text, first))
    if not found:
        raise DecodeError("not text in UTF-8, UTF-16, GB18030/GBK or Big5")
    _, negative, encoding, text, first = max(found)
    return text, encoding, -negative, first


def damage_note(encoding: str, bad: int, first: int) -> str:
    """The warning for a page read by :func:`decode_damaged`."""
    what = "byte sequence" if bad == 1 else "byte sequences"
    return f"read as {encoding} with {bad} undecodable {what} replaced by U+FFFD (first at byte {first:,})"


@functools.cache
def _common_chars() -> frozenset[str]:
    """The 3,755 most common Simplified (GB2312 level 1) and 5,401 most common Traditional
    (Big5 level 1) characters, plus printable ASCII and CJK/full-width punctuation."""
    chars = set(string.printable)
    chars.update(chr(c) for c in range(0x3000, 0x3040))
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))
    chars.update(chr(c) for c in range(0x2010, 0x2040))
    for hi in range(0xB0, 0xD8):
        chars.update(bytes([hi, lo]).decode("gb2312", "ignore") for lo in range(0xA1, 0xFF))
    for hi in range(0xA4, 0xC7):
        for lo in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            chars.add(bytes([hi, lo]).decode("big5", "ignore"))
    chars.discard("")
    return frozenset(chars)


def _plausibility(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 0.0
    common = _common_chars()
    return sum(ch in common for ch in sample) / len(sample)


def read_paths(
    paths: Iterable[str | Path], stdin: BinaryIO | None = None
) -> Iterator[Record | Problem]:
    """Yield records from files and directories (recursively); ``-`` reads JSON lines from stdin."""
    for raw in paths:
        if str(raw) == "-":
            yield from read_jsonl_stream(stdin or sys.stdin.buffer, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES
            )
            if not files:
                yield Problem(str(path), "directory holds no .txt, .jsonl, .html or .htm files")
            stems = Counter(f.stem for f in files if f.suffix.lower() != ".jsonl")
            for file in files:
                # crawl/a/index.html and crawl/b/index.html are two pages: where a directory
                # holds one stem twice, those pages are named by their path inside it
                shared = stems[file.stem] > 1
                yield from read_file(
                    file, file.relative_to(path).with_suffix("").as_posix() if shared else None
                )
        elif path.exists():
            yield from read_file(path)
        else:
            yield Problem(str(path), "no such file or directory")


def read_file(path: Path, doc_id: str | None = None) -> Iterator[Record | Problem]:
    """Read one file by its suffix: .txt page, .html/.htm page, or .jsonl records. A page's
    id is ``doc_id``, by default its file name without the suffix."""
    suffix = path.suffix.lower()
    if suffix not in PAGE_SUFFIXES:
        yield Problem(
            str(path), f"unsupported file type {suffix or '(none)'}; use .txt, .jsonl, .html"
        )
        return
    try:
        size = path.stat().st_size
        if suffix == ".jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl_stream(stream, str(path))
            return
        if size > MAX_PAGE_BYTES:
            yield Problem(
                str(path),
                f"{size / 2**20:.0f} MB is too large for one page (limit {MAX_PAGE_BYTES // 2**20} MB)",
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield Problem(str(path), f"cannot read: {error.strerror or error}")
        return
    yield from _page(doc_id or path.stem, data, str(path), html=suffix in {".html", ".htm"})


def _page(doc_id: str, data: bytes, where: str, html: bool) -> Iterator[Record | Problem]:
    if not data.strip():
        yield Problem(where, "empty file")
        return
    try:
        text, _ = decode(data)
    except DecodeError as error:
        try:
            text, encoding, bad, first = decode_damaged(data)
        except DecodeError:
            yield Problem(where, str(error))
            return
        yield Problem(where, damage_note(encoding, bad, first), skipped=False)
    if html:
        yield from _html_record(doc_id, text, where)
    elif text.strip():
        yield Record(doc_id, text, where)
    else:
        yield Problem(where, "no text")


def _html_record(doc_id: str, html: str, where: str) -> Iterator[Record | Problem]:
    """Main text of an HTML page via trafilatura; its title/date/site become given fields."""
    import trafilatura  # imported lazily: it costs ~0.3 s and only HTML input needs it

    extracted = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True)
    if extracted is None or not (extracted.text or "").strip():
        yield Problem(where, "no article text found in the HTML")
        return
    given = {
        key: value
        for key, value in (
            ("title", extracted.title),
            ("date", extracted.date),
            ("site", extracted.sitename),
        )
        if value
    }
    text = extracted.text if not extracted.title else f"{extracted.title}\n\n{extracted.text}"
    yield Record(doc_id, text, where, given, html=True)


def read_jsonl_stream(stream: BinaryIO, name: str) -> Iterator[Record | Problem]:
    """One JSON object per line with ``id`` and ``text``; a bad line is reported, not fatal."""
    seen_any = False
    for number, line in enumerate(_lines(stream), start=1):
        where = f"{name}:{number}"
        if line is None:
            seen_any = True
            yield Problem(where, f"line over {MAX_PAGE_BYTES:,} bytes is too large for one record")
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            try:
                text = decode(line)[0]
            except DecodeError:
                text, encoding, bad, first = decode_damaged(line)
                yield Problem(where, damage_note(encoding, bad, first), skipped=False)
            obj = json.loads(text)
        except (DecodeError, json.JSONDecodeError) as error:
            yield Problem(where, f"not a JSON line ({error})")
            continue
        problem = _check_record(obj)
        if problem:
            yield Problem(where, problem)
            continue
        given = {
            k: _no_surrogates(str(obj[k]).strip())
            for k in GIVEN_FIELDS
            if obj.get(k) not in (None, "")
        }
        yield Record(
            _no_surrogates(str(obj["id"]).strip()), _no_surrogates(obj["text"]), where, given
        )
    if not seen_any:
        yield Problem(name, "empty file")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    """JSON may escape half a surrogate pair (``"\\ud800"``): no text holds one, and SQLite
    cannot store one, so it becomes U+FFFD like any other undecodable character."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Lines of a stream, None for a line over ``MAX_PAGE_BYTES``: read in bounded pieces,
    so one giant line costs no more memory than the limit."""
    while line := stream.readline(MAX_PAGE_BYTES + 1):
        if len(line) <= MAX_PAGE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(MAX_PAGE_BYTES)) and not rest.endswith(b"\n"):
            pass  # skip the rest of the oversized line
        yield None


def _check_record(obj: object) -> str | None:
    if not isinstance(obj, dict):
        return "a JSON line must be an object with 'id' and 'text'"
    missing = [key for key in ("id", "text") if obj.get(key) is None]
    if missing:
        return f"missing {' and '.join(repr(k) for k in missing)}"
    empty = [key for key in ("id", "text") if str(obj[key]).strip() == ""]
    if empty:
        return f"empty {' and '.join(repr(k) for k in empty)}"
    if not isinstance(obj["text"], str):
        return "'text' must be a string"
    if not isinstance(obj["id"], str | int) or isinstance(obj["id"], bool):
        return "'id' must be a string or an integer"
    return None
