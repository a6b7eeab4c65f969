"""``fiscal show``: a department's headline figures over the years, as text."""

from __future__ import annotations

from pipelines.analysis.profile import Profile
from pipelines.analysis.text import format_table, percent, printed_change, wan

KIND_NAMES = {"budget": "budget 预算", "final_account": "final account 决算"}
FINDING_KINDS = {
    "source_inconsistency": "the document contradicts itself",
    "reading_failed": "a table could not be read",
    "table_missing": "a table was not found",
}


def _page(document: dict | None, page: int | None) -> str:
    if document is None:
        return ""
    return f"{document['source_file']} p.{page}" if page else document["source_file"]


def format_profile(profile: Profile) -> str:
    """The text ``fiscal show`` prints: amounts in 万元, as the documents print them."""
    department = profile.department
    lines = [
        f"{department.department_name}"
        + (f" ({department.region})" if department.region else "")
        + f"  [{department.department_id}]",
        "amounts in 万元 (10,000 yuan), as printed; each with the file and page it is on",
        "",
        "Documents",
        format_table(
            ["year", "kind", "file", "pages", "status"],
            [
                [
                    d["fiscal_year"],
                    KIND_NAMES.get(d["document_kind"], d["document_kind"]),
                    d["source_file"],
                    d["page_count"],
                    d["status"],
                ]
                for d in profile.documents
            ],
            right_aligned=[False, False, False, True, False],
        ),
    ]
    if profile.totals:
        lines += [
            "",
            "Total expenditure, all funds (支出合计: table 03 of each document)",
            format_table(
                ["year", "budget", "final", "final − budget", "execution", "source (final)"],
                [
                    [
                        t["fiscal_year"],
                        wan(t["budget_total_yuan"]),
                        wan(t["final_total_yuan"]),
                        wan(t["difference_yuan"]),
                        percent(t["execution_rate"]),
                        _page(profile.document(t["final_document_id"]), t["final_source_page"]),
                    ]
                    for t in profile.totals
                ],
                right_aligned=[False, True, True, True, True, False],
            ),
            "",
            "General public budget appropriations (一般公共预算财政拨款: table 05, part of the above)",
            format_table(
                ["year", "budget", "final"],
                [
                    [
                        t["fiscal_year"],
                        wan(t["budget_general_budget_total_yuan"]),
                        wan(t["final_general_budget_total_yuan"]),
                    ]
                    for t in profile.totals
                ],
                right_aligned=[False, True, True],
            ),
        ]
    if profile.classes:
        lines += [
            "",
            "By function class (类), all funds: budget against final",
            format_table(
                ["year", "class", "name", "English", "budget", "final", "source (final)"],
                [
                    [
                        c["fiscal_year"],
                        c["class_code"],
                        c["class_name"] or "",
                        c["class_name_en"] or "",
                        wan(c["budget_yuan"]) if c["has_budget"] else "—",
                        wan(c["final_yuan"]) if c["has_final"] else "—",
                        _page(profile.document(c["final_document_id"]), c["final_source_page"]),
                    ]
                    for c in profile.classes
                ],
                right_aligned=[False, False, False, False, True, True, False],
            ),
        ]
    if profile.three_public:
        lines += [
            "",
            '"三公" costs: budget (预算) and spent (决算)',
            format_table(
                [
                    "year",
                    "budget",
                    "spent",
                    "execution",
                    "overseas travel",
                    "vehicles",
                    "reception",
                    "source (final)",
                ],
                [
                    [
                        t["fiscal_year"],
                        wan(t["budget_total_yuan"]),
                        wan(t["actual_total_yuan"]),
                        percent(t["execution_rate"]),
                        wan(t["actual_overseas_travel_yuan"]),
                        wan(t["actual_vehicles_yuan"]),
                        wan(t["actual_official_reception_yuan"]),
                        _page(profile.document(t["final_document_id"]), t["final_source_page"]),
                    ]
                    for t in profile.three_public
                ],
                right_aligned=[False, True, True, True, True, True, True, False],
            ),
        ]
    if profile.running_costs:
        lines += [
            "",
            "Running costs (机关运行经费): budget and spent, as Part 3 states them",
            format_table(
                ["year", "budget", "spent", "change printed", "source (final)"],
                [
                    [
                        r["fiscal_year"],
                        wan(r["budget_operating_cost_yuan"]),
                        wan(r["actual_operating_cost_yuan"]),
                        printed_change(r),
                        _page(
                            profile.document(r["operating_final_document_id"]),
                            r["operating_final_source_page"],
                        ),
                    ]
                    for r in profile.running_costs
                ],
                right_aligned=[False, True, True, True, False],
            ),
        ]
    lines += ["", f"Findings ({len(profile.findings)})"]
    if not profile.findings:
        lines.append("none: every sum the documents promise holds")
    for f in profile.findings:
        kind = FINDING_KINDS.get(f["finding_kind"], f["finding_kind"])
        where = f"{f['source_file']}" + (f" p.{f['source_page']}" if f["source_page"] else "")
        lines.append(f"- {f['fiscal_year']} {where} [{f['severity']}, {kind}]: {f['message']}")
    return "\n".join(lines) + "\n"


def format_matches(query: str, matches: list) -> str:
    """What ``show`` prints when a name fits several departments or none."""
    if not matches:
        return f"no department matches {query!r}; try `fiscal search` with part of the name\n"
    lines = [f"several departments match {query!r}; give more of the name (or the id):"]
    lines += [
        f"  {m.department.department_name}"
        + (f" ({m.department.region})" if m.department.region else "")
        + f"  [{m.department.department_id}]"
        for m in matches[:10]
    ]
    return "\n".join(lines) + "\n"
