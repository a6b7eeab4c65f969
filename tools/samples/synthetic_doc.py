"""Full synthetic documents: cover, Part 1, the tables, a Part 3 that restates them, a glossary."""

from __future__ import annotations

from tools.samples.complete import final_account_blocks
from tools.samples.compose import table_blocks
from tools.samples.departments import PROFILES, YEARS, DepartmentProfile
from tools.samples.sample import SampleDocument
from tools.samples.synthetic import generate
from tools.samples.tables import TableContext


def synthetic_sample(profile: DepartmentProfile, year: int) -> SampleDocument:
    """One synthetic department-year as a sample document: its tables as the profile prints them."""
    generated = generate(profile, year)
    ctx = TableContext(profile.name, year, profile.style)
    tables = table_blocks(
        ctx, generated.account, order=profile.order, break_before=profile.page_breaks
    )
    return SampleDocument(
        file_name=f"{profile.slug}-{year}-final.pdf",
        department_name=profile.name,
        region=profile.region,
        fiscal_year=year,
        reporting_scope="department",
        unit=profile.style.unit,
        blocks=final_account_blocks(profile, year, generated, tables),
        traits=(
            "synthetic",
            f"class {profile.main_class[0]}",
            f"numbering {profile.style.numbering}",
        ),
    )


def synthetic_samples() -> list[SampleDocument]:
    """Every synthetic department for 2021, 2022 and 2023."""
    return [synthetic_sample(profile, year) for profile in PROFILES for year in YEARS]
