"""The SQLite store: plain-array signatures, settings guard, id lists of any length."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from dedup.config import Config
from dedup.pipeline import ingest
from dedup.reposts import Detector
from dedup.store import SettingsError, Store
from tests.conftest import SEEDS


def test_signatures_are_plain_uint32_arrays(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        ingest(SEEDS[:2], store)
        sig = store.signature(1)
        raw = store.db.execute("SELECT sig FROM signatures WHERE n = 1").fetchone()[0]
    assert sig.dtype == np.dtype("<u4") and sig.size == Config().num_perm
    assert raw == sig.tobytes() and len(raw) == 4 * Config().num_perm  # no pickle, no header


def test_other_fingerprint_settings_are_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        Detector(store, Config())
        with pytest.raises(SettingsError, match="shingle_size=5 \\(asked 4\\)"):
            Detector(store, Config(shingle_size=4))


def test_id_lists_longer_than_sqlites_parameter_limit(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        ingest(SEEDS, store)
        store.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        wanted = [*range(1, 6), *range(10_000, 50_000)]
        infos = store.infos(wanted)
        assert sorted(infos) == [1, 2, 3, 4, 5]
        assert store.originals([1, 2, 3]) == [1, 2, 3]


def test_kept_mentions_are_plain_json_and_leave_with_their_document(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        ingest(SEEDS[:2], store)
        first = store.document(1).id
        store.put_mentions([(first, "k", [[3, 9, "习近平", "statement", True, "before"]])])
        raw = store.db.execute("SELECT spans FROM mentions").fetchone()[0]
        assert raw == '[[3, 9, "习近平", "statement", true, "before"]]'  # no pickle
        assert store.mentions() == {first: ("k", [[3, 9, "习近平", "statement", True, "before"]])}
        store.delete(1)
        assert store.mentions() == {}
