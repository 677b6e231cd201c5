"""One place for every tunable number, with the reason for its default.

The CLI and a TOML file (``--config dedup.toml``) override fields by name; nothing else in
the package hard-codes a threshold.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Config:
    """Detection settings. Defaults are the ones the quality benchmark (bench/quality.py) chose."""

    # Character k-shingles of the normalized body. Chinese has no spaces; 5 characters is long
    # enough that unrelated articles share few shingles, short enough to survive light edits.
    shingle_size: int = 5
    # MinHash signature length. 128 gives a standard error of about 0.044 on Jaccard 0.5.
    num_perm: int = 128
    # LSH banding: bands x rows must equal num_perm. Many short bands keep truncated reposts
    # (low Jaccard, high containment) as candidates; exact verification removes the noise.
    lsh_bands: int = 42
    lsh_rows: int = 3
    # Seed of the hash family; signatures made with different seeds are not comparable.
    seed: int = 1
    # A verified pair is a repost when either score passes its threshold.
    jaccard_threshold: float = 0.5
    containment_threshold: float = 0.7
    # At most this many LSH candidates are verified, those sharing most bands first: enough
    # for every real match, bounded when thousands of copies of one article are stored.
    max_candidates: int = 50
    # Bodies with fewer distinct shingles than this are too short to call reposts.
    min_shingles: int = 20
    # A shingle carried by more than this share of a site's documents is chrome, not article.
    chrome_share: float = 0.5
    # ... but only once the site has at least this many documents to learn from.
    chrome_min_docs: int = 4
    # Corpus-wide, a short line is chrome when more than this share of all documents carry it
    # (high, because the paragraphs of a viral article recur in every repost of it).
    chrome_corpus_share: float = 0.05
    chrome_corpus_min_docs: int = 50

    # Statements. Quotes are short: 3-character shingles still leave a 12-character slogan ten.
    statement_shingle_size: int = 3
    # Share of a variant's shingles its longer parent must hold (MemeTracker used 0.6 on words).
    statement_containment: float = 0.6
    # Variants with fewer folded characters than this join only identical text.
    statement_exact_below: int = 8
    # A sentence of a statement this long (folded), found verbatim elsewhere, is an echo of it.
    statement_min_sentence: int = 12

    def __post_init__(self) -> None:
        if self.lsh_bands * self.lsh_rows > self.num_perm:
            raise ValueError(
                f"lsh_bands x lsh_rows = {self.lsh_bands * self.lsh_rows} exceeds "
                f"num_perm = {self.num_perm}"
            )
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be at least 1")

    def with_overrides(self, **overrides: Any) -> Config:
        """Return a copy with the non-None overrides applied (CLI options default to None)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    @classmethod
    def from_toml(cls, path: Path) -> Config:
        """Read ``[dedup]`` (or top-level) keys from a TOML file; unknown keys are an error."""
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        data = data.get("dedup", data)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{path}: unknown config keys: {', '.join(unknown)}")
        return cls(**data)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
