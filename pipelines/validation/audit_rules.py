"""The document as an auditor reads it: its prose's own arithmetic, words and structure.

The rules of :mod:`.narrative_rules` compare a figure with the table cell it
restates; these read what the prose claims about its numbers (shares, change
and completion rates, directions, none-claims) and what the document claims
about itself (its contents, its empty tables, its years and names).
"""

from __future__ import annotations

from pipelines.extraction.model import DocumentExtraction

from .change_rules import check_change_rates
from .claim_rules import check_none_claims
from .completion_rules import check_completion_rates
from .evaluation import Checker
from .listed_item_rules import check_listed_items
from .metadata_rules import check_metadata
from .prose import read_prose
from .section_rules import check_sections
from .share_rules import check_shares
from .structure_rules import check_structure


def check_audit(checker: Checker, extraction: DocumentExtraction) -> None:
    """Every audit rule family on one document (the prose ones where it has prose pages)."""
    prose = read_prose(extraction)
    if prose.text:
        check_shares(checker, extraction, prose)
        check_change_rates(checker, prose)
        check_completion_rates(checker, extraction, prose)
        check_none_claims(checker, extraction, prose)
        check_listed_items(checker, extraction, prose)
    check_sections(checker, extraction)
    check_structure(checker, extraction, prose)
    check_metadata(checker, extraction)
