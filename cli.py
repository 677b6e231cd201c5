"""The ``dedup`` command: parses arguments, calls the library, prints. Nothing else lives here."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dedup.config import Config
from dedup.pipeline import Summary, check_iter, ingest_iter
from dedup.readers import Problem
from dedup.report import doc_records, repost_records
from dedup.reposts import Flag
from dedup.sources import Aliases
from dedup.store import SettingsError, Store

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
        err.print(f"[red]error:[/] aliases: {escape(str(error))}")
        raise typer.Exit(2) from error


def _store(db: Path) -> Store:
    try:
        return Store(db)
    except ValueError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error


def _emit(rows: Iterable[dict[str, object]], fmt: Format, table: Table | None = None) -> None:
    rows = list(rows)
    if fmt is Format.json:
        out.print_json(json.dumps(rows, ensure_ascii=False))
    elif fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif table is not None:
        out.print(table)


def _flags(items: Iterator[Flag | Problem], fmt: Format | None, summary: Summary) -> None:
    """Print one line per document as it is decided (none if ``fmt`` is None); problems go to
    stderr, one line each."""
    try:
        _print_flags(items, fmt, summary)
    except SettingsError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error


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
                err.print(f"[yellow]skipped[/] {escape(str(item))}", highlight=False)
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
    err.print(f"{counts}; {len(summary.problems)} skipped")
    if summary.done == 0 and summary.problems:
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
    with _store(db) as store:
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


@app.command()
def scan(
    paths: PathsArg,
    db: DbOption = Path("dedup.db"),
    fmt: FormatOption = Format.table,
    config: ConfigOption = None,
    aliases: AliasOption = None,
) -> None:
    """The main job: ingest PATHS, then report the repost clusters found.

    Example: `dedup scan samples/`
    """
    summary = Summary()
    cfg = _config(config)
    with _store(db) as store:
        _flags(ingest_iter(paths, store, cfg, _aliases(aliases)), None, summary)
        rows = repost_records(store)
        total = store.count()
    _emit(rows, fmt)
    if fmt is Format.table:
        out.print(f"[bold]{total}[/] documents in {db}; {len(rows)} repost clusters\n")
        _print_reposts(rows)
    _finish(summary)


if __name__ == "__main__":
    app()
