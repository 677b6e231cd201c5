"""Shared fixtures: the five real seed pages (bundled in samples/) and realistic reposts of them."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from dedup.pipeline import ingest
from dedup.store import Store
from dedup.summary import Facts, gather

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "samples").glob("00[0-4]_*.txt"))
_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def seed_text(number: int) -> str:
    return SEEDS[number].read_text(encoding="utf-8")


def seed_body(number: int, start: str, end: str) -> str:
    """A seed's article text between two markers (as published, glosses and all)."""
    text = seed_text(number)
    return text[text.index(start) : text.index(end)]


@pytest.fixture(scope="session")
def converters() -> dict[str, opencc.OpenCC]:
    return {name: opencc.OpenCC(name) for name in ("t2s", "s2t", "s2tw", "s2hk")}


@pytest.fixture
def body_000_simplified(converters: dict[str, opencc.OpenCC]) -> str:
    """Seed 000's article body as a Simplified-script portal would republish it."""
    body = seed_body(0, "科技創(chuàng)新和產(chǎn)業(yè)創(chuàng)新相互", "編 輯")
    return converters["t2s"].convert(_GLOSS.sub("", body))


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus ingested once into a temporary store (read it; statement
    queries add only their cache of quotes)."""
    path = tmp_path_factory.mktemp("samples") / "samples.db"
    with Store(path) as store:
        ingest([ROOT / "samples"], store)
    return path


@pytest.fixture(scope="session")
def sample_facts(samples_db: Path) -> Facts:
    """Everything the summary and the HTML report show, gathered once from the sample store."""
    with Store(samples_db) as store:
        return gather(store)
