"""The ``dedup`` command: parses arguments, calls the library, prints. Nothing else lives here."""

from __future__ import annotations

import json
import sys
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dedup.config import Config
from dedup.export import check_format, write
from dedup.graph import STATEMENT_KINDS, GraphFilter, build_graph
from dedup.html_report import write_report
from dedup.metadata import date_bound
from dedup.outlets import SOURCE_FIELDS
from dedup.outlets import sources as outlet_sources
from dedup.pipeline import Summary, check_iter, ingest_iter
from dedup.readers import Problem
from dedup.report import clip, doc_records, repost_records
from dedup.reposts import Flag
from dedup.sources import Aliases
from dedup.speakers import Speakers
from dedup.statements import track
from dedup.store import SettingsError, Store
from dedup.summary import gather, summarize
from dedup.summary import render as render_summary
from dedup.summary import summary as summary_of

app = typer.Typer(
    help="Find reposted Chinese news articles and track statements as they echo.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
out = Console(soft_wrap=False)
err = Console(stderr=True, soft_wrap=True)  # one problem, one line, however long


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


DbOption = Annotated[Path, typer.Option("--db", help="SQLite store to use.")]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table for people, json/jsonl for machines.")
]
PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files or directories (.txt, .jsonl, .html); '-' reads JSON lines from stdin."
    ),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="TOML file of settings (see README).")
]
SpeakersOption = Annotated[
    Path | None, typer.Option("--speakers", help="TOML file of speaker aliases.")
]
AliasOption = Annotated[Path | None, typer.Option("--aliases", help="TOML file of outlet aliases.")]
ShingleOption = Annotated[
    int | None, typer.Option("--shingle-size", help="Characters per shingle.")
]
JaccardOption = Annotated[
    float | None, typer.Option("--jaccard", help="Jaccard threshold for a repost.")
]
ContainOption = Annotated[
    float | None, typer.Option("--containment", help="Containment threshold for a repost.")
]


def _date_option(value: str | None) -> str | None:
    """A --since/--until value as the ISO prefix dates compare with, or a usage error."""
    try:
        return None if value is None else date_bound(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error


_DATES = "2024, 2024-11, 2024年11月18日, 2024-11-18 14:00"
SinceOption = Annotated[
    str | None,
    typer.Option("--since", callback=_date_option, help=f"From this date on ({_DATES})."),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", callback=_date_option, help="Up to this date, its whole period."),
]


def _config(path: Path | None, **overrides: object) -> Config:
    try:
        base = Config.from_toml(path) if path else Config()
        return base.with_overrides(**overrides)
    except (OSError, ValueError, TypeError) as error:
        err.print(f"[red]error:[/] config: {escape(str(error))}")
        raise typer.Exit(2) from error


def _aliases(path: Path | None) -> Aliases:
    try:
        return Aliases.load(path)
    except (OSError, ValueError) as error:
        err.print(f"[red]error:[/] {escape(str(path))}: {escape(str(error))}")
        raise typer.Exit(2) from error


def _store(db: Path, create: bool = False) -> Store:
    """Open the store; only commands that ingest may create it (a typo must not make one)."""
    if not create and not db.exists():
        err.print(
            f"[red]error:[/] {escape(str(db))}: no such store; run `dedup ingest` or `dedup scan` first"
        )
        raise typer.Exit(2)
    try:
        return Store(db)
    except ValueError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error


@contextmanager
def _ingest_store(db: Path) -> Iterator[Store]:
    """The store to ingest into, made if there is none; one this run made and left empty (a
    typo'd path, an empty file) is removed again, so a run that stored nothing leaves nothing."""
    made = not db.exists()
    store = _store(db, create=True)
    empty = False
    try:
        yield store
        empty = store.count() == 0
    finally:
        store.close()
    if made and empty:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


def _emit(rows: Iterable[dict[str, object]], fmt: Format, table: Table | None = None) -> None:
    rows = list(rows)
    if fmt is Format.json:
        out.print_json(json.dumps(rows, ensure_ascii=False))
    elif fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif table is not None:
        out.print(table)


def _flags(items: Generator[Flag | Problem], fmt: Format | None, summary: Summary) -> None:
    """Print one line per document as it is decided (none if ``fmt`` is None); problems go to
    stderr, one line each."""
    try:
        _print_flags(items, fmt, summary)
    except SettingsError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error
    except KeyboardInterrupt:
        err.print(
            f"interrupted after {summary.done} documents; run the same command again to go on"
        )
        raise typer.Exit(130) from None
    except BrokenPipeError:  # `dedup ingest … | head`: the reader left, stop quietly
        sys.stderr.close()
        raise typer.Exit(0) from None
    finally:
        items.close()  # an unfinished batch rolls back while the store is still open


def _print_flags(items: Iterator[Flag | Problem], fmt: Format | None, summary: Summary) -> None:
    table_rows = fmt is Format.table
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("reading", total=None)
        for item in items:
            summary.note(item)
            if isinstance(item, Problem):
                label = "skipped" if item.skipped else "warning"
                err.print(f"[yellow]{label}[/] {escape(str(item))}", highlight=False)
                continue
            progress.update(task, description=f"{summary.done} documents")
            if fmt is None:
                continue
            if table_rows:
                extra = (
                    f" of {item.of} (match {item.match}, J={item.jaccard}, C={item.containment})"
                    if item.of
                    else ""
                )
                out.print(f"{item.status:<9} {item.doc}{extra}", highlight=False)
            else:
                sys.stdout.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")


def _finish(summary: Summary) -> None:
    counts = ", ".join(f"{v} {k}" for k, v in sorted(summary.counts.items())) or "no documents"
    skipped = sum(p.skipped for p in summary.problems)
    warned = len(summary.problems) - skipped
    err.print(f"{counts}; {skipped} skipped" + (f", {warned} warnings" if warned else ""))
    if summary.done == 0 and skipped:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = Path("dedup.db"),
    fmt: FormatOption = Format.table,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace stored documents whose id comes with new content."),
    ] = False,
    config: ConfigOption = None,
    aliases: AliasOption = None,
    shingle_size: ShingleOption = None,
    jaccard: JaccardOption = None,
    containment: ContainOption = None,
) -> None:
    """Store documents and flag each one as it arrives: new, repost (of what), or duplicate.

    Example: `dedup ingest samples/ --db news.db --format jsonl`
    """
    cfg = _config(
        config,
        shingle_size=shingle_size,
        jaccard_threshold=jaccard,
        containment_threshold=containment,
    )
    summary = Summary()
    with _ingest_store(db) as store:
        _flags(ingest_iter(paths, store, cfg, _aliases(aliases), replace=replace), fmt, summary)
    _finish(summary)


@app.command()
def check(
    paths: PathsArg,
    db: DbOption = Path("dedup.db"),
    fmt: FormatOption = Format.table,
    config: ConfigOption = None,
    aliases: AliasOption = None,
) -> None:
    """Flag documents against the store without storing them.

    Example: `cat feed.jsonl | dedup check - --format jsonl`
    """
    summary = Summary()
    with _store(db) as store:
        _flags(check_iter(paths, store, _config(config), _aliases(aliases)), fmt, summary)
    _finish(summary)


@app.command()
def docs(db: DbOption = Path("dedup.db"), fmt: FormatOption = Format.table) -> None:
    """List stored documents with their title, credited source, site and date.

    Example: `dedup docs --format jsonl`
    """
    with _store(db) as store:
        rows = list(doc_records(store))
    table = Table("doc", "title", "source", "site", "date", "chars")
    for r in rows:
        table.add_row(
            *(str(r[k] or "") for k in ("doc", "title", "source", "site", "date", "chars"))
        )
    _emit(rows, fmt, table)


@app.command()
def reposts(db: DbOption = Path("dedup.db"), fmt: FormatOption = Format.table) -> None:
    """Repost clusters, largest first: the likely original, every member, the matched passage.

    Example: `dedup reposts --format jsonl > clusters.jsonl`
    """
    with _store(db) as store:
        rows = repost_records(store)
    _emit(rows, fmt)
    if fmt is Format.table:
        _print_reposts(rows)


def _print_reposts(rows: list[dict]) -> None:
    """Per cluster: the original and its matched passage, then one line per member."""
    for row in rows:
        out.print(
            f"[bold]cluster {row['cluster']}[/] · {row['size']} pages · original [bold]{row['original']}[/]",
            highlight=False,
        )
        out.print(f"  matched: {row['passage']}", highlight=False, style="dim")
        table = Table("doc", "source", "site", "date", "J", "C", box=None, padding=(0, 2, 0, 2))
        for i, m in enumerate(row["members"]):
            name = (
                m["doc"]
                + (" (original)" if i == 0 else "")
                + (" (holds several)" if m["container"] else "")
            )
            scores = ("", "") if i == 0 else (f"{m['jaccard']:.2f}", f"{m['containment']:.2f}")
            table.add_row(name, m["source"] or "", m["site"] or "", (m["date"] or "")[:16], *scores)
        out.print(table)


Kind = StrEnum("Kind", {kind: kind for kind in STATEMENT_KINDS})  # statement, slogan, term


@app.command()
def quotes(
    db: DbOption = Path("dedup.db"),
    fmt: FormatOption = Format.table,
    speaker: Annotated[
        str | None,
        typer.Option("--speaker", help="Only this speaker (any alias: 总书记, 習近平…)."),
    ] = None,
    kind: Annotated[Kind | None, typer.Option("--kind", help="statement, slogan or term.")] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", help="Echoed by at least this many outlets.")
    ] = 1,
    since: SinceOption = None,
    until: UntilOption = None,
    speakers: SpeakersOption = None,
    config: ConfigOption = None,
) -> None:
    """Statements and slogans echoed across outlets: speaker, sources, first seen, occurrences.
    --since and --until bound the date a statement was first seen.

    Example: `dedup quotes --speaker 习近平 --min-sources 2 --format jsonl`
    """
    rows = _statement_rows(
        db,
        _config(config),
        speakers,
        speaker=speaker,
        kind=kind.value if kind else None,
        min_sources=min_sources,
        since=since,
        until=until,
    )
    _emit(rows, fmt)
    if fmt is Format.table:
        _print_statements(rows)


def _statement_rows(db: Path, cfg: Config, speakers: Path | None, **filters: object) -> list[dict]:
    table = _speakers(speakers)
    with _store(db) as store:
        return [s.as_dict() for s in track(store, cfg, table, **filters)]  # type: ignore[arg-type]


def _print_statements(rows: list[dict]) -> None:
    if not rows:
        err.print("no statement matches these filters")
        return
    table = Table(
        "statement",
        "speaker",
        "kind",
        "sources",
        "first seen",
        "echoed in",
        box=None,
        padding=(0, 2, 0, 0),
    )
    for row in rows:
        docs = sorted(
            {o["doc"] + ("" if o["quoted"] else " (unquoted)") for o in row["occurrences"]}
        )
        text = clip(row["text"], 40)
        table.add_row(
            text,
            row["speaker"] or "",
            row["kind"],
            str(row["sources"]),
            (row["first_seen"] or "")[:10],
            ", ".join(docs),
        )
    out.print(table)


@app.command()
def scan(
    paths: PathsArg,
    db: DbOption = Path("dedup.db"),
    fmt: FormatOption = Format.table,
    config: ConfigOption = None,
    aliases: AliasOption = None,
) -> None:
    """The main job: ingest PATHS, then report repost clusters and the most echoed statements.

    Example: `dedup scan samples/`
    """
    summary = Summary()
    cfg = _config(config)
    with _ingest_store(db) as store:
        _flags(ingest_iter(paths, store, cfg, _aliases(aliases)), None, summary)
        data = summarize(store, cfg)
    _print_summary(data, fmt)
    _finish(summary)


@app.command()
def report(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Also write a self-contained HTML report here."),
    ] = None,
    db: DbOption = Path("dedup.db"),
    fmt: FormatOption = Format.table,
    speakers: SpeakersOption = None,
    config: ConfigOption = None,
) -> None:
    """Summary of the store (corpus, repost clusters, top statements, top sources); with `-o`,
    a single-file HTML report that works offline (side-by-side diffs, timelines, echo graph).

    Example: `dedup report -o reports/news.html`
    """
    cfg, table = _config(config), _speakers(speakers)
    with _store(db) as store:
        facts = gather(store, cfg, table)
        if output is not None:
            write_report(facts, output)
    _print_summary(summary_of(facts), fmt)
    if output is not None:
        err.print(f"report -> {output}")


def _print_summary(data: dict, fmt: Format) -> None:
    """Tables for people; for machines the same content, whole (json) or one record a line
    tagged ``record`` (jsonl: corpus, cluster, statement, source)."""
    if fmt is Format.table:
        out.print(render_summary(data))
    elif fmt is Format.json:
        out.print_json(json.dumps(data, ensure_ascii=False))
    else:
        corpus = {"documents": data["documents"], "dates": data["dates"]}
        tagged = [("corpus", [corpus]), ("cluster", data["reposts"])]
        tagged += [("statement", data["statements"]), ("source", data["sources"])]
        for record, rows in tagged:
            for row in rows:
                sys.stdout.write(json.dumps({"record": record, **row}, ensure_ascii=False) + "\n")


@app.command()
def graph(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write: .gexf, .graphml, .json or .csv.")
    ],
    db: DbOption = Path("dedup.db"),
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only statements of this speaker (any alias).")
    ] = None,
    kind: Annotated[Kind | None, typer.Option("--kind", help="statement, slogan or term.")] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", help="Statements echoed by at least this many outlets.")
    ] = 1,
    since: SinceOption = None,
    until: UntilOption = None,
    speakers: SpeakersOption = None,
    config: ConfigOption = None,
) -> None:
    """Export the echo graph (outlets, statements, speakers; echoes, reposts, who followed whom).

    Example: `dedup graph -o echoes.gexf --min-sources 2`, then open it in Gephi (File > Open).
    """
    try:
        check_format(output)
    except ValueError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error
    filters = GraphFilter(speaker, kind.value if kind else None, min_sources, since, until)
    cfg, table = _config(config), _speakers(speakers)
    with _store(db) as store:
        echo = build_graph(store, filters, cfg, table)
    write(echo, output)
    err.print(f"{echo.number_of_nodes()} nodes, {echo.number_of_edges()} edges -> {output}")


def _speakers(path: Path | None) -> Speakers:
    try:
        return Speakers.load(path)
    except (OSError, ValueError) as error:
        err.print(f"[red]error:[/] {escape(str(path))}: {escape(str(error))}")
        raise typer.Exit(2) from error


@app.command()
def sources(
    db: DbOption = Path("dedup.db"),
    fmt: FormatOption = Format.table,
    speakers: SpeakersOption = None,
    config: ConfigOption = None,
) -> None:
    """Per outlet or site: articles, originals, reposts made and suffered, statements echoed,
    how often first, median lag behind the first carrier, share of reposts that credited.

    Example: `dedup sources --format jsonl`
    """
    cfg, known = _config(config), _speakers(speakers)
    with _store(db) as store:
        rows = outlet_sources(store, cfg=cfg, speakers=known)
    table = Table(box=None, padding=(0, 1, 0, 0))
    headers = ("outlet", "kind", "articles", "orig", "reposts", "reposted", "stmts", "first")
    for header in (*headers, "lag h", "credited"):
        table.add_column(header, no_wrap=True)
    for row in rows:
        lag, share = row["median_lag_hours"], row["credit_share"]
        table.add_row(
            *(str(row[k]) for k in ("outlet", "kind", *SOURCE_FIELDS[:6])),
            "" if lag is None else f"{lag:.0f}",
            "" if share is None else f"{share:.0%}",
        )
    _emit(rows, fmt, table)


if __name__ == "__main__":
    app()
