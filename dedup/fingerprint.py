"""MinHash fingerprints of folded text, computed with numpy instead of one Python call per shingle.

Pipeline: folded text -> distinct hashed character k-shingles (``shingle_hashes``) -> a
``num_perm``-long uint32 signature (``signatures``) whose share of equal positions estimates the
Jaccard similarity of two shingle sets (``estimate_jaccard``).

Why one-permutation hashing (OPH) rather than ``num_perm`` hash functions: classic MinHash
evaluates every shingle under every permutation (2,000 x 128 products per article); OPH mixes
each shingle once, uses the high bits to pick one of ``num_perm`` bins and keeps the minimum of
the low bits per bin, so the cost no longer grows with ``num_perm``. Short texts leave bins
empty; *optimal densification* (Shrivastava, ICML 2017) fills an empty bin by walking a fixed,
seed-determined probe sequence of bins and copying the first non-empty one. Because the probe
sequence does not depend on the document, two documents walk it identically, and the collision
probability of every position stays exactly the Jaccard similarity (unbiased), unlike
zero-filling or "skip empty bins" schemes.

All constants derive from ``Config.seed`` through splitmix64 arithmetic, never from numpy's
random generators (whose streams may change between numpy versions) nor Python's ``hash()``
(salted per process): signatures are persisted, so they must be reproducible anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash

from dedup.config import Config

# An all-ones value marks a bin no shingle reached; only an empty text keeps it after
# densification. datasketch's affine32 scheme uses the same sentinel for its empty sketch.
EMPTY = np.uint32(0xFFFFFFFF)

_U64 = np.uint64
_MASK32 = _U64(0xFFFFFFFF)
# Odd 64-bit multiplier of the polynomial shingle hash (the golden-ratio constant).
_POLY = _U64(0x9E3779B97F4A7C15)
# Hashes handled per vectorised step: small enough to stay in CPU cache (measured: 2^16 is
# about twice as fast as 2^21) and to keep memory flat for any batch size.
_CHUNK_HASHES = 1 << 16
# Rows densified per step: each needs num_perm x num_perm booleans of scratch space.
_CHUNK_DENSIFY = 512


def fmix64_inplace(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer, a bijection whose output bits all depend on all input bits.

    Polynomial hashes of code points are highly structured (neighbouring shingles differ in a
    few low bits); the finalizer spreads them so that any bit range is usable as a random value.
    Works in place on a uint64 array the caller owns: allocating a temporary per step doubled
    the cost on batch-sized arrays.
    """
    tmp = np.empty_like(x)
    for multiplier in (_U64(0xFF51AFD7ED558CCD), _U64(0xC4CEB9FE1A85EC53), None):
        np.right_shift(x, _U64(33), out=tmp)
        np.bitwise_xor(x, tmp, out=x)
        if multiplier is not None:
            np.multiply(x, multiplier, out=x)
    return x


def splitmix64(x: np.ndarray) -> np.ndarray:
    """Deterministic pseudo-random stream from integer counters (seeded constants, probe orders)."""
    with np.errstate(over="ignore"):
        x = np.asarray(x, dtype=_U64) + _U64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> _U64(27))) * _U64(0x94D049BB133111EB)
        return x ^ (x >> _U64(31))


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the character k-shingles of ``text``."""
    return distinct(shingle_sequence(text, k))


def shingle_sequence(text: str, k: int) -> np.ndarray:
    """64-bit hash of the k-shingle starting at each position of ``text``, in text order.

    A text shorter than ``k`` is one shingle of itself (a headline-length body still gets a
    fingerprint); an empty text has no shingles. The shingle length seeds the polynomial, so a
    short whole-text shingle never equals a k-shingle of the same trailing characters.
    Verification needs the positions (to show where two bodies match); fingerprints need only
    the distinct values (``shingle_hashes``).
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.size == 0:
        return np.empty(0, dtype=_U64)
    width = min(k, codes.size)
    count = codes.size - width + 1
    codes64 = codes.astype(_U64)
    h = np.full(count, width, dtype=_U64)
    for j in range(width):
        np.multiply(h, _POLY, out=h)
        np.add(h, codes64[j : j + count], out=h)
    return fmix64_inplace(h)


def distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a 1-D array via sort: numpy 2.x's hash-based unique was ~8x slower here."""
    values = np.sort(values)
    keep = np.empty(values.size, dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


@lru_cache(maxsize=8)
def _family(seed: int, num_perm: int) -> tuple[np.uint64, np.uint64, np.ndarray]:
    """Seeded mixing constants and the densification probe table for ``(seed, num_perm)``.

    Row ``i`` of the probe table starts with ``i`` itself (a non-empty bin keeps its own value)
    followed by every other bin in a seed-determined random order, so a walk always ends on a
    non-empty bin within ``num_perm`` steps whenever the document has any shingle.
    """
    base = int(splitmix64(np.array([seed], dtype=_U64))[0])
    a, b = splitmix64(np.array([base, base ^ 0xA5A5A5A5A5A5A5A5], dtype=_U64))
    a |= _U64(1)
    bins = np.arange(num_perm, dtype=_U64)
    order_keys = splitmix64((_U64(base) ^ (bins[:, None] * _U64(num_perm))) + bins[None, :])
    order_keys |= _U64(1)
    np.fill_diagonal(order_keys, 0)  # own bin first
    probes = np.argsort(order_keys, axis=1, kind="stable").astype(np.intp)
    return a, b, probes


def _bins_and_values(hashes: np.ndarray, a: np.uint64, b: np.uint64, num_perm: int):
    """Seeded re-mix of shingle hashes, split into a bin (high 32 bits) and a rank (low 32 bits).

    Multiply-shift maps the high half to ``[0, num_perm)`` without modulo bias; the low half is
    the value whose per-bin minimum is kept. The two halves of a finalizer output are
    effectively independent, which OPH needs.
    """
    g = np.multiply(hashes, a)
    np.add(g, b, out=g)
    fmix64_inplace(g)
    bins = ((g >> _U64(32)) * _U64(num_perm)) >> _U64(32)
    return bins.astype(np.intp), (g & _MASK32).astype(np.uint32)


def _densify(sigs: np.ndarray, filled: np.ndarray, probes: np.ndarray) -> None:
    """Fill empty bins in place by copying the first non-empty bin along each bin's probe row."""
    rows = np.flatnonzero(~filled.all(axis=1) & filled.any(axis=1))
    own = np.arange(probes.shape[0])[None, :]
    for start in range(0, rows.size, _CHUNK_DENSIFY):
        chunk = rows[start : start + _CHUNK_DENSIFY]
        first = filled[chunk][:, probes].argmax(axis=2)
        source = probes[own, first]
        sigs[chunk] = np.take_along_axis(sigs[chunk], source, axis=1)


def signatures(hash_sets: Sequence[np.ndarray], cfg: Config) -> np.ndarray:
    """Signatures of many shingle-hash sets at once, as an ``(n, num_perm)`` uint32 matrix.

    Batching matters: the per-bin minimum of all documents is one ``np.minimum.at`` over their
    concatenated hashes, so Python-level overhead is paid per chunk, not per document.
    """
    num_perm = cfg.num_perm
    a, b, probes = _family(cfg.seed, num_perm)
    n = len(hash_sets)
    sigs = np.full((n, num_perm), EMPTY, dtype=np.uint32)
    filled = np.zeros((n, num_perm), dtype=bool)
    sizes = np.fromiter((h.size for h in hash_sets), dtype=np.intp, count=n)
    ends = np.cumsum(sizes)
    start = 0
    while start < n:
        stop = _chunk_end(ends, start)
        flat_bins, values = _bins_and_values(
            np.concatenate(hash_sets[start:stop]).astype(_U64, copy=False), a, b, num_perm
        )
        rows = np.repeat(np.arange(start, stop), sizes[start:stop])
        cells = rows * num_perm + flat_bins
        np.minimum.at(sigs.reshape(-1), cells, values)
        filled.reshape(-1)[cells] = True
        start = stop
    _densify(sigs, filled, probes)
    return sigs


def _chunk_end(ends: np.ndarray, start: int) -> int:
    """End of the document run from ``start`` whose hashes fit one vectorised step (>= 1 doc).

    ``ends`` is the running total of hash counts, so the run is found by binary search.
    """
    before = int(ends[start - 1]) if start else 0
    stop = int(np.searchsorted(ends, before + _CHUNK_HASHES, side="right"))
    return max(start + 1, stop)


def signature(hashes: np.ndarray, cfg: Config) -> np.ndarray:
    """Signature of one shingle-hash set (uint32, length ``num_perm``)."""
    return signatures([hashes], cfg)[0]


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Share of positions where two signatures agree: an unbiased Jaccard estimate."""
    if sig_a.shape != sig_b.shape:
        raise ValueError(f"signature shapes differ: {sig_a.shape} vs {sig_b.shape}")
    return float(np.count_nonzero(sig_a == sig_b)) / sig_a.size


def to_datasketch(sig: np.ndarray, cfg: Config) -> LeanMinHash:
    """Wrap a signature as a datasketch ``LeanMinHash`` for ``MinHashLSH`` and friends.

    datasketch 2.0 requires the scheme when building from stored values; ``affine32`` is the
    one stored as uint32 with ``0xFFFFFFFF`` as the empty value, like ours, so ``jaccard()``
    counts equal positions exactly as ``estimate_jaccard`` does. The values are *not* those
    datasketch's own affine32 permutations would give: never put sketches made by
    ``datasketch.MinHash`` into the same index as these.
    """
    return LeanMinHash(
        seed=cfg.seed, hashvalues=np.asarray(sig, dtype=np.uint32), scheme="affine32"
    )
