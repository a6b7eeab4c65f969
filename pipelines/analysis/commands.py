"""The ``fiscal`` commands for people who do not write SQL (and one for those who do).

    fiscal show DEPARTMENT [--year YEAR]   headline figures of a department over the years
    fiscal search TEXT                     departments and function names that match
    fiscal query "SQL" [--csv]             one read-only SQL statement
    fiscal report [--out DIR]              a static site: an index and a page per department
    fiscal export --format fdp             a Fiscal Data Package (see pipelines.analysis.fdp)

Each reads the published warehouse (``--warehouse``, else ``$FISCAL_WAREHOUSE``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.cli_paths import UsageError, output_folder, warehouse_to_read

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

if TYPE_CHECKING:  # duckdb is imported by the commands that use it: `fiscal --help` stays quick
    import duckdb

Handler = Callable[[argparse.Namespace], int]


def _warehouse_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warehouse",
        type=Path,
        help="DuckDB file to read (default: $FISCAL_WAREHOUSE or warehouse/fiscal.duckdb)",
    )


def add_analysis_commands(commands: argparse._SubParsersAction) -> dict[str, Handler]:
    """Add show, search, query and report to the ``fiscal`` parser; their handlers by name."""
    show = commands.add_parser(
        "show", help="a department's headline figures over the years (fuzzy name match)"
    )
    show.add_argument("department", metavar="DEPARTMENT", help="name, part of it, or the id")
    show.add_argument("--year", type=int, help="one fiscal year only")
    _warehouse_option(show)

    search = commands.add_parser("search", help="departments and function names matching TEXT")
    search.add_argument("text", metavar="TEXT")
    _warehouse_option(search)

    query = commands.add_parser("query", help="run one SQL statement, read-only")
    query.add_argument("sql", metavar="SQL")
    query.add_argument("--csv", action="store_true", help="CSV on stdout instead of a table")
    _warehouse_option(query)

    report = commands.add_parser(
        "report", help="a static site: an index by region and year, a page per department"
    )
    report.add_argument(
        "--out", type=Path, help="folder to write (default: <warehouse dir>/report)"
    )
    report.add_argument(
        "--raw",
        type=Path,
        help="where the PDFs are, for the links (default: $FISCAL_RAW_DIR or raw/)",
    )
    report.add_argument(
        "--pdf-base-url",
        help="link the PDFs under this URL instead of the raw folder (for a published site)",
    )
    _warehouse_option(report)
    return {
        "show": command_show,
        "search": command_search,
        "query": command_query,
        "report": command_report,
    }


def _warehouse(arguments: argparse.Namespace) -> Path:
    from pipelines.settings import load_settings

    return warehouse_to_read(load_settings(warehouse_path=arguments.warehouse).warehouse_path)


def _connect_analytics(warehouse: Path) -> duckdb.DuckDBPyConnection:
    from pipelines.analysis.warehouse import connect, has_analytics

    connection = connect(warehouse)
    if not has_analytics(connection):
        connection.close()
        raise UsageError(
            f"{warehouse} has no analytics schema (built by an older version); run `fiscal run`"
        )
    return connection


def command_show(arguments: argparse.Namespace) -> int:
    from pipelines.analysis.departments import best_match, match_departments
    from pipelines.analysis.profile import department_profile
    from pipelines.analysis.show import format_matches, format_profile

    connection = _connect_analytics(_warehouse(arguments))
    try:
        matches = match_departments(connection, arguments.department)
        chosen = best_match(matches)
        if chosen is None:
            sys.stderr.write(format_matches(arguments.department, matches))
            return EXIT_FAILED
        profile = department_profile(connection, chosen.department, arguments.year)
    finally:
        connection.close()
    if arguments.year is not None and not profile.documents:
        print(
            f"fiscal show: {chosen.department.department_name} has no document for "
            f"{arguments.year}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    sys.stdout.write(format_profile(profile))
    return EXIT_OK


def command_search(arguments: argparse.Namespace) -> int:
    from pipelines.analysis.search import format_search

    connection = _connect_analytics(_warehouse(arguments))
    try:
        text, found = format_search(connection, arguments.text)
    finally:
        connection.close()
    sys.stdout.write(text)
    return EXIT_OK if found else EXIT_FAILED


def command_query(arguments: argparse.Namespace) -> int:
    import duckdb

    from pipelines.analysis.query import as_csv, as_table, run_query

    warehouse = _warehouse(arguments)
    try:
        columns, rows = run_query(warehouse, arguments.sql)
    except duckdb.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(f"fiscal query: {first}", file=sys.stderr)
        return EXIT_FAILED
    sys.stdout.write(as_csv(columns, rows) if arguments.csv else as_table(columns, rows))
    return EXIT_OK


def command_report(arguments: argparse.Namespace) -> int:
    from pipelines.analysis.report import write_report
    from pipelines.settings import load_settings

    settings = load_settings(warehouse_path=arguments.warehouse, raw_dir=arguments.raw)
    warehouse = warehouse_to_read(settings.warehouse_path)
    out_dir = output_folder(arguments.out) or warehouse.parent / "report"
    connection = _connect_analytics(warehouse)
    try:
        written = write_report(
            connection, out_dir, raw_dir=settings.raw_dir, pdf_base_url=arguments.pdf_base_url
        )
    finally:
        connection.close()
    print(f"{out_dir / 'index.html'} ({len(written)} pages)")
    return EXIT_OK


def command_export_fdp(arguments: argparse.Namespace) -> int:
    """``fiscal export --format fdp``: the Fiscal Data Package of the analytics tables."""
    from pipelines.analysis.fdp import write_fiscal_data_package
    from pipelines.settings import load_settings

    settings = load_settings(warehouse_path=arguments.warehouse)
    warehouse = warehouse_to_read(settings.warehouse_path)
    out_dir = output_folder(arguments.out) or warehouse.parent / "export" / "fdp"
    connection = _connect_analytics(warehouse)
    try:
        written = write_fiscal_data_package(connection, out_dir)
    finally:
        connection.close()
    for file in written:
        print(file)
    return EXIT_OK
