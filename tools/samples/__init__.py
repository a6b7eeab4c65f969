"""Embedded sample documents: deterministic final-account and budget PDFs and the extraction each must yield.

    from tools.samples import all_samples
    for sample in all_samples():
        pdf_path, expected = sample.path, sample.expected  # expected: DocumentExtraction
        sample.document_kind  # 'final_account' (…-final.pdf) or 'budget' (…-budget.pdf)

``all_samples()`` are drawn by reportlab; ``producer_samples()`` are made by
LibreOffice Writer, LibreOffice Calc and headless Chromium from the same data
(tests/fixtures/producers/); ``every_sample()`` is both.

Regenerate with ``python -m tools.samples`` (``--producers-only`` for the
producer samples, which need LibreOffice and Chromium installed).
"""

from tools.samples.catalog import all_samples, every_sample, sample_by_file
from tools.samples.producer_samples import producer_samples
from tools.samples.sample import SampleDocument

__all__ = ["SampleDocument", "all_samples", "every_sample", "producer_samples", "sample_by_file"]
