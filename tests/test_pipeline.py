"""Ingestion end to end on a real SQLite file: no-ops, conflicts, replacement, a killed run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dedup.pipeline import ingest, ingest_iter
from dedup.readers import Problem
from dedup.reposts import Flag
from dedup.store import Store
from tests.conftest import ROOT, SEEDS, seed_text


def test_seeds_are_stored_with_metadata_and_no_reposts(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        flags = list(ingest_iter(SEEDS, store))
        assert [f.status for f in flags] == ["new"] * 5
        stored = {doc.id[:3]: doc for _, doc in store.documents()}
    assert stored["000"].source == "求是网" and stored["000"].date.startswith("2026-02-23")
    assert stored["002"].source == "央视新闻" and stored["004"].source == "经济参考报"
    assert stored["000"].body.startswith("科技創(chuàng)新和產(chǎn)業(yè)創(chuàng)新相互交叉")


def test_same_id_same_content_is_a_noop_and_changed_content_conflicts(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(seed_text(3), encoding="utf-8")
    with Store(tmp_path / "d.db") as store:
        assert ingest([page], store).counts == {"new": 1}
        assert ingest([page], store).counts == {"unchanged": 1}
        page.write_text(seed_text(3).replace("金观平", "金观平 评论"), encoding="utf-8")
        summary = ingest([page], store)
        assert summary.counts == {} and "stored with other content" in summary.problems[0].message
        assert "金观平 评论" not in store.document(1).text  # what was stored stays intact
        flags = list(ingest_iter([page], store, replace=True))
        assert [f.status for f in flags] == ["replaced"] and store.count() == 1
        assert "金观平 评论" in next(store.documents())[1].text


def test_duplicate_ids_in_one_input_keep_the_first(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "x", "text": seed_text(1)}, {"id": "x", "text": seed_text(2)}]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    with Store(tmp_path / "d.db") as store:
        items = list(ingest_iter([feed], store))
        assert isinstance(items[0], Flag) and isinstance(items[1], Problem)
        assert "duplicate id 'x' (first at" in items[1].message and items[1].where.endswith(":2")
        assert "以科技创新推动产业创新" in store.document(1).text
        # the same file given twice says so, rather than naming the line as its own first
        again = [i for i in ingest_iter([feed, feed], store) if isinstance(i, Problem)]
        assert f"duplicate id 'x' (first at {feed}:1, the same input given twice)" in [
            i.message for i in again
        ]


def test_a_killed_run_keeps_finished_batches_and_a_rerun_completes(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(10):  # ten different articles: paragraphs of the seeds, one per file
        paragraphs = [p for p in seed_text(i % 5).split("\n") if len(p) > 80]
        (pages / f"p{i:02}.txt").write_text(f"标题{i}\n\n" + paragraphs[i // 5], encoding="utf-8")
    db = tmp_path / "d.db"
    script = (
        "import os, signal, sys\n"
        "from dedup.pipeline import ingest_iter\nfrom dedup.store import Store\n"
        "for i, flag in enumerate(ingest_iter([sys.argv[1]], Store(sys.argv[2]), batch=3)):\n"
        "    if i == 7: os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(pages), str(db)],
        cwd=ROOT,
        env={**os.environ},
        check=False,
    )
    assert run.returncode == -9
    with Store(db) as store:
        assert store.count() == 6  # two committed batches of three; the third died with the run
        survivors = {doc.id for _, doc in store.documents()}
        statuses = [f.status for f in ingest_iter([pages], store)]
        assert store.count() == 10
    assert statuses.count("unchanged") == 6 and len(survivors) == 6


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "d.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ValueError, match="not a dedup database"):
        Store(bogus)


# Pages fed to the interrupted run.
ROWS = 2000


def test_ctrl_c_keeps_committed_batches_says_so_and_a_rerun_completes(tmp_path: Path) -> None:
    paragraphs = [
        p.strip() for i in range(5) for p in seed_text(i).split("\n") if len(p.strip()) > 60
    ]
    feed = tmp_path / "feed.jsonl"
    rows = [
        {
            "id": f"d{i}",
            "text": f"第{i}号稿件\n{paragraphs[i % len(paragraphs)]}{paragraphs[(i * 7) % len(paragraphs)]}",
        }
        # More output than a pipe buffers (64 KiB): the run blocks on its stdout until the
        # test reads it, so it cannot finish before the interrupt arrives.
        for i in range(ROWS)
    ]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    db = tmp_path / "d.db"
    command = [
        sys.executable,
        str(ROOT / "cli.py"),
        "ingest",
        str(feed),
        "--db",
        str(db),
        "--format",
        "jsonl",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    for _ in range(250):  # past the first batch of 200 (committed), into the second
        process.stdout.readline()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130 and "interrupted after" in stderr and "Traceback" not in stderr
    with Store(db) as store:
        kept = store.count()
        assert 0 < kept < ROWS and kept % 200 == 0  # whole batches only
        statuses = [f.status for f in ingest_iter([feed], store) if isinstance(f, Flag)]
        assert store.count() == ROWS and statuses.count("unchanged") == kept


def test_an_unreadable_given_date_is_dropped_with_a_warning(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "us", "text": seed_text(3), "date": "01/09/2024"},  # month/day order unknowable
        {"id": "iso", "text": seed_text(4), "date": "2025年5月21日 11:22"},
    ]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    with Store(tmp_path / "d.db") as store:
        summary = ingest([feed], store)
        dates = {doc.id: doc.date for _, doc in store.documents()}
    assert summary.counts == {"new": 2}
    [warning] = summary.problems
    assert (
        not warning.skipped
        and warning.where.endswith(":1")
        and "'01/09/2024' not understood" in warning.message
    )
    assert dates == {"us": None, "iso": "2025-05-21T11:22"}
