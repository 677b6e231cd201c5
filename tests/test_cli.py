"""The command line as a user runs it: formats, exit codes, help, and the main job on samples/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
SAMPLES = ROOT / "samples"


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=stdin)


def test_scan_samples_finds_each_seed_repost_with_its_original(tmp_path: Path) -> None:
    result = run("scan", SAMPLES, "--db", tmp_path / "d.db", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    clusters = [r for r in records if r["record"] == "cluster"]
    statements = [r for r in records if r["record"] == "statement"]
    assert any(s["text"] == "大而不强" and s["sources"] >= 2 for s in statements)
    found = {
        c["original"]: sorted(
            m["doc"][:3] if m["doc"][0].isdigit() else m["doc"] for m in c["members"]
        )
        for c in clusters
    }
    # the truth in samples/README.md: each repost with its seed, the same-topic page (106) alone
    assert {o[:3]: members for o, members in found.items()} == {
        "000": ["000", "101"],
        "001": ["001", "105"],
        "002": ["002", "102", "107"],
        "003": ["003", "103"],
        "004": ["004", "104", "feed-0002"],
    }


def test_ingest_jsonl_flags_and_docs_schema(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    result = run("ingest", *SEEDS, "--db", db, "--format", "jsonl")
    assert result.exit_code == 0
    flags = [json.loads(line) for line in result.stdout.splitlines()]
    assert [f["status"] for f in flags] == ["new"] * 5
    assert set(flags[0]) == {"doc", "status", "of", "match", "jaccard", "containment"}
    docs = [
        json.loads(line)
        for line in run("docs", "--db", db, "--format", "jsonl").stdout.splitlines()
    ]
    assert {"doc", "title", "source", "site", "date", "chars"} <= set(docs[0])
    assert [d["source"] for d in docs] == ["求是网", None, "央视新闻", "经济日报", "经济参考报"]
    assert json.loads(run("docs", "--db", db, "--format", "json").stdout) == docs


def test_check_reads_stdin_and_stores_nothing(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    run("ingest", SEEDS[3], "--db", db)
    text = SEEDS[3].read_text(encoding="utf-8").replace("金观平", "本报评论员")
    line = json.dumps({"id": "wire-1", "text": text, "source": "經濟日報"}, ensure_ascii=False)
    result = run("check", "-", "--db", db, "--format", "jsonl", stdin=line + "\n")
    assert result.exit_code == 0
    flag = json.loads(result.stdout)
    assert flag["status"] == "repost" and flag["of"] == SEEDS[3].stem
    assert len(run("docs", "--db", db, "--format", "jsonl").stdout.splitlines()) == 1


def test_bad_input_is_one_line_each_and_exit_code_only_when_nothing_done(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    result = run("ingest", bad, "--db", tmp_path / "d.db")
    assert result.exit_code == 1
    assert (
        "bad.jsonl:1: missing 'text'" in result.stderr
        and "bad.jsonl:2: not a JSON line" in result.stderr
    )
    assert list(tmp_path.glob("d.db*")) == []  # a run that stored nothing leaves no store
    result = run("ingest", bad, SEEDS[0], "--db", tmp_path / "d.db")
    assert result.exit_code == 0 and "new" in result.stdout
    again = run("ingest", bad, "--db", tmp_path / "d.db")  # a store it did not make stays
    assert again.exit_code == 1 and (tmp_path / "d.db").exists()


def test_conflicting_settings_and_bad_config_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    run("ingest", SEEDS[0], "--db", db)
    result = run("ingest", SEEDS[1], "--db", db, "--shingle-size", "4")
    assert result.exit_code != 0 and "other fingerprint settings" in result.stderr
    config = tmp_path / "dedup.toml"
    config.write_text("[dedup]\nshingle_sise = 4\n", encoding="utf-8")
    result = run("ingest", SEEDS[1], "--db", tmp_path / "e.db", "--config", config)
    assert result.exit_code == 2 and "unknown config keys: shingle_sise" in result.stderr


def test_quotes_filters_by_speaker_alias_and_sources(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    run("ingest", *SEEDS, "--db", db)
    rows = [
        json.loads(x)
        for x in run(
            "quotes", "--db", db, "--speaker", "習近平總書記", "--format", "jsonl"
        ).stdout.splitlines()
    ]
    assert rows and all(r["speaker"] == "习近平" for r in rows)
    titled = run("quotes", "--db", db, "--speaker", "总书记", "--format", "jsonl")
    assert [json.loads(x) for x in titled.stdout.splitlines()] == rows  # --help offers it
    assert {"statement", "text", "speaker", "kind", "sources", "first_seen", "occurrences"} <= set(
        rows[0]
    )
    echoed = [
        json.loads(x)
        for x in run(
            "quotes", "--db", db, "--min-sources", "2", "--format", "jsonl"
        ).stdout.splitlines()
    ]
    assert echoed and all(r["sources"] >= 2 for r in echoed)
    table = run("quotes", "--db", db, "--kind", "slogan")
    assert table.exit_code == 0 and "大而不强" in table.stdout

    def since(bound: str) -> list[str]:
        result = run("quotes", "--db", db, "--since", bound, "--format", "jsonl")
        return [json.loads(x)["statement"] for x in result.stdout.splitlines()]

    assert since("2024-11-18") == since("2024/11/18") == since("2024年11月18日") != since("2026")
    none = run("quotes", "--db", db, "--speaker", "无名氏")
    assert none.exit_code == 0 and none.stdout == "" and "no statement matches" in none.stderr
    bad = run("quotes", "--db", db, "--since", "yesterday")
    assert bad.exit_code == 2 and "not a date: 'yesterday'" in " ".join(bad.output.split())


@pytest.mark.parametrize("command", ["scan", "ingest", "check", "docs", "reposts", "quotes"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example" in result.stdout


def test_a_broken_speaker_table_names_its_file(tmp_path: Path) -> None:
    db, table = tmp_path / "d.db", tmp_path / "my_speakers.toml"
    run("ingest", SEEDS[0], "--db", db)
    table.write_text('[speakers]\n"习近平" = ["总书记"\n', encoding="utf-8")
    result = run("quotes", "--db", db, "--speakers", table)
    assert result.exit_code == 2 and f"{table}:" in " ".join(result.stderr.split())
