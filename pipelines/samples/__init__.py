"""Embedded sample documents: deterministic final-account and budget PDFs and the extraction each must yield.

    from pipelines.samples import all_samples
    for sample in all_samples():
        pdf_path, expected = sample.path, sample.expected  # expected: DocumentExtraction
        sample.document_kind  # 'final_account' (…-final.pdf) or 'budget' (…-budget.pdf)

Regenerate with ``python -m pipelines.samples --out raw/ --variants tests/fixtures/variants/``.
"""

from pipelines.samples.catalog import all_samples, sample_by_file
from pipelines.samples.sample import SampleDocument

__all__ = ["SampleDocument", "all_samples", "sample_by_file"]
