"""What the published warehouse was built from, so a night with nothing new builds nothing.

The fingerprint covers every input of a build: each document's id, file name
and extraction outcome, the files that cannot be read, the extractor version, and the code that turns
extractions into marts (validation, the loader, the raw schema, the dbt
project). Equal fingerprints mean an identical warehouse would be rebuilt.

The fingerprint is a table inside the build file (``meta.build_fingerprint``),
so it is published by the same ``os.replace`` as the build itself: the
published file and the fingerprint of what it was built from can never
disagree, whenever a run is killed and whatever filesystem the state folder is on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import duckdb

from pipelines.extraction.model import EXTRACTOR_VERSION
from pipelines.runs.extraction_runner import ExtractionOutcome
from pipelines.settings import Settings
from pipelines.warehouse.dbt_cache import PROJECT_INPUTS

PIPELINES = Path(__file__).resolve().parents[1]
BUILD_CODE = (
    PIPELINES / "validation",
    PIPELINES / "warehouse" / "raw_build.py",
    PIPELINES / "warehouse" / "loader.py",
    PIPELINES / "warehouse" / "raw_schema.sql",
)

FINGERPRINT_SCHEMA = "meta"
FINGERPRINT_TABLE = f"{FINGERPRINT_SCHEMA}.build_fingerprint"


def inputs_fingerprint(
    outcomes: Iterable[ExtractionOutcome],
    settings: Settings,
    kept: Mapping[str, str] | None = None,
) -> str:
    """``kept``: published documents whose file cannot be read now (id → reason)."""
    digest = hashlib.sha256()
    documents = sorted(
        (o.document.document_id, o.document.source_file, o.status, o.reason or "") for o in outcomes
    )
    unread = sorted((kept or {}).items())
    digest.update(json.dumps([EXTRACTOR_VERSION, documents, unread], ensure_ascii=False).encode())
    code = [*BUILD_CODE, *(settings.dbt_project_dir / name for name in PROJECT_INPUTS)]
    for path in sorted(_files(code)):
        digest.update(str(path.relative_to(path.anchor)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(roots: Iterable[Path]) -> Iterable[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def stamp_build(build_path: Path, fingerprint: str) -> None:
    """Write the fingerprint of a build into the build file itself."""
    connection = duckdb.connect(str(build_path))
    try:
        connection.execute(f"CREATE SCHEMA IF NOT EXISTS {FINGERPRINT_SCHEMA}")
        connection.execute(f"CREATE OR REPLACE TABLE {FINGERPRINT_TABLE} (fingerprint VARCHAR)")
        connection.execute(f"INSERT INTO {FINGERPRINT_TABLE} VALUES (?)", [fingerprint])
        connection.execute("CHECKPOINT")
    finally:
        connection.close()


def clear_fingerprint(database_path: Path) -> None:
    """Forget what a file was built from (its models were rebuilt some other way)."""
    connection = duckdb.connect(str(database_path))
    try:
        connection.execute(f"DROP TABLE IF EXISTS {FINGERPRINT_TABLE}")
        connection.execute("CHECKPOINT")
    finally:
        connection.close()


def published_fingerprint(warehouse_path: Path) -> str | None:
    """The fingerprint inside a warehouse file; None if it has none or cannot be read."""
    if not warehouse_path.is_file():
        return None
    try:
        connection = duckdb.connect(str(warehouse_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = connection.execute(f"SELECT max(fingerprint) FROM {FINGERPRINT_TABLE}").fetchone()
    except duckdb.Error:
        return None
    finally:
        connection.close()
    return row[0] if row else None


def is_published(settings: Settings, fingerprint: str) -> bool:
    """The published warehouse was built from exactly these inputs."""
    return published_fingerprint(settings.warehouse_path) == fingerprint
