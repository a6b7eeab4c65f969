"""Every sample document the project ships: the seed, the synthetic departments, their budgets, the variants."""

from __future__ import annotations

from functools import cache

from tools.samples.budget import budget_samples
from tools.samples.producer_samples import producer_samples
from tools.samples.sample import SampleDocument
from tools.samples.seed_wuhan import seed_sample
from tools.samples.synthetic_doc import synthetic_samples
from tools.samples.variants import variant_samples


@cache
def all_samples() -> tuple[SampleDocument, ...]:
    """The seed, the synthetic documents, the budgets (raw/) and the variants (tests/fixtures/variants/)."""
    return (seed_sample(), *synthetic_samples(), *budget_samples(), *variant_samples())


def every_sample() -> tuple[SampleDocument, ...]:
    """The reportlab samples, then the producer samples (tests/fixtures/producers/)."""
    return (*all_samples(), *producer_samples())


def sample_by_file(file_name: str) -> SampleDocument:
    """The sample whose PDF is called ``file_name``."""
    for sample in every_sample():
        if sample.file_name == file_name:
            return sample
    raise KeyError(file_name)
