"""The ``fiscal`` command: run the warehouse job, read one PDF, export the marts.

    fiscal run     [--raw DIR] [--warehouse FILE] [--workers N] [--allow-withdraw]
    fiscal extract FILE.pdf [--out DIR] [--format csv|json]
    fiscal prepare [--warehouse FILE]
    fiscal export  [--warehouse FILE] [--out DIR]
    fiscal check   DIR [--workers N] [--json FILE]
    fiscal audit   FILE.pdf [--html]
    fiscal show | search | query | report   (for readers: pipelines.analysis.commands)

``fiscal run`` calls the same pipeline functions as the Dagster assets
(:mod:`pipelines.runs.sequence`). It exits 0 when the run completed,
even if some documents were quarantined, and 1 when the run failed or the
withdrawal guard stopped it (saying whether the published warehouse is
unchanged). Every error is one line naming the path and the fix; a path that
cannot work is a usage error (exit 2, see :mod:`pipelines.cli_paths`).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pipelines.analysis.commands import add_analysis_commands, command_export_fdp
from pipelines.cli_paths import (
    UsageError,
    output_folder,
    raw_folder,
    warehouse_to_read,
    warehouse_to_write,
)
from pipelines.settings import InvalidSetting

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2  # a path or argument that cannot work (argparse uses 2 as well)
EXIT_REJECTED = 3  # `fiscal extract` on a file that is not an extractable document


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fiscal",
        description="Chinese department budget and final-account PDFs into a DuckDB warehouse.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run", help="extract, validate and load every PDF, build the marts, publish"
    )
    run.add_argument("--raw", type=Path, help="folder of PDFs (default: $FISCAL_RAW_DIR or raw/)")
    run.add_argument(
        "--warehouse",
        type=Path,
        help="published DuckDB file (default: $FISCAL_WAREHOUSE or warehouse/fiscal.duckdb)",
    )
    run.add_argument(
        "--workers", type=worker_count, help="extraction processes (default: one per core)"
    )
    run.add_argument("--no-progress", action="store_true", help="no progress line on stderr")
    run.add_argument(
        "--allow-withdraw",
        action="store_true",
        help="publish even if most (or all) loaded documents' files are gone from the raw folder",
    )

    extract = commands.add_parser(
        "extract", help="read one PDF: its tables, metadata and provenance (no warehouse)"
    )
    extract.add_argument("pdf", type=Path, metavar="FILE.pdf")
    extract.add_argument("--out", type=Path, help="write files here instead of stdout")
    extract.add_argument("--format", choices=("csv", "json"), default="json")

    prepare = commands.add_parser(
        "prepare", help="parse the dbt project once, so that every later run starts warm"
    )
    prepare.add_argument("--warehouse", type=Path, help="DuckDB file the runs will build")

    check = commands.add_parser(
        "check",
        help="how well a folder of PDFs reads, judged by the documents' own arithmetic",
    )
    check.add_argument("folder", type=Path, metavar="DIR")
    check.add_argument(
        "--workers", type=worker_count, help="extraction processes (default: one per core)"
    )
    check.add_argument("--json", type=Path, help="also write the figures as JSON to this file")

    audit = commands.add_parser(
        "audit",
        help="one PDF's findings as a report: where the document contradicts itself, by page",
    )
    audit.add_argument("pdf", type=Path, metavar="FILE.pdf")
    audit.add_argument("--html", action="store_true", help="an HTML page instead of Markdown")

    export = commands.add_parser("export", help="every marts table as Parquet and CSV")
    export.add_argument("--warehouse", type=Path, help="DuckDB file to read")
    export.add_argument("--out", type=Path, help="output folder (default: <warehouse dir>/export)")
    export.add_argument(
        "--format",
        choices=("tables", "fdp"),
        default="tables",
        help="tables: every marts table as Parquet and CSV; fdp: a Fiscal Data Package",
    )
    parser.set_defaults(analysis_handlers=add_analysis_commands(commands))
    return parser


def worker_count(text: str) -> int:
    """``--workers``: a whole number of at least one."""
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return count


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if arguments.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    handler = {
        "run": command_run,
        "extract": command_extract,
        "prepare": command_prepare,
        "export": command_export,
        "check": command_check,
        "audit": command_audit,
        **arguments.analysis_handlers,
    }
    try:
        return handler[arguments.command](arguments)
    except BrokenPipeError:  # `fiscal extract x.pdf | head`: the reader left, not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except (UsageError, InvalidSetting) as error:
        print(f"fiscal {arguments.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:  # one line, not a traceback: which file, and what the OS said
        where = f"{error.filename}: " if error.filename else ""
        print(f"fiscal {arguments.command}: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED


def command_run(arguments: argparse.Namespace) -> int:
    from pipelines.runs.progress import ExtractionProgress
    from pipelines.runs.sequence import run_pipeline
    from pipelines.runs.withdrawals import WithdrawRefused
    from pipelines.settings import load_settings

    settings = load_settings(
        raw_dir=arguments.raw, warehouse_path=arguments.warehouse, workers=arguments.workers
    )
    raw_folder(settings.raw_dir)
    warehouse_to_write(settings.warehouse_path)
    before = _file_identity(settings.warehouse_path)
    try:
        summary = run_pipeline(
            settings,
            progress_factory=None if arguments.no_progress else ExtractionProgress,
            allow_withdraw=arguments.allow_withdraw,
        )
    except WithdrawRefused as refused:
        print(f"fiscal run: {refused}; the published warehouse is unchanged", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(
            f"fiscal run: interrupted; {_what_happened(settings.warehouse_path, before)}",
            file=sys.stderr,
        )
        return 130
    except Exception as error:  # noqa: BLE001 - report, keep the published file, exit non-zero
        logging.getLogger("pipelines").debug("run failed", exc_info=True)
        first, _, details = str(error).partition("\n")
        print(
            f"fiscal run: FAILED ({type(error).__name__}): {first}; "
            f"{_what_happened(settings.warehouse_path, before)}"
            + (f"\n{details}" if details else ""),
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(summary.format())
    return EXIT_OK


def _file_identity(path: Path) -> tuple[int, int, int, int] | None:
    """What tells one file from its replacement: device, inode, size, modification time."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _what_happened(warehouse: Path, before: tuple[int, int, int, int] | None) -> str:
    """Whether a run that failed had already published, read from the file itself."""
    if _file_identity(warehouse) == before:
        return f"the published warehouse {warehouse} is unchanged"
    return f"the warehouse {warehouse} was replaced by this run's build"


def command_extract(arguments: argparse.Namespace) -> int:
    from pipelines.runs.extraction_runner import STATUS_REJECTED, extract_file
    from pipelines.settings import load_settings
    from pipelines.warehouse.export import write_extraction

    path: Path = arguments.pdf
    problem = _not_a_readable_file(path)
    if problem:
        raise UsageError(problem)
    output_folder(arguments.out)
    # in a worker process, under the time and memory limits of `fiscal run`
    outcome, extraction = extract_file(path, load_settings())
    if extraction is None:
        print(f"fiscal extract: {outcome.reason}", file=sys.stderr)  # it names the file
        return EXIT_REJECTED if outcome.status == STATUS_REJECTED else EXIT_FAILED
    written = write_extraction(extraction, arguments.out, arguments.format)
    if isinstance(written, str):
        sys.stdout.write(written if written.endswith("\n") else written + "\n")
    else:
        for file in written:
            print(file)
    for noted in extraction.problems:
        print(f"note: {noted}", file=sys.stderr)
    return EXIT_OK


def _not_a_readable_file(path: Path) -> str | None:
    """What is wrong with a path given as the file to read, if anything."""
    if path.is_dir():
        return f"{path} is a folder, not a PDF file"
    if not path.exists():
        return f"{path} does not exist"  # also a link to nowhere
    if not path.is_file():
        return f"{path} is not a regular file"
    return None


def command_prepare(arguments: argparse.Namespace) -> int:
    from pipelines.settings import load_settings
    from pipelines.warehouse.dbt_runner import DbtBuildFailed, prepare_saved_parse

    settings = load_settings(warehouse_path=arguments.warehouse)
    try:
        result = prepare_saved_parse(settings)
    except DbtBuildFailed as error:
        print(f"fiscal prepare: {error}", file=sys.stderr)
        return EXIT_FAILED
    if result is None:
        print(
            f"dbt parse is up to date (the project and dbt are unchanged; {settings.dbt_cache_root})"
        )
    else:
        print(f"dbt project parsed in {result.seconds:.1f} s")
    return EXIT_OK


def command_export(arguments: argparse.Namespace) -> int:
    import duckdb

    from pipelines.settings import load_settings
    from pipelines.warehouse.export import export_marts

    if arguments.format == "fdp":
        return command_export_fdp(arguments)
    settings = load_settings(warehouse_path=arguments.warehouse)
    warehouse = warehouse_to_read(settings.warehouse_path)
    out_dir = output_folder(arguments.out) or warehouse.parent / "export"
    try:
        written = export_marts(warehouse, out_dir)
    except duckdb.Error as error:
        first = str(error).strip().splitlines()[0]
        print(f"fiscal export: {warehouse} cannot be read: {first}", file=sys.stderr)
        return EXIT_FAILED
    for file in written:
        print(file)
    return EXIT_OK


def command_check(arguments: argparse.Namespace) -> int:
    import json

    from pipelines.runs.corpus_check import check_folder, corpus_summary, format_report
    from pipelines.settings import load_settings

    folder: Path = arguments.folder
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder; give the folder of PDFs to check")
    settings = load_settings(raw_dir=folder, workers=arguments.workers)
    checks = check_folder(folder, settings)
    print(format_report(checks))
    if arguments.json:
        figures = {
            "summary": corpus_summary(checks),
            "documents": [c.to_json_dict() for c in checks],
        }
        arguments.json.write_text(
            json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return EXIT_OK


def command_audit(arguments: argparse.Namespace) -> int:
    from pipelines.runs.extraction_runner import STATUS_REJECTED, extract_file
    from pipelines.settings import load_settings
    from pipelines.validation import validate_document
    from pipelines.validation.audit_report import audit_html, audit_markdown

    path: Path = arguments.pdf
    problem = _not_a_readable_file(path)
    if problem:
        raise UsageError(problem)
    outcome, extraction = extract_file(path, load_settings())
    if extraction is None:
        print(f"fiscal audit: {outcome.reason}", file=sys.stderr)  # it names the file
        return EXIT_REJECTED if outcome.status == STATUS_REJECTED else EXIT_FAILED
    report = validate_document(extraction)
    render = audit_html if arguments.html else audit_markdown
    sys.stdout.write(render(extraction, report))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
