"""`dedup sources` and `dedup graph` on the sample corpus: originals and reposters as in
samples/README.md."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from cli import app
from dedup.outlets import SOURCE_FIELDS

runner = CliRunner()


def sources_of(db: Path, fmt: str = "json") -> dict[str, dict]:
    result = runner.invoke(app, ["sources", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    rows = (
        json.loads(result.stdout)
        if fmt == "json"
        else [json.loads(line) for line in result.stdout.splitlines()]
    )
    return {row["outlet"]: row for row in rows}


def test_sources_show_originals_and_reposters(samples_db: Path) -> None:  # noqa: F811
    rows = sources_of(samples_db)
    assert set(next(iter(rows.values()))) == {"outlet", "kind", *SOURCE_FIELDS}
    # the outlets of the five seed articles each published one reposted original
    for outlet in ("求是网", "央视新闻", "经济日报", "经济参考报"):
        assert rows[outlet]["kind"] == "outlet"
        assert rows[outlet]["originals"] == 1
        assert rows[outlet]["reposts_made"] == 0
        assert rows[outlet]["reposted"] >= 1
    assert rows["doc:001_38b58eb99aae3f98"]["originals"] == 1  # seed 001 names no outlet
    # the portals that reposted them, crediting the origin
    for site in ("中国理论网", "华闻资讯网", "湘江在线", "新浪财经"):
        assert (rows[site]["kind"], rows[site]["originals"]) == ("site", 0)
        assert (rows[site]["reposts_made"], rows[site]["credit_share"]) == (1, 1.0)
        assert rows[site]["median_lag_hours"] > 0
    # 106 echoes a statement of 000 but reposts nothing and is reposted by nobody
    weekly = rows["科技创新周刊"]
    assert (weekly["originals"], weekly["reposts_made"], weekly["reposted"]) == (0, 0, 0)
    assert weekly["statements"] >= 1
    # 102 is 央视新闻's own client: 央视新闻 is reposted by 湘江在线 and 衡阳新闻网 only
    assert rows["央视新闻"]["reposted"] == 2


def test_sources_jsonl_and_table_agree_with_json(samples_db: Path) -> None:  # noqa: F811
    assert sources_of(samples_db, "jsonl") == sources_of(samples_db)
    table = runner.invoke(app, ["sources", "--db", str(samples_db)])
    assert table.exit_code == 0 and "中国理论网" in table.stdout


def test_graph_command_writes_each_format_with_filters(
    samples_db: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "echo.gexf"
    result = runner.invoke(
        app,
        ["graph", "--db", str(samples_db), "-o", str(out), "--min-sources", "2", "--since", "2026"],
    )
    assert result.exit_code == 0, result.output
    back = nx.read_gexf(out, version="1.3")
    statements = [d for _, d in back.nodes(data=True) if "sources" in d]
    assert statements and all(d["sources"] >= 2 and d["start"] >= "2026" for d in statements)
    json_out = tmp_path / "echo.json"
    assert (
        runner.invoke(app, ["graph", "--db", str(samples_db), "-o", str(json_out)]).exit_code == 0
    )
    assert json.loads(json_out.read_text(encoding="utf-8"))["directed"] is True


def test_graph_command_refuses_unknown_format(samples_db: Path, tmp_path: Path) -> None:  # noqa: F811
    result = runner.invoke(app, ["graph", "--db", str(samples_db), "-o", str(tmp_path / "g.png")])
    assert result.exit_code == 2
    assert not (tmp_path / "g.png").exists()


def test_outlet_rows_sorted_by_articles(samples_db: Path) -> None:  # noqa: F811
    rows = list(sources_of(samples_db).values())
    assert [r["articles"] for r in rows] == sorted((r["articles"] for r in rows), reverse=True)
    assert rows[0]["outlet"] == "央视新闻"  # 002, 102, 107
