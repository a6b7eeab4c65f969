"""Small files the pipeline keeps between runs (JSON written atomically), and the ledger's fields.

The ledger is what the published warehouse's ``raw.documents`` says about
every document ever published (id, sha256, file, first ingestion time,
metadata), so that a document whose file disappears can stay as 'withdrawn',
and so that ``ingested_at`` does not change from one run to the next.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

#: the document metadata the ledger keeps, so a withdrawn row is still informative
LEDGER_FIELDS = (
    "sha256",
    "source_file",
    "ingested_at",
    "page_count",
    "department_name",
    "region",
    "fiscal_year",
    "document_kind",
    "reporting_scope",
    "source_unit",
    "extractor_version",
    "status",
)


def read_json(path: Path) -> Any | None:
    """The parsed JSON at ``path``, or None if it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json_atomically(path: Path, data: Any, durable: bool = True) -> None:
    """Write JSON to a temporary file beside ``path``, then rename it into place.

    ``durable`` files (the ledger, the hash memo) are indented for people and
    synced to disk before the rename; the extraction cache is not (it is
    written compactly and, lost in a crash, it is simply extracted again).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            if durable:
                json.dump(data, handle, ensure_ascii=False, sort_keys=True, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            else:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)  # nothing half-written is left behind
        raise
