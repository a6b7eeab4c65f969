"""The one place where the pipeline's paths and limits are defined.

Everything reads its locations from :func:`load_settings`, which looks at the
environment at call time (so tests and the CLI can point it elsewhere):

- ``FISCAL_RAW_DIR``: the folder of source PDFs, default ``<project>/raw``;
- ``FISCAL_WAREHOUSE``: the published DuckDB file, default
  ``<project>/warehouse/fiscal.duckdb`` (``dbt_project/profiles.yml`` reads the
  same variable);
- ``FISCAL_STATE_DIR``: extraction cache, file hashes and dbt scratch space, default
  ``<warehouse dir>/<warehouse stem>.state`` beside the published file;
- ``FISCAL_CACHE_DIR``: the extraction cache alone, default
  ``<state dir>/extraction_cache`` (several warehouses may share one cache: it
  is keyed by content and extractor version only);
- ``FISCAL_DBT_CACHE_DIR``: dbt's saved parse of the project (shared by every
  state dir) and the Dagster manifest, default ``$XDG_CACHE_HOME/fiscal-warehouse/dbt``
  (``~/.cache/…``); nothing is ever written into the project folder;
- ``FISCAL_WORKERS``, ``FISCAL_DOC_TIMEOUT_SECONDS``, ``FISCAL_WORKER_MEMORY_MB``:
  extraction parallelism and the per-document limits.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"

DEFAULT_RAW_DIR = PROJECT_ROOT / "raw"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "fiscal.duckdb"
DEFAULT_DOC_TIMEOUT_SECONDS = 300.0
DEFAULT_WORKER_MEMORY_MB = 2048
#: below this a worker cannot even import pdfminer: such a limit fails every document
MINIMUM_WORKER_MEMORY_MB = 256

#: the schema dbt builds the analyst-facing tables in
MARTS_SCHEMA = "marts"

#: the storage format a new warehouse file is written in: the oldest that every
#: DuckDB 1.x reads (BI tools bundle old clients); a file keeps the format it
#: was created with, so dbt's writes later do not change it
WAREHOUSE_STORAGE_VERSION = "v1.0.0"


@dataclass(frozen=True)
class Settings:
    """Where the pipeline reads and writes, and how hard it may work."""

    raw_dir: Path
    warehouse_path: Path
    state_dir: Path
    workers: int
    doc_timeout_seconds: float
    worker_memory_mb: int
    dbt_project_dir: Path = DBT_PROJECT_DIR
    shared_cache_dir: Path | None = None  # FISCAL_CACHE_DIR
    dbt_cache_dir: Path | None = None  # FISCAL_DBT_CACHE_DIR

    @property
    def cache_dir(self) -> Path:
        """Extraction results, one JSON per (sha256, extractor version)."""
        return self.shared_cache_dir or self.state_dir / "extraction_cache"

    @property
    def dbt_cache_root(self) -> Path:
        """dbt's saved parse and the Dagster manifest (see :mod:`pipelines.warehouse.dbt_cache`)."""
        return self.dbt_cache_dir or default_dbt_cache_dir(self.state_dir)

    @property
    def hash_memo_path(self) -> Path:
        """sha256 of files by (path, size, mtime), so unchanged files are not re-read."""
        return self.state_dir / "file_hashes.json"

    @property
    def lock_path(self) -> Path:
        """The writer lock: one run builds and publishes at a time."""
        return self.warehouse_path.with_name(self.warehouse_path.name + ".lock")

    @property
    def dbt_scratch_dir(self) -> Path:
        """dbt's target folder (one for all runs of this state dir) and per-run logs."""
        return self.state_dir / "dbt"

    def with_overrides(
        self,
        raw_dir: Path | str | None = None,
        warehouse_path: Path | str | None = None,
        workers: int | None = None,
    ) -> Settings:
        """A copy with command-line overrides; the state dir follows the warehouse."""
        updated = self
        if raw_dir is not None:
            updated = replace(updated, raw_dir=Path(raw_dir).resolve())
        if warehouse_path is not None:
            warehouse = Path(warehouse_path).resolve()
            state = (
                Path(os.environ["FISCAL_STATE_DIR"]).resolve()
                if os.environ.get("FISCAL_STATE_DIR")
                else default_state_dir(warehouse)
            )
            updated = replace(updated, warehouse_path=warehouse, state_dir=state)
        if workers is not None:
            updated = replace(updated, workers=max(1, workers))
        return updated


def default_state_dir(warehouse_path: Path) -> Path:
    """``warehouse/fiscal.duckdb`` keeps its state in ``warehouse/fiscal.state/``."""
    return warehouse_path.with_name(warehouse_path.stem + ".state")


def default_dbt_cache_dir(state_dir: Path) -> Path:
    """The user's cache folder (XDG), or the state dir when there is no home."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory
            return state_dir / "dbt-cache"
    return Path(base) / "fiscal-warehouse" / "dbt"


def default_workers() -> int:
    """One extraction worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class InvalidSetting(ValueError):
    """An environment variable whose value cannot work; the message names it and the fix."""


def _positive_number(
    name: str, default: float, kind: type[int] | type[float], floor: float
) -> float:
    """``name`` from the environment as a number of at least ``floor``, else ``default``."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = kind(text)
    except ValueError:
        value = None
    if value is None or value != value or value < floor or value == float("inf"):
        noun = "a whole number" if kind is int else "a number"
        raise InvalidSetting(f"{name}={text!r} is not valid: give {noun} of at least {floor:g}")
    return value


def load_settings(
    raw_dir: Path | str | None = None,
    warehouse_path: Path | str | None = None,
    workers: int | None = None,
) -> Settings:
    """Settings from the environment, with optional explicit overrides on top."""
    env = os.environ
    warehouse = Path(env.get("FISCAL_WAREHOUSE") or DEFAULT_WAREHOUSE).resolve()
    state = (
        Path(env["FISCAL_STATE_DIR"]).resolve()
        if env.get("FISCAL_STATE_DIR")
        else default_state_dir(warehouse)
    )
    settings = Settings(
        raw_dir=Path(env.get("FISCAL_RAW_DIR") or DEFAULT_RAW_DIR).resolve(),
        warehouse_path=warehouse,
        state_dir=state,
        workers=int(_positive_number("FISCAL_WORKERS", default_workers(), int, 1)),
        doc_timeout_seconds=float(
            _positive_number("FISCAL_DOC_TIMEOUT_SECONDS", DEFAULT_DOC_TIMEOUT_SECONDS, float, 1)
        ),
        worker_memory_mb=int(
            _positive_number(
                "FISCAL_WORKER_MEMORY_MB", DEFAULT_WORKER_MEMORY_MB, int, MINIMUM_WORKER_MEMORY_MB
            )
        ),
        shared_cache_dir=Path(env["FISCAL_CACHE_DIR"]).resolve()
        if env.get("FISCAL_CACHE_DIR")
        else None,
        dbt_cache_dir=Path(env["FISCAL_DBT_CACHE_DIR"]).resolve()
        if env.get("FISCAL_DBT_CACHE_DIR")
        else None,
    )
    return settings.with_overrides(raw_dir=raw_dir, warehouse_path=warehouse_path, workers=workers)
