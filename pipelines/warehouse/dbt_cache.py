"""Where dbt's parse of the project is kept between runs, and whether it is current.

dbt parses the whole project (several seconds) before it does anything, and
saves the parse for the next time. Two parses are kept in the dbt cache
folder (``FISCAL_DBT_CACHE_DIR``, default ``~/.cache/fiscal-warehouse/dbt``),
never in the project folder, so that a read-only installation can run:

- ``<cache>/<project>/parse/<warehouse file name>/``: the saved parse a state
  folder without one starts from (a new warehouse, the first run);
- ``<cache>/<project>/manifest/``: the manifest the Dagster code location reads.

``<project>`` stands for the project folder (a saved parse holds absolute
paths). Each is stamped with what it was made from, the project's files and
the dbt version (:func:`project_stamp`): ``fiscal prepare`` makes both and does
nothing while both stamps are current.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from pathlib import Path

from pipelines.settings import Settings

#: the files of a dbt project that change what dbt parses
PROJECT_INPUTS = (
    "dbt_project.yml",
    "profiles.yml",
    "packages.yml",
    "dependencies.yml",
    "models",
    "macros",
    "seeds",
    "tests",
    "analyses",
    "snapshots",
)
STAMP_FILE = "made-from.stamp"
DBT_DISTRIBUTIONS = ("dbt-core", "dbt-duckdb")


def project_cache_dir(settings: Settings) -> Path:
    """The cache folder of this project folder."""
    key = hashlib.sha256(str(settings.dbt_project_dir.resolve()).encode()).hexdigest()[:16]
    return settings.dbt_cache_root / key


def shared_parse_dir(settings: Settings, warehouse_name: str) -> Path:
    """The saved parse shared by every state dir whose warehouse file has this name
    (dbt keeps a saved parse only for the profile it was made with, which holds the name)."""
    return project_cache_dir(settings) / "parse" / warehouse_name


def manifest_dir(settings: Settings) -> Path:
    """Where the Dagster code location's ``manifest.json`` is kept."""
    return project_cache_dir(settings) / "manifest"


def project_stamp(project_dir: Path) -> str:
    """A digest of the dbt version and of every file of the project dbt parses."""
    digest = hashlib.sha256()
    for name in DBT_DISTRIBUTIONS:
        try:
            digest.update(f"{name}=={importlib.metadata.version(name)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} missing\n".encode())
    for path in sorted(project_files(project_dir)):
        digest.update(path.relative_to(project_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def project_files(project_dir: Path) -> list[Path]:
    files = []
    for name in PROJECT_INPUTS:
        root = project_dir / name
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files += [path for path in root.rglob("*") if path.is_file()]
    return files


def is_current(folder: Path, stamp: str, made: str) -> bool:
    """Whether ``folder`` holds ``made``, made from what ``stamp`` describes."""
    try:
        marked = (folder / STAMP_FILE).read_text(encoding="utf-8")
    except OSError:
        return False
    return marked == stamp and (folder / made).is_file()


def mark_current(folder: Path, stamp: str) -> None:
    temporary = folder / f".{STAMP_FILE}.{os.getpid()}"
    temporary.write_text(stamp, encoding="utf-8")
    os.replace(temporary, folder / STAMP_FILE)
