"""The paths the ``fiscal`` command is given, checked before any work starts.

A path that cannot work (a file where a folder is wanted, a file that is not a
DuckDB database where the warehouse is wanted) is a :class:`UsageError`: the
command prints one line naming the path and what to give instead, and exits
with status 2. Nothing is written first: ``fiscal run --warehouse notes.txt``
never replaces ``notes.txt``.
"""

from __future__ import annotations

from pathlib import Path

#: DuckDB database files carry these bytes at offset 8 of their first block
DUCKDB_MAGIC = b"DUCK"


class UsageError(Exception):
    """A path or argument that cannot work; the message names it and the fix."""


def output_folder(path: Path | None, option: str = "--out") -> Path | None:
    """A folder to write into: it may be missing (it is created), not a file."""
    if path is not None and path.exists() and not path.is_dir():
        raise UsageError(
            f"{option} {path} exists and is not a folder; give a folder (created if missing)"
        )
    return path


def raw_folder(path: Path) -> Path:
    """The folder of PDFs a run reads."""
    if not path.exists():
        raise UsageError(f"raw folder {path} does not exist; give the folder of PDFs (--raw DIR)")
    if not path.is_dir():
        raise UsageError(f"--raw {path} is not a folder; give the folder of PDFs (--raw DIR)")
    return path


def warehouse_to_write(path: Path) -> Path:
    """The warehouse a run publishes: missing, or a DuckDB file it may replace."""
    if path.exists() and not is_duckdb_file(path):
        raise UsageError(
            f"--warehouse {path} exists and is not a DuckDB database; it is not replaced: "
            "give the warehouse file `fiscal run` publishes (or a new path)"
        )
    return path


def warehouse_to_read(path: Path) -> Path:
    """The published warehouse a command reads."""
    if not path.exists():
        raise UsageError(f"no warehouse at {path}; run `fiscal run` first or give --warehouse FILE")
    if not is_duckdb_file(path):
        raise UsageError(
            f"--warehouse {path} is not a DuckDB database; "
            "give the warehouse file `fiscal run` publishes"
        )
    return path


def is_duckdb_file(path: Path) -> bool:
    """Whether ``path`` is a regular file that starts like a DuckDB database."""
    try:
        with open(path, "rb") as handle:
            return handle.read(12)[8:12] == DUCKDB_MAGIC
    except OSError:  # a folder, unreadable
        return False
