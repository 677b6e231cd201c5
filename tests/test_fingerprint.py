"""Tests for dedup.fingerprint: shingles against a naive set, unbiased estimates, datasketch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from dedup.config import Config
from dedup.fingerprint import (
    EMPTY,
    estimate_jaccard,
    shingle_hashes,
    signature,
    signatures,
    to_datasketch,
)
from dedup.normalize import fold, to_simplified

SEEDS = Path(__file__).resolve().parents[1] / "samples"
CFG = Config()

# Folded text looks like this: Simplified CJK, digits, lowercase Latin. A small alphabet makes
# repeated shingles (and so the distinct-set logic) likely.
folded_text = st.text(alphabet="科技创新产业融合发展习近平5g2024ai", max_size=60)

# A realistic folded paragraph (seed 003, 经济日报) and a repost that dropped the opening
# sentence and edited a few words, as reposting sites do.
ORIGINAL = fold(
    "春节前夕,习近平总书记在天津看望慰问基层干部群众时指出,天津作为全国先进制造研发基地,"
    "要发挥科教资源丰富等优势,在发展新质生产力上勇争先、善作为。要坚持科技创新和产业创新一起抓,"
    "加强科创园区建设,促进数字经济与实体经济深度融合,推动制造业高端化、智能化、绿色化发展。"
    "合力建设世界级先进制造业集群,需要把科技创新摆在更加突出的位置。"
).text
REPOST = fold(
    "要坚持科技创新和产业创新一起抓,加强科创园区建设,促进数字经济和实体经济深度融合,"
    "推动制造业高端化、智能化、绿色化发展。合力打造世界级先进制造业集群,"
    "需要把科技创新摆在更加突出的位置。"
).text
UNRELATED = fold(
    "今年以来,各地持续加大冬季供暖保障力度,燃气企业提前储备气源,确保居民温暖过冬。"
    "气象部门提醒,未来三天北方将迎来大范围降温,请注意防寒保暖。"
).text


def naive_shingles(text: str, k: int) -> set[str]:
    """The reference: Python's set of k-character substrings (whole text when shorter)."""
    if not text:
        return set()
    if len(text) < k:
        return {text}
    return {text[i : i + k] for i in range(len(text) - k + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


@given(folded_text, st.integers(min_value=1, max_value=7))
def test_shingle_hashes_count_distinct_shingles(text: str, k: int) -> None:
    hashes = shingle_hashes(text, k)
    assert hashes.dtype == np.uint64
    assert len(hashes) == len(naive_shingles(text, k))
    assert len(np.unique(hashes)) == len(hashes)


@given(folded_text, folded_text)
def test_jaccard_of_hash_sets_equals_jaccard_of_shingle_sets(a: str, b: str) -> None:
    ha, hb = shingle_hashes(a, 5), shingle_hashes(b, 5)
    exact = jaccard(naive_shingles(a, 5), naive_shingles(b, 5))
    assert jaccard(set(ha.tolist()), set(hb.tolist())) == pytest.approx(exact)


def test_short_and_empty_texts() -> None:
    assert shingle_hashes("", 5).size == 0
    assert shingle_hashes("经济", 5).size == 1
    # A whole-text shingle is the string itself: it equals the 2-shingle "经济" of 数字经济 ...
    assert set(shingle_hashes("经济", 5).tolist()) < set(shingle_hashes("数字经济", 2).tolist())
    # ... but not a zero-padded 5-shingle, which a polynomial hash started at 0 would give.
    assert shingle_hashes("经济", 5)[0] != shingle_hashes("\x00\x00\x00经济", 5)[0]


def test_traditional_and_simplified_pages_give_the_same_shingles() -> None:
    page = (SEEDS / "002_0b9d97869d06003a.txt").read_text(encoding="utf-8")
    traditional = shingle_hashes(fold(page).text, CFG.shingle_size)
    simplified = shingle_hashes(fold(to_simplified(page)).text, CFG.shingle_size)
    assert np.array_equal(traditional, simplified)
    assert traditional.size > 1000


@settings(max_examples=50)
@given(st.lists(folded_text, min_size=1, max_size=6))
def test_batch_signatures_equal_one_by_one(texts: list[str]) -> None:
    hash_sets = [shingle_hashes(t, 3) for t in texts]
    batch = signatures(hash_sets, CFG)
    assert batch.shape == (len(texts), CFG.num_perm)
    assert batch.dtype == np.uint32
    for row, hashes in zip(batch, hash_sets, strict=True):
        assert np.array_equal(row, signature(hashes, CFG))


def test_batch_larger_than_one_vectorised_step_matches_single_signatures() -> None:
    rng = np.random.default_rng(7)
    hash_sets = [rng.integers(0, 2**64 - 1, size=3000, dtype=np.uint64) for _ in range(40)]
    batch = signatures(hash_sets, CFG)
    for i in (0, 21, 39):
        assert np.array_equal(batch[i], signature(hash_sets[i], CFG))


@given(st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=40), st.randoms())
def test_signature_depends_on_the_set_only(values: list[int], rnd) -> None:
    shuffled = values * 2
    rnd.shuffle(shuffled)
    a = signature(np.array(values, dtype=np.uint64), CFG)
    b = signature(np.array(shuffled, dtype=np.uint64), CFG)
    assert np.array_equal(a, b)


def test_short_text_signature_is_densified_and_empty_text_is_all_empty() -> None:
    short = signature(shingle_hashes("习近平总书记", 5), CFG)
    assert not np.any(short == EMPTY)
    # Two shingles in two different bins: every position copies one of those two minima.
    assert len(set(short.tolist())) == 2
    assert np.all(signature(shingle_hashes("", 5), CFG) == EMPTY)


@pytest.mark.parametrize(("size", "shared"), [(1, 0), (3, 1), (8, 5), (40, 13), (2000, 1200)])
def test_estimate_is_unbiased_for_short_and_long_sets(size: int, shared: int) -> None:
    """Mean error over many pairs is within 4 standard errors of zero.

    Each pair has exact Jaccard shared / (2 * size - shared); the standard error of the mean
    comes from the observed spread, so the tolerance follows the estimator's real variance.
    """
    rng = np.random.default_rng(size)
    pairs = 1500
    left, right = [], []
    for _ in range(pairs):
        pool = rng.integers(0, 2**64 - 1, size=2 * size, dtype=np.uint64)
        left.append(pool[:size])
        right.append(np.concatenate([pool[:shared], pool[size : 2 * size - shared]]))
    exact = shared / (2 * size - shared)
    estimates = (signatures(left, CFG) == signatures(right, CFG)).mean(axis=1)
    errors = estimates - exact
    standard_error = max(errors.std(ddof=1), 1 / CFG.num_perm) / np.sqrt(pairs)
    assert abs(errors.mean()) < 4 * standard_error


def test_estimate_on_a_real_repost_is_close_to_exact_jaccard() -> None:
    exact = jaccard(naive_shingles(ORIGINAL, 5), naive_shingles(REPOST, 5))
    sig_a = signature(shingle_hashes(ORIGINAL, 5), CFG)
    sig_b = signature(shingle_hashes(REPOST, 5), CFG)
    # 128 positions: standard deviation sqrt(J(1-J)/128) <= 0.045; allow 4 of them.
    assert estimate_jaccard(sig_a, sig_b) == pytest.approx(exact, abs=0.18)
    assert estimate_jaccard(sig_a, sig_a) == 1.0
    sig_c = signature(shingle_hashes(UNRELATED, 5), CFG)
    assert estimate_jaccard(sig_a, sig_c) < 0.05


def test_signatures_round_trip_through_bytes_and_differ_by_seed() -> None:
    sig = signature(shingle_hashes(ORIGINAL, 5), CFG)
    assert np.array_equal(np.frombuffer(sig.tobytes(), dtype=np.uint32), sig)
    other_seed = signature(shingle_hashes(ORIGINAL, 5), CFG.with_overrides(seed=2))
    assert estimate_jaccard(sig, other_seed) < 0.05


def test_signature_is_the_same_in_another_process() -> None:
    """Stored signatures are compared later by other processes (and hash-salted interpreters)."""
    code = (
        "from dedup.config import Config;"
        "from dedup.fingerprint import shingle_hashes, signature;"
        f"print(signature(shingle_hashes({ORIGINAL!r}, 5), Config()).tobytes().hex())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    here = signature(shingle_hashes(ORIGINAL, 5), CFG)
    assert out.stdout.strip() == here.tobytes().hex()


def test_datasketch_jaccard_and_lsh_accept_our_signatures() -> None:
    texts = {"original": ORIGINAL, "repost": REPOST, "unrelated": UNRELATED}
    sigs = {name: signature(shingle_hashes(t, 5), CFG) for name, t in texts.items()}
    sketches = {name: to_datasketch(s, CFG) for name, s in sigs.items()}
    assert sketches["original"].jaccard(sketches["repost"]) == estimate_jaccard(
        sigs["original"], sigs["repost"]
    )
    lsh = MinHashLSH(threshold=0.3, num_perm=CFG.num_perm)
    lsh.insert("original", sketches["original"])
    lsh.insert("unrelated", sketches["unrelated"])
    assert lsh.query(sketches["repost"]) == ["original"]
