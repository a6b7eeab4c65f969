"""One dynamic partition per document, keyed by its document_id ('doc_' + sha256 prefix)."""

from __future__ import annotations

import dagster as dg

DOCUMENTS_PARTITION = "documents"
documents_partitions = dg.DynamicPartitionsDefinition(name=DOCUMENTS_PARTITION)
