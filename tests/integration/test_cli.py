"""The ``fiscal`` command: run, extract, export."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from pipelines.extraction import document_id_for, file_sha256
from tests.support.bad_pdfs import (
    write_broken_structure,
    write_html_as_pdf,
    write_pathological,
    write_zero_bytes,
)
from tests.support.paths import PROJECT_ROOT
from tests.support.warehouse_files import copy_samples


def _fiscal_command() -> list[str]:
    script = Path(sys.executable).with_name("fiscal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipelines.cli"]


@pytest.fixture(scope="module")
def cli_warehouse(
    sample_pdfs, tmp_path_factory, shared_cache_dir
) -> tuple[Path, subprocess.CompletedProcess]:
    """One `fiscal run` over two samples and a zero-byte file."""
    base = tmp_path_factory.mktemp("cli")
    raw_dir = base / "raw dir"
    copy_samples(sample_pdfs[:2], raw_dir)
    write_zero_bytes(raw_dir / "empty.pdf")
    warehouse = base / "out" / "fiscal.duckdb"
    env = dict(os.environ, FISCAL_CACHE_DIR=str(shared_cache_dir))
    env.pop("FISCAL_WAREHOUSE", None)
    env.pop("FISCAL_STATE_DIR", None)
    completed = subprocess.run(
        [
            *_fiscal_command(),
            "run",
            "--raw",
            str(raw_dir),
            "--warehouse",
            str(warehouse),
            "--workers",
            "2",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    return warehouse, completed


@pytest.mark.e2e
def test_run_completes_with_a_quarantined_document_and_prints_a_summary(cli_warehouse):
    warehouse, completed = cli_warehouse
    assert completed.returncode == EXIT_OK, completed.stderr
    out = completed.stdout
    assert "documents: 2 loaded, 0 partial, 1 quarantined, 0 withdrawn" in out
    assert "quarantined empty.pdf: zero bytes" in out
    assert "rows per mart:" in out and "fct_statement_line" in out
    assert "validation findings:" in out
    assert "extracting 3/3 documents" in completed.stderr  # the progress line
    assert warehouse.exists()
    assert (warehouse.parent / "fiscal.state" / "file_hashes.json").is_file()


def test_run_fails_without_a_raw_folder(tmp_path, capsys):
    code = main(
        ["run", "--raw", str(tmp_path / "missing"), "--warehouse", str(tmp_path / "w.duckdb")]
    )
    assert code == EXIT_USAGE
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "w.duckdb").exists()


@pytest.mark.e2e
def test_export_writes_every_mart_as_parquet_and_excel_csv(cli_warehouse, tmp_path, capsys):
    warehouse, _ = cli_warehouse
    out_dir = tmp_path / "export"
    assert main(["export", "--warehouse", str(warehouse), "--out", str(out_dir)]) == EXIT_OK

    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        marts = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts'"
            ).fetchall()
        ]
        counts = {
            name: connection.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0]
            for name in marts
        }
    finally:
        connection.close()
    assert "fct_statement_line" in marts and "dim_document" in marts
    reader = duckdb.connect()
    for name in marts:
        parquet = out_dir / f"{name}.parquet"
        csv_file = out_dir / f"{name}.csv"
        assert (
            reader.execute(f"SELECT count(*) FROM read_parquet('{parquet}')").fetchone()[0]
            == counts[name]
        )
        raw = csv_file.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name  # BOM: Excel opens it as UTF-8
        with open(csv_file, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) == counts[name] + 1
    # money stays exact in Parquet
    amount_type = reader.execute(
        f"SELECT typeof(amount_yuan) FROM read_parquet('{out_dir / 'fct_statement_line.parquet'}') LIMIT 1"
    ).fetchone()[0]
    assert amount_type.startswith("DECIMAL")
    assert str(out_dir / "dim_document.csv") in capsys.readouterr().out


def test_export_without_a_warehouse_fails(tmp_path, capsys):
    assert main(["export", "--warehouse", str(tmp_path / "none.duckdb")]) == EXIT_USAGE
    assert "fiscal run" in capsys.readouterr().err


def test_extract_json_has_provenance_for_every_number(sample_pdfs, capsys):
    pdf = sample_pdfs[0]
    assert main(["extract", str(pdf), "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["document_id"] == document_id_for(file_sha256(pdf))
    assert data["source_file"] == pdf.name
    assert data["tables"] and data["cells"]
    for cell in data["cells"]:
        assert cell["source_page"] >= 1
        assert cell["row_label"] and cell["column_label"]
        assert "." in cell["amount_yuan"] or cell["amount_yuan"].lstrip("-").isdigit()


def test_extract_csv_files_with_bom(sample_pdfs, tmp_path, capsys):
    pdf = sample_pdfs[0]
    assert main(["extract", str(pdf), "--format", "csv", "--out", str(tmp_path)]) == EXIT_OK
    written = [Path(line) for line in capsys.readouterr().out.split()]
    assert sorted(path.name for path in written) == sorted(
        f"{pdf.stem}.{kind}.csv" for kind in ("cells", "tables", "document")
    )
    with open(tmp_path / f"{pdf.stem}.cells.csv", encoding="utf-8-sig", newline="") as handle:
        cells = list(csv.DictReader(handle))
    assert cells and {"source_page", "row_label", "column_label", "amount_yuan"} <= set(cells[0])


def test_extract_rejects_a_file_that_is_not_a_pdf(tmp_path, capsys):
    fake = write_html_as_pdf(tmp_path / "页面.pdf")
    assert main(["extract", str(fake)]) == EXIT_REJECTED
    err = capsys.readouterr().err
    assert "页面.pdf" in err and "not a PDF" in err


@pytest.mark.e2e
def test_run_on_an_empty_folder_stops_before_withdrawing_everything(
    cli_warehouse, tmp_path, capsys
):
    published, _ = cli_warehouse
    warehouse = tmp_path / "copy" / "fiscal.duckdb"  # what was published is in the file itself
    warehouse.parent.mkdir()
    shutil.copyfile(published, warehouse)
    before = warehouse.read_bytes()
    empty = tmp_path / "empty raw"
    empty.mkdir()
    arguments = ["run", "--raw", str(empty), "--warehouse", str(warehouse), "--no-progress"]

    assert main(arguments) == EXIT_FAILED
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "would withdraw all 2 loaded documents" in err and "--allow-withdraw" in err
    assert warehouse.read_bytes() == before

    assert main([*arguments, "--allow-withdraw"]) == EXIT_OK
    assert "documents: 0 loaded, 0 partial, 0 quarantined, 3 withdrawn" in capsys.readouterr().out


def test_extract_names_the_file_once_and_says_what_is_wrong(sample_pdfs, tmp_path, capsys):
    damaged = write_broken_structure(tmp_path / "x.pdf", sample_pdfs[0], pages_readable=False)
    assert main(["extract", str(damaged)]) == EXIT_REJECTED
    err = capsys.readouterr().err
    assert err.startswith("fiscal extract: x.pdf: corrupt PDF (pdfminer: no pages found; PDFium:")
    assert err.count("x.pdf") == 1

    missing = tmp_path / "missing.pdf"
    assert main(["extract", str(missing)]) == EXIT_USAGE
    assert capsys.readouterr().err == f"fiscal extract: {missing} does not exist\n"
    assert main(["extract", str(tmp_path)]) == EXIT_USAGE
    assert "is a folder, not a PDF file" in capsys.readouterr().err


def test_extract_runs_under_the_time_and_memory_limits(sample_pdfs, tmp_path, monkeypatch, capsys):
    slow = write_pathological(tmp_path / "slow.pdf", pages=2)
    monkeypatch.setenv("FISCAL_DOC_TIMEOUT_SECONDS", "1")
    started = time.monotonic()
    assert main(["extract", str(slow)]) == EXIT_FAILED
    assert time.monotonic() - started < 60
    assert capsys.readouterr().err.startswith(
        "fiscal extract: slow.pdf: extraction exceeded the time limit of 1 s"
    )

    monkeypatch.setenv("FISCAL_DOC_TIMEOUT_SECONDS", "300")
    # below the floor an operator may set (settings refuse it), to see the limit act
    monkeypatch.setattr("pipelines.settings.MINIMUM_WORKER_MEMORY_MB", 1)
    monkeypatch.setenv("FISCAL_WORKER_MEMORY_MB", "40")
    assert main(["extract", str(sample_pdfs[0])]) == EXIT_FAILED
    assert "extraction exceeded the memory limit of 40 MB" in capsys.readouterr().err


@pytest.mark.e2e
def test_cli_errors_are_one_line_naming_the_path_and_the_fix(
    cli_warehouse, sample_pdfs, tmp_path, capsys
):
    warehouse, _ = cli_warehouse
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder, not a database\n", encoding="utf-8")
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    pdf = str(sample_pdfs[0])
    cases = {
        "extract --out FILE": (["extract", pdf, "--out", str(a_file)], "give a folder"),
        "export --out FILE": (
            ["export", "--warehouse", str(warehouse), "--out", str(a_file)],
            "give a folder",
        ),
        "export --warehouse FILE": (["export", "--warehouse", str(a_file)], "not a DuckDB"),
        "run --raw FILE": (["run", "--raw", str(a_file)], "give the folder of PDFs"),
        "check FILE": (["check", str(a_file)], "give the folder of PDFs"),
        "run --warehouse FILE": (
            ["run", "--raw", str(raw_dir), "--warehouse", str(a_file)],
            "not a DuckDB",
        ),
    }
    for case, (arguments, fix) in cases.items():
        assert main(arguments) == EXIT_USAGE, case
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1, (case, err)
        assert str(a_file) in err and fix in err, (case, err)
    assert a_file.read_text(encoding="utf-8") == "not a folder, not a database\n"


def test_extract_csv_of_a_file_with_a_very_long_name(sample_pdfs, tmp_path, capsys):
    [long] = copy_samples(sample_pdfs[:1], tmp_path, ["决算" * 40 + "x" * 6 + ".pdf"])  # 250 bytes
    out_dir = tmp_path / "out"
    assert main(["extract", str(long), "--format", "csv", "--out", str(out_dir)]) == EXIT_OK
    written = [Path(line) for line in capsys.readouterr().out.split()]
    assert len(written) == 3 and all(path.is_file() for path in written)
    assert all(len(path.name.encode()) <= 255 for path in written)
    assert all(path.name.startswith("决算决算") for path in written)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        (
            "FISCAL_WORKERS",
            "abc",
            "FISCAL_WORKERS='abc' is not valid: give a whole number of at least 1",
        ),
        ("FISCAL_WORKERS", "0", "FISCAL_WORKERS='0' is not valid"),
        ("FISCAL_WORKERS", "-3", "FISCAL_WORKERS='-3' is not valid"),
        ("FISCAL_DOC_TIMEOUT_SECONDS", "0", "give a number of at least 1"),
        ("FISCAL_DOC_TIMEOUT_SECONDS", "-5", "FISCAL_DOC_TIMEOUT_SECONDS='-5' is not valid"),
        ("FISCAL_DOC_TIMEOUT_SECONDS", "nan", "FISCAL_DOC_TIMEOUT_SECONDS='nan' is not valid"),
        ("FISCAL_WORKER_MEMORY_MB", "1", "give a whole number of at least 256"),
    ],
)
def test_a_limit_that_cannot_work_is_a_one_line_usage_error(
    variable, value, expected, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv(variable, value)
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    warehouse = tmp_path / "w.duckdb"

    assert main(["run", "--raw", str(raw_dir), "--warehouse", str(warehouse)]) == EXIT_USAGE
    assert main(["check", str(raw_dir)]) == EXIT_USAGE

    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and all(expected in line for line in errors), errors
    assert not warehouse.exists()


def test_workers_of_zero_on_the_command_line_is_refused(capsys):
    with pytest.raises(SystemExit) as refused:
        main(["run", "--workers", "0"])
    assert refused.value.code == EXIT_USAGE
    assert "--workers: '0' is not a number of processes" in capsys.readouterr().err
