"""One dynamic partition per document, keyed by its document_id ('doc_' + sha256 prefix).

The key stays the content hash (a renamed file is the same partition); what a
person reads beside it is :func:`document_label`, shown in each partition's
materialization metadata.
"""

from __future__ import annotations

import dagster as dg

DOCUMENTS_PARTITION = "documents"
documents_partitions = dg.DynamicPartitionsDefinition(name=DOCUMENTS_PARTITION)

KIND_LABELS = {"final_account": "决算 final account", "budget": "预算 budget"}


def document_label(department: str | None, fiscal_year: int | None, kind: str | None) -> str:
    """'武汉市科学技术局 2023 决算 final account': who, which year, which kind."""
    return " ".join(
        part
        for part in (
            department or "department not read",
            str(fiscal_year) if fiscal_year else "year not read",
            KIND_LABELS.get(kind or "", kind or "kind not read"),
        )
    )
