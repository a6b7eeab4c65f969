"""Extraction library: PDF in, typed records out. No Dagster here."""

from pipelines.extraction.document import document_id_for, extract_document, file_sha256
from pipelines.extraction.errors import DocumentRejected
from pipelines.extraction.model import EXTRACTOR_VERSION, DocumentExtraction

__all__ = [
    "EXTRACTOR_VERSION",
    "DocumentExtraction",
    "DocumentRejected",
    "document_id_for",
    "extract_document",
    "file_sha256",
]
