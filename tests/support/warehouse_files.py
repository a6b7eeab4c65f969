"""Copying samples into a raw folder and reading a warehouse file back."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb


def copy_samples(pdfs: list[Path], raw_dir: Path, names: list[str] | None = None) -> list[Path]:
    """Copy sample PDFs into ``raw_dir`` (optionally under new names)."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for index, pdf in enumerate(pdfs):
        target = raw_dir / (names[index] if names else pdf.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, target)
        copied.append(target)
    return copied


def marts_snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every marts table, all rows sorted: equal snapshots mean identical marts."""
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'marts' ORDER BY table_name"
            ).fetchall()
        ]
        return {
            name: sorted(
                connection.execute(f'SELECT * FROM marts."{name}"').fetchall(),
                key=lambda row: tuple("" if value is None else str(value) for value in row),
            )
            for name in tables
        }
    finally:
        connection.close()


def query(warehouse: Path, sql: str, parameters: list | None = None) -> list[tuple]:
    """Run one read-only query on a warehouse file."""
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        return connection.execute(sql, parameters or []).fetchall()
    finally:
        connection.close()


def document_statuses(warehouse: Path) -> dict[str, tuple[str, str, str | None]]:
    """source_file → (document_id, status, status_reason) from raw.documents."""
    return {
        source_file: (document_id, status, reason)
        for document_id, source_file, status, reason in query(
            warehouse,
            "SELECT document_id, source_file, status, status_reason FROM raw.documents",
        )
    }
