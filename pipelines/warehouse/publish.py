"""Build files, the writer lock, and the atomic swap that publishes a warehouse.

A run never writes into the published file. It builds a new DuckDB file in
the same folder, and only when dbt succeeded does ``os.replace`` swap it over
the published one. Readers that already have the old file open keep reading
the old version (POSIX keeps the unlinked file alive); new readers get the new
one. A failed or killed run leaves the published file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

BUILD_PREFIX = "."
BUILD_INFIX = ".build-"
STALE_BUILD_SECONDS = 24 * 3600


class WarehouseLocked(RuntimeError):
    """Another run holds the writer lock."""


def build_path_for(warehouse_path: Path, run_label: str) -> Path:
    """The build file of one run, in a hidden folder beside the published file.

    The file keeps the published file's name: DuckDB names the catalog after
    the file, and dbt writes that name into every view it creates, so a build
    named differently would publish views pointing at a catalog that is gone.
    The folder is on the same filesystem, so the final ``os.replace`` is atomic.
    """
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in run_label)
    folder = warehouse_path.with_name(f"{BUILD_PREFIX}{warehouse_path.stem}{BUILD_INFIX}{safe}")
    return folder / warehouse_path.name


def remove_build(build_path: Path) -> None:
    """Delete a build file and its write-ahead log; a run's own build folder goes whole
    (with the sidecars kept beside the build)."""
    for candidate in (build_path, build_path.with_name(build_path.name + ".wal")):
        candidate.unlink(missing_ok=True)
    if BUILD_INFIX in build_path.parent.name:
        shutil.rmtree(build_path.parent, ignore_errors=True)


def cli_run_label(started: str) -> str:
    """A build label that names the process, so a dead run's build can be recognised."""
    return f"{started}-p{os.getpid()}"


def remove_stale_builds(
    warehouse_path: Path, older_than_seconds: float = STALE_BUILD_SECONDS
) -> int:
    """Delete build folders left behind by killed runs.

    A folder whose label ends in ``-p<pid>`` is removed when that process is
    gone; any other (a Dagster run's) when it is older than ``older_than_seconds``,
    since its run may still be going.
    """
    removed = 0
    prefix = f"{BUILD_PREFIX}{warehouse_path.stem}{BUILD_INFIX}"
    now = time.time()
    for folder in warehouse_path.parent.glob(prefix + "*"):
        label = folder.name[len(prefix) :]
        match = re.search(r"-p(\d+)$", label)
        try:
            if not folder.is_dir():
                continue
            if match:
                stale = int(match.group(1)) != os.getpid() and not _process_alive(
                    int(match.group(1))
                )
            else:
                stale = now - folder.stat().st_mtime > older_than_seconds
            if stale:
                shutil.rmtree(folder)
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def writer_lock(lock_path: Path, timeout_seconds: float = 3600.0) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``lock_path``: one writer at a time.

    Waits up to ``timeout_seconds`` for another run to finish, then raises
    :class:`WarehouseLocked`. The lock is released when the process exits, so
    a killed run never leaves it stuck.
    """
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")  # noqa: SIM115 - held for the duration of the context
    try:
        deadline = time.monotonic() + timeout_seconds
        announced = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise WarehouseLocked(
                        f"another run is writing the warehouse (lock {lock_path})"
                    ) from error
                if not announced:
                    log.warning("waiting for another run to release %s", lock_path)
                    announced = True
                time.sleep(0.5)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()


def checkpoint(path: Path) -> None:
    """Fold any write-ahead log into the file, so the file alone is the whole database."""
    if path.with_name(path.name + ".wal").exists():
        connection = duckdb.connect(str(path))
        try:
            connection.execute("CHECKPOINT")
        finally:
            connection.close()


def publish(build_path: Path, warehouse_path: Path) -> None:
    """Atomically replace the published warehouse with ``build_path``."""
    if not build_path.exists():
        raise FileNotFoundError(f"build file {build_path} does not exist; nothing to publish")
    checkpoint(build_path)
    _fsync_file(build_path)
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(build_path, warehouse_path)
    # a stale log of an older published file must never be replayed onto the new one
    warehouse_path.with_name(warehouse_path.name + ".wal").unlink(missing_ok=True)
    _fsync_directory(warehouse_path.parent)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
