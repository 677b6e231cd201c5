"""Tests for dedup.index.BandIndex on real SQLite files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dedup.config import Config
from dedup.fingerprint import EMPTY, shingle_hashes, signature
from dedup.index import BandIndex, band_key_matrix
from dedup.normalize import fold

SEEDS = sorted((Path(__file__).resolve().parents[1] / "samples").glob("00[0-4]_*.txt"))
CFG = Config()


def body_signature(text: str) -> np.ndarray:
    return signature(shingle_hashes(fold(text).text, CFG.shingle_size), CFG)


def seed_text(i: int) -> str:
    return SEEDS[i].read_text(encoding="utf-8")


def repost_of(page: str) -> str:
    """A truncated, lightly edited repost: new chrome on top, last third cut, words swapped."""
    paragraphs = [p for p in page.splitlines() if p.strip()]
    kept = paragraphs[: 2 * len(paragraphs) // 3]
    edited = "\n".join(kept).replace("科技创新", "科技創新").replace("推动", "推进")
    return "转载自新华网客户端 责任编辑:王明\n" + edited


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "index.db"


@pytest.fixture
def seeded(db_path: Path) -> tuple[sqlite3.Connection, BandIndex]:
    """The five seed pages, which are not reposts of one another, indexed as docs 1..5."""
    conn = sqlite3.connect(db_path)
    index = BandIndex(conn, CFG)
    with conn:
        index.add_many((i + 1, body_signature(seed_text(i))) for i in range(len(SEEDS)))
    return conn, index


def test_repost_is_a_candidate_and_other_seeds_are_not(seeded) -> None:
    _, index = seeded
    for i in range(len(SEEDS)):
        assert index.candidates(body_signature(repost_of(seed_text(i)))) == [i + 1]


def test_exclude_leaves_out_the_document_itself(seeded) -> None:
    _, index = seeded
    sig = body_signature(seed_text(2))
    assert index.candidates(sig) == [3]
    assert index.candidates(sig, exclude=3) == []


def test_remove_forgets_the_document(seeded) -> None:
    conn, index = seeded
    repost = body_signature(repost_of(seed_text(0)))
    with conn:
        index.remove(1)
        index.remove(99)  # unknown ids are ignored
    assert index.candidates(repost) == []
    assert len(index) == len(SEEDS) - 1
    assert conn.execute("SELECT COUNT(*) FROM lsh_band WHERE doc = 1").fetchone()[0] == 0


def test_adding_again_replaces_the_old_keys(seeded) -> None:
    conn, index = seeded
    with conn:
        index.add(1, body_signature(seed_text(4)))
    assert index.candidates(body_signature(repost_of(seed_text(0)))) == []
    assert index.candidates(body_signature(seed_text(4))) == [1, 5]
    assert (
        conn.execute("SELECT COUNT(*) FROM lsh_band WHERE doc = 1").fetchone()[0] == CFG.lsh_bands
    )


def test_reopening_the_file_keeps_the_index(seeded, db_path: Path) -> None:
    conn, _ = seeded
    conn.close()
    reopened = sqlite3.connect(db_path)
    index = BandIndex(reopened, CFG)
    assert len(index) == len(SEEDS)
    assert index.candidates(body_signature(repost_of(seed_text(3)))) == [4]
    reopened.close()


def test_candidates_are_ordered_by_shared_bands(db_path: Path) -> None:
    rng = np.random.default_rng(3)
    query = rng.integers(0, 2**32 - 1, size=CFG.num_perm, dtype=np.uint32)
    rows = CFG.lsh_rows

    def sharing(bands: int) -> np.ndarray:
        sig = rng.integers(0, 2**32 - 1, size=CFG.num_perm, dtype=np.uint32)
        sig[: bands * rows] = query[: bands * rows]
        return sig

    conn = sqlite3.connect(db_path)
    index = BandIndex(conn, CFG)
    index.add_many([(10, sharing(2)), (11, sharing(30)), (12, sharing(0)), (13, sharing(9))])
    assert index.candidates(query) == [11, 13, 10]


def test_band_keys_are_distinct_per_band_and_sign_range() -> None:
    index = BandIndex(sqlite3.connect(":memory:"), CFG)
    keys = index.band_keys(np.full(CFG.num_perm, 7, dtype=np.uint32))
    assert len(keys) == CFG.lsh_bands
    assert len(set(keys)) == CFG.lsh_bands  # equal rows in different bands, different keys
    assert all(-(2**63) <= k < 2**63 for k in keys)


def test_band_keys_are_the_same_in_another_process() -> None:
    """Keys are persisted: a salted Python hash() would make old rows unreachable."""
    code = (
        "import numpy as np;from dedup.config import Config;from dedup.index import BandIndex;"
        "import sqlite3;print(BandIndex(sqlite3.connect(':memory:'), Config())"
        ".band_keys(np.arange(128, dtype=np.uint32)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "777", "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    index = BandIndex(sqlite3.connect(":memory:"), CFG)
    assert out.stdout.strip() == str(index.band_keys(np.arange(128, dtype=np.uint32)))


def test_empty_text_is_not_indexed(db_path: Path) -> None:
    index = BandIndex(sqlite3.connect(db_path), CFG)
    empty = np.full(CFG.num_perm, EMPTY, dtype=np.uint32)
    index.add_many([(1, empty), (2, empty)])
    assert len(index) == 0
    assert index.candidates(empty) == []


# Values from {0, 1}: a band (3 values) matches another with probability 1/8, so random
# signatures share some bands and not others.
small_sigs = st.lists(
    st.lists(st.integers(0, 1), min_size=CFG.num_perm, max_size=CFG.num_perm),
    min_size=1,
    max_size=8,
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(small_sigs, st.lists(st.integers(0, 1), min_size=CFG.num_perm, max_size=CFG.num_perm))
def test_candidates_match_a_naive_band_comparison(stored: list[list[int]], query: list[int]):
    conn = sqlite3.connect(":memory:")
    index = BandIndex(conn, CFG)
    sigs = np.array(stored, dtype=np.uint32)
    index.add_many(enumerate(sigs))
    q = np.array(query, dtype=np.uint32)
    rows, bands = CFG.lsh_rows, CFG.lsh_bands

    def shared(sig: np.ndarray) -> int:
        return sum(
            np.array_equal(sig[b * rows : (b + 1) * rows], q[b * rows : (b + 1) * rows])
            for b in range(bands)
        )

    counts = {doc: shared(sig) for doc, sig in enumerate(sigs)}
    expected = sorted((d for d, c in counts.items() if c), key=lambda d: (-counts[d], d))
    assert index.candidates(q) == expected
    assert np.array_equal(band_key_matrix(sigs, CFG)[0], index.band_keys(sigs[0]))
