"""Files of the raw folder that are there but cannot be read (permissions, I/O errors).

Such a file is not gone, so it is never withdrawn (nor are the files of a
folder that cannot be listed). A document published
before under that name keeps its last readable version: its rows are carried
over from the published warehouse, its reason saying that the file cannot be
read now. A new one is recorded as quarantined with that reason, under an id
made from its name (its content is unknown: ``'unread_'`` + 16 hex digits of
the sha256 of the name, and an empty ``sha256``); once it can be read it is a
document like any other and the placeholder is dropped.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import duckdb

from pipelines.runs.inventory import Inventory, InventoryDocument
from pipelines.validation.findings import DocumentStatus
from pipelines.warehouse.loader import DOCUMENT_TABLES

UNREAD_PREFIX = "unread_"


def split_unreadable(
    inventory: Inventory, ledger: dict[str, dict[str, Any]]
) -> tuple[list[InventoryDocument], dict[str, str]]:
    """New unreadable files as documents to quarantine unread, and the published
    documents whose file cannot be read now (document id → reason), to keep."""
    published = {
        str(entry.get("source_file")): document_id
        for document_id, entry in ledger.items()
        if entry.get("status") != DocumentStatus.WITHDRAWN and entry.get("sha256")
    }
    new: list[InventoryDocument] = []
    kept: dict[str, str] = {}
    for name, reason in inventory.unreadable:
        document_id = published.get(name)
        if document_id is not None:
            kept[document_id] = f"{reason}; its last readable version is kept"
        else:
            new.append(_placeholder(inventory, name, reason))
    present = {document.document_id for document in inventory.documents}
    for name, document_id in published.items():
        folder = inventory.unreadable_folder_of(name)
        if folder is not None and document_id not in present:
            kept[document_id] = f"{name}: its folder {folder}; its last readable version is kept"
    return new, kept


def _placeholder(inventory: Inventory, name: str, reason: str) -> InventoryDocument:
    return InventoryDocument(
        document_id=UNREAD_PREFIX + hashlib.sha256(name.encode("utf-8")).hexdigest()[:16],
        sha256="",
        source_file=name,
        path=inventory.raw_dir / name,
        size_bytes=0,
        problem=reason,
    )


def carry_over(
    connection: duckdb.DuckDBPyConnection, previous: Path, kept: dict[str, str]
) -> dict[str, int]:
    """Copy the kept documents' rows from the published warehouse into the build, with
    their new reason; returns the table cells carried per document."""
    connection.execute(f"ATTACH '{_sql_text(previous)}' AS previous_build (READ_ONLY)")
    try:
        ids = sorted(kept)
        for table in reversed(DOCUMENT_TABLES):  # documents first
            connection.execute(
                f"INSERT INTO raw.{table} BY NAME SELECT * FROM previous_build.raw.{table} "
                "WHERE document_id IN (SELECT unnest(?))",
                [ids],
            )
        connection.executemany(
            "UPDATE raw.documents SET status_reason = ? WHERE document_id = ?",
            [(reason, document_id) for document_id, reason in kept.items()],
        )
        counts = dict(
            connection.execute(
                "SELECT document_id, count(*) FROM raw.table_cells "
                "WHERE document_id IN (SELECT unnest(?)) GROUP BY 1",
                [ids],
            ).fetchall()
        )
    finally:
        connection.execute("DETACH previous_build")
    return {document_id: counts.get(document_id, 0) for document_id in ids}


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")
