"""Kinds of quotes, properties of extraction on any text, and the seed pages' hand labels."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedup.quotes import classify, extract_quotes

SEEDS = Path(__file__).resolve().parents[1] / "samples"  # copies of the five real seed pages
FIXTURE = Path(__file__).parent / "fixtures" / "seed_quotes.json"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("大而不强", "slogan"),
        ("全而不精", "slogan"),
        ("人工智能+", "slogan"),
        ("從0到1", "slogan"),
        ("产业出题、科技答题", "slogan"),
        ("稳中求进、以进促稳、先立后破", "slogan"),
        ("技术突破—场景验证—产业应用—体系升级", "slogan"),
        ("飞象网", "term"),
        ("车辆大脑", "term"),
        ("十四五", "term"),
        ("來源:XXXX", "term"),
        ("新药、原创药现在多点突破。", "statement"),
        ("要把原始创新能力提升摆在更加突出的位置", "statement"),
        # Short, but a whole sentence or in the first/second person: somebody's words.
        ("钱还没到账呢？", "statement"),
        ("买菜、做饭，我全包了！", "statement"),
        ("谢谢你们帮忙", "statement"),
        ("你好", "term"),
        ("面向世界科技前沿、面向经济主战场、面向国家重大需求、面向人民生命健康", "statement"),
    ],
)
def test_classify(content: str, kind: str) -> None:
    assert classify(content) == kind


def test_unmarked_blocks_are_statements() -> None:
    assert classify("把科技创新摆到更加突出的位置", marked=False) == "statement"


# ---------------------------------------------------------------------------------- properties

_han = st.text(
    alphabet="科技创新产业发展推动深度融合新质生产力加强建设我国经济", min_size=1, max_size=30
)
_marks = st.sampled_from([("“", "”"), ("「", "」"), ("『", "』"), ('"', '"')])
_noise = st.text(alphabet='科技，。！\n“”‘’「」『』"迸嘤龎汛笮 ', max_size=80)


@settings(max_examples=60, deadline=None)
@given(_han, _han, _han, _marks)
def test_a_quoted_sentence_is_found_exactly(before: str, said: str, after: str, marks) -> None:
    text = f"{before}。{marks[0]}{said}{marks[1]}{after}。"
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.closed, quote.marked) == (said, True, True)
    assert quote.start == len(before) + 2


@settings(max_examples=150, deadline=None)
@given(_noise, st.integers(0, 20), st.integers(0, 20))
def test_offsets_always_point_into_the_span(text: str, cut_a: int, cut_b: int) -> None:
    start, end = min(cut_a, len(text)), max(len(text) - cut_b, min(cut_a, len(text)))
    for quote in extract_quotes(text, start, end):
        assert start <= quote.start < quote.end <= end
        assert text[quote.start : quote.end] == quote.text
        assert all(quote.start <= a <= b <= quote.end for a, b in quote.inner)
        assert quote.kind in {"statement", "slogan", "term"}


# ------------------------------------------------------------------------------------- seeds


def _seed_labels() -> dict[str, list[dict]]:
    labels: dict[str, list[dict]] = {}
    for label in json.loads(FIXTURE.read_text(encoding="utf-8")):
        labels.setdefault(label["seed"], []).append(label)
    return labels


@pytest.mark.parametrize("seed", sorted(_seed_labels()))
def test_seed_quotes_match_the_hand_labels(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    got = {(q.start, q.end): q for q in extract_quotes(text)}
    labels = _seed_labels()[seed]
    found = [lab for lab in labels if (lab["start"], lab["end"]) in got]
    assert len(found) >= 0.9 * len(labels)
    assert len(found) >= 0.9 * len(got)
    for lab in found:
        quote = got[lab["start"], lab["end"]]
        assert quote.text == lab["text"]
        assert (quote.speaker, quote.via, quote.closed, quote.marked) == (
            lab["speaker"],
            lab["via"],
            lab["closed"],
            lab["marked"],
        ), lab["text"]


def test_seed_000_statements_named_in_the_brief() -> None:
    text = (SEEDS / "000_b5bcdb934b4b2f12.txt").read_text(encoding="utf-8")
    quotes = extract_quotes(text)
    first = next(q for q in quotes if q.text.startswith("堅持創"))
    assert (first.speaker, first.closed, first.kind) == ("习近平", False, "statement")
    assert first.text.endswith("新動能!")
    slogans = {q.text for q in quotes if q.kind == "slogan"}
    assert {"大而不強", "全而不精", "人工智能+", "產(chǎn)業(yè)出題、科技答題"} <= slogans


def test_jieba_says_nothing_on_stderr() -> None:
    # Our commands print one line per problem on stderr; jieba's start-up chatter would bury it.
    code = "from dedup.quotes import extract_quotes; print(extract_quotes('王小明说：“好的。”')[0].speaker)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (run.stdout, run.stderr) == ("王小明\n", "")
