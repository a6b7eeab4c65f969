"""Files for people: one document's extraction as JSON/CSV, and the marts as Parquet and CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import duckdb

from pipelines.extraction.model import DocumentExtraction
from pipelines.settings import MARTS_SCHEMA

CELL_COLUMNS = (
    "document_id",
    "table_code",
    "table_title",
    "unit_printed",
    "row_seq",
    "row_key",
    "row_label",
    "side",
    "line_no",
    "column_key",
    "column_label",
    "amount_yuan",
    "source_page",
)

DOCUMENT_FIELDS = (
    "document_id",
    "source_file",
    "sha256",
    "page_count",
    "department_name",
    "region",
    "fiscal_year",
    "document_kind",
    "reporting_scope",
    "source_unit",
    "extractor_version",
    "seconds",
)

#: the longest file name ending each output format writes
LONGEST_SUFFIX = {"json": ".json", "csv": ".document.csv"}

TABLE_COLUMNS = (
    "table_code",
    "title",
    "printed_number",
    "unit",
    "pages",
    "is_empty",
    "row_count",
    "note",
)


def extraction_cells(extraction: DocumentExtraction) -> list[dict[str, Any]]:
    """Every amount of a document with its provenance (page, row label, column label)."""
    cells = []
    for code in sorted(extraction.tables):
        table = extraction.tables[code]
        labels = {column.key: column.label for column in table.columns}
        for row_seq, row in enumerate(table.rows, start=1):
            for column_key, amount in row.values.items():
                cells.append(
                    {
                        "document_id": extraction.document_id,
                        "table_code": table.table_code,
                        "table_title": table.title,
                        "unit_printed": table.unit,
                        "row_seq": row_seq,
                        "row_key": row.row_key,
                        "row_label": row.row_label,
                        "side": row.side,
                        "line_no": row.line_no,
                        "column_key": column_key,
                        "column_label": labels.get(column_key, column_key),
                        "amount_yuan": format(amount, "f"),
                        "source_page": row.page,
                    }
                )
    return cells


def extraction_as_json(extraction: DocumentExtraction) -> dict[str, Any]:
    """The document's metadata, tables, narrative and a flat list of provenanced cells."""
    data = extraction.to_json_dict()
    data["cells"] = extraction_cells(extraction)
    return data


def write_extraction(
    extraction: DocumentExtraction, out_dir: Path | None, output_format: str
) -> list[Path] | str:
    """Write one extraction to ``out_dir`` (files returned) or, without a folder, as text.

    The files are named after the PDF; a name too long for the folder's file
    system is shortened (with a hash of the whole name, so two long names stay apart).
    """
    stem = Path(extraction.source_file).stem or extraction.document_id
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        stem = _fitting_stem(stem, out_dir, LONGEST_SUFFIX[output_format])
    if output_format == "json":
        text = json.dumps(extraction_as_json(extraction), ensure_ascii=False, indent=1)
        if out_dir is None:
            return text
        path = out_dir / f"{stem}.json"
        path.write_text(text + "\n", encoding="utf-8")
        return [path]

    cells_csv = _csv_text(CELL_COLUMNS, extraction_cells(extraction))
    if out_dir is None:
        return cells_csv
    document_row = {name: getattr(extraction, name) for name in DOCUMENT_FIELDS}
    table_rows = [
        {
            "table_code": table.table_code,
            "title": table.title,
            "printed_number": table.printed_number,
            "unit": table.unit,
            "pages": " ".join(str(page) for page in table.pages),
            "is_empty": table.is_empty,
            "row_count": len(table.rows),
            "note": table.note,
        }
        for _, table in sorted(extraction.tables.items())
    ]
    written = {
        out_dir / f"{stem}.cells.csv": cells_csv,
        out_dir / f"{stem}.tables.csv": _csv_text(TABLE_COLUMNS, table_rows),
        out_dir / f"{stem}.document.csv": _csv_text(DOCUMENT_FIELDS, [document_row]),
    }
    for path, text in written.items():
        path.write_text("\ufeff" + text, encoding="utf-8")  # BOM: Excel reads UTF-8
    return list(written)


def _fitting_stem(stem: str, out_dir: Path, suffix: str) -> str:
    """``stem``, or a shortened one, so that ``stem + suffix`` fits the file system's name limit."""
    try:
        limit = os.pathconf(out_dir, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = 255
    if len((stem + suffix).encode()) <= limit:
        return stem
    tag = "~" + hashlib.sha256(stem.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    budget = limit - len((tag + suffix).encode())
    return stem.encode()[:budget].decode("utf-8", "ignore") + tag


def export_marts(warehouse_path: Path, out_dir: Path) -> list[Path]:
    """Every table of the marts schema as ``<name>.parquet`` and ``<name>.csv`` (UTF-8, BOM)."""
    if not warehouse_path.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse_path}; run `fiscal run` first")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = ? ORDER BY table_name",
                [MARTS_SCHEMA],
            ).fetchall()
        ]
        for name in tables:
            relation = f'{MARTS_SCHEMA}."{name}"'
            parquet = out_dir / f"{name}.parquet"
            connection.execute(
                f"COPY (SELECT * FROM {relation}) TO '{_sql_text(parquet)}' (FORMAT parquet)"
            )
            plain = out_dir / f".{name}.csv.tmp"
            connection.execute(
                f"COPY (SELECT * FROM {relation}) TO '{_sql_text(plain)}' (FORMAT csv, HEADER)"
            )
            target = out_dir / f"{name}.csv"
            with open(target, "wb") as destination, open(plain, "rb") as source:
                destination.write("\ufeff".encode())
                shutil.copyfileobj(source, destination)
            plain.unlink()
            written += [parquet, target]
    finally:
        connection.close()
    return written


def _csv_text(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if row.get(key) is None else row.get(key) for key in columns})
    return buffer.getvalue()


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")
