"""What the published warehouse was built from, so a night with nothing new builds nothing.

The fingerprint covers every input of a build: each document's id, file name
and extraction outcome, the extractor version, and the code that turns
extractions into marts (validation, the loader, the raw schema, the dbt
project). Equal fingerprints mean an identical warehouse would be rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from pipelines.extraction.model import EXTRACTOR_VERSION
from pipelines.settings import Settings
from pipelines.warehouse.extraction_runner import ExtractionOutcome

PIPELINES = Path(__file__).resolve().parents[1]
BUILD_CODE = (
    PIPELINES / "validation",
    PIPELINES / "warehouse" / "raw_build.py",
    PIPELINES / "warehouse" / "loader.py",
    PIPELINES / "warehouse" / "raw_schema.sql",
)
DBT_INPUTS = ("dbt_project.yml", "models", "macros", "seeds", "tests")


def inputs_fingerprint(outcomes: Iterable[ExtractionOutcome], settings: Settings) -> str:
    digest = hashlib.sha256()
    documents = sorted(
        (o.document.document_id, o.document.source_file, o.status, o.reason or "") for o in outcomes
    )
    digest.update(json.dumps([EXTRACTOR_VERSION, documents], ensure_ascii=False).encode())
    code = [*BUILD_CODE, *(settings.dbt_project_dir / name for name in DBT_INPUTS)]
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


def fingerprint_path(settings: Settings) -> Path:
    return settings.state_dir / "published.fingerprint"


def is_published(settings: Settings, fingerprint: str) -> bool:
    """The published warehouse was built from exactly these inputs."""
    path = fingerprint_path(settings)
    return (
        settings.warehouse_path.exists()
        and settings.ledger_path.exists()
        and path.exists()
        and path.read_text(encoding="utf-8").strip() == fingerprint
    )


def write_build_fingerprint(build_path: Path, fingerprint: str) -> None:
    """Keep a build's fingerprint beside it until the build is published."""
    _build_fingerprint_path(build_path).write_text(fingerprint + "\n", encoding="utf-8")


def adopt_build_fingerprint(build_path: Path, settings: Settings) -> None:
    """After publishing a build, its fingerprint becomes the published one.

    A build without one (dbt models rebuilt on a copy of the warehouse)
    clears it, so the next run cannot mistake the warehouse for another.
    """
    built = _build_fingerprint_path(build_path)
    if built.exists():
        os.replace(built, fingerprint_path(settings))
    else:
        fingerprint_path(settings).unlink(missing_ok=True)


def _build_fingerprint_path(build_path: Path) -> Path:
    return build_path.with_name(build_path.name + ".fingerprint")
