"""What is in the raw folder: every PDF, identified by the sha256 of its bytes.

The same bytes saved under two names are one document (the first name in sort
order is its ``source_file``; the others are kept as ``aliases``). The result
is sorted by ``source_file`` so every run sees the documents in the same order.

A file whose name is not UTF-8 is stored under its escaped name (see
:mod:`pipelines.runs.raw_files`) and its document quarantined with a
``problem`` instead of being read; a valid name of the same bytes is preferred
as the ``source_file``. Files that are there but cannot be read are listed as
``unreadable``; entries that are not files to read, as ``skipped``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.extraction import document_id_for, file_sha256
from pipelines.runs.raw_files import find_pdf_files, is_undecodable, relative_name
from pipelines.runs.state import read_json, write_json_atomically

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InventoryDocument:
    """One distinct PDF (by content) found in the raw folder."""

    document_id: str
    sha256: str
    source_file: str  # path relative to the raw folder, '/'-separated
    path: Path  # absolute path of the file that is read
    size_bytes: int
    aliases: tuple[str, ...] = ()  # other names holding the same bytes
    problem: str | None = None  # why it is quarantined without being read


@dataclass
class Inventory:
    """The documents of a raw folder, plus the files that could not be read at all."""

    raw_dir: Path
    documents: list[InventoryDocument]
    #: files that are there but cannot be read (permissions, I/O errors): (file, reason)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    #: entries that are not documents (symbolic link loops, broken links …): (name, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: folders that cannot be listed: what was published from them is kept, not withdrawn
    unreadable_folders: list[tuple[str, str]] = field(default_factory=list)

    def by_id(self) -> dict[str, InventoryDocument]:
        return {doc.document_id: doc for doc in self.documents}

    def unreadable_folder_of(self, name: str) -> str | None:
        """Why the folder holding the file ``name`` cannot be listed, if it cannot."""
        for folder, reason in self.unreadable_folders:
            if folder == "." or name.startswith(folder + "/"):
                return reason
        return None


def scan_raw_dir(raw_dir: Path, hash_memo_path: Path | None = None) -> Inventory:
    """Hash every PDF under ``raw_dir`` and group identical bytes into one document.

    ``hash_memo_path`` (optional) remembers each file's sha256 by (size, mtime),
    so a nightly run does not re-read thousands of unchanged files.
    """
    raw_dir = raw_dir.resolve()
    memo = _read_memo(hash_memo_path)
    new_memo: dict[str, list] = {}
    by_sha: dict[str, list[_File]] = {}
    unreadable: list[tuple[str, str]] = []
    if not raw_dir.is_dir():
        log.warning("raw folder %s does not exist; the inventory is empty", raw_dir)
        return Inventory(raw_dir=raw_dir, documents=[])

    raw_files = find_pdf_files(raw_dir)
    for path in raw_files.files:
        relative = relative_name(path, raw_dir)
        undecodable = is_undecodable(path.relative_to(raw_dir).as_posix())
        try:
            stat = path.stat()
            remembered = memo.get(relative)
            if remembered and remembered[0] == stat.st_size and remembered[1] == stat.st_mtime_ns:
                os.close(os.open(path, os.O_RDONLY))  # still readable (permissions change no mtime)
                sha = remembered[2]
            else:
                sha = file_sha256(path)
        except OSError as exc:
            unreadable.append((relative, f"{relative} cannot be read: {exc.strerror or exc}"))
            continue
        new_memo[relative] = [stat.st_size, stat.st_mtime_ns, sha]
        problem = _name_problem(relative) if undecodable else None
        by_sha.setdefault(sha, []).append(_File(relative, path, stat.st_size, problem))

    documents = []
    for sha, files in by_sha.items():
        files.sort(key=lambda file: (file.problem is not None, file.relative))  # valid names first
        first = files[0]
        documents.append(
            InventoryDocument(
                document_id=document_id_for(sha),
                sha256=sha,
                source_file=first.relative,
                path=first.path,
                size_bytes=first.size,
                aliases=tuple(file.relative for file in files[1:]),
                problem=first.problem,
            )
        )
    documents.sort(key=lambda doc: (doc.source_file, doc.sha256))
    if hash_memo_path is not None and new_memo != memo:
        write_json_atomically(hash_memo_path, new_memo)
    return Inventory(
        raw_dir=raw_dir,
        documents=documents,
        unreadable=unreadable,
        skipped=raw_files.skipped,
        unreadable_folders=raw_files.unreadable_folders,
    )


@dataclass(frozen=True)
class _File:
    relative: str  # as stored: '/'-separated, escaped if it is not UTF-8
    path: Path
    size: int
    problem: str | None


def _name_problem(escaped: str) -> str:
    return (
        f"{escaped}: the file name is not valid UTF-8 (its undecodable bytes are shown as \\xNN); "
        "rename the file to load it"
    )


def _read_memo(path: Path | None) -> dict[str, list]:
    data = read_json(path) if path is not None else None
    return data if isinstance(data, dict) else {}
