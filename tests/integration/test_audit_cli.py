"""``fiscal audit FILE.pdf``: one document's findings, grouped by severity, each with its page.

The sample rendered from the seed (raw/wuhan-kjj-2023-final.pdf) carries the
seed's own inconsistencies: 113219.88 printed for table 05's 132145.98 (p.18),
3000 for 300.00 (p.19), a 三公 budget of 28.65 for table 09's 15.67 (p.20),
and 109.20 / 119.30 printed as 98.1% where it is 91.5% (p.19).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from pipelines.cli import EXIT_OK, EXIT_REJECTED, main
from tests.support.paths import PROJECT_ROOT

SEED_SAMPLE = PROJECT_ROOT / "raw" / "wuhan-kjj-2023-final.pdf"

pytestmark = pytest.mark.skipif(not SEED_SAMPLE.is_file(), reason="needs raw/ (make samples)")


@pytest.fixture(scope="module")
def markdown() -> str:
    """The report once for the module (``extract_file`` reads through a throw-away cache)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["audit", str(SEED_SAMPLE)]) == EXIT_OK
    return out.getvalue()


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def test_audit_groups_the_seed_errors_by_severity_with_pages(markdown: str) -> None:
    assert markdown.startswith("# Audit: wuhan-kjj-2023-final.pdf — 武汉市科学技术局 2023 部门决算")
    errors = _section(markdown, "## Errors 错误 (5)")
    lines = [line for line in errors.splitlines() if line.startswith("- **")]
    assert [line.split("`")[1] for line in lines] == [
        "N_BUDGET_EXECUTION_FINAL",
        "N_BUDGET_EXECUTION_FINAL",
        "N_COMPLETION_RATE",
        "N_FIGURE",
        "N_FIGURE",
    ]
    assert [line.split("**")[1] for line in lines] == ["p.18", "p.19", "p.19", "p.20", "p.20"]
    assert "printed 1,132,198,800.00 yuan" in errors  # 113219.88万元 against 132145.98
    assert "printed 98.1%, recomputed 91.5%" in errors
    assert "按决算数109.20万元除以预算数119.30万元计算应为91.5%" in errors
    assert "printed 286,500.00 yuan" in errors  # the 三公 budget 28.65 against 15.67
    assert "## Warnings" not in markdown and "## Rounding" not in markdown  # none in the sample


def test_audit_html(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(SEED_SAMPLE), "--html"]) == EXIT_OK
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>")
    assert '<h2 class="error">Errors 错误 (5)</h2>' in html
    assert "<td>19</td><td>explanations 情况说明</td><td>N_COMPLETION_RATE</td>" in html


def test_audit_of_a_file_that_is_not_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("not a pdf", encoding="utf-8")
    assert main(["audit", str(not_pdf)]) == EXIT_REJECTED
    assert "notes.pdf" in capsys.readouterr().err


def test_check_counts_findings_by_severity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fiscal check` gives each document's findings by severity, and the corpus's."""
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / SEED_SAMPLE.name).write_bytes(SEED_SAMPLE.read_bytes())
    monkeypatch.setenv("FISCAL_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("FISCAL_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["check", str(folder), "--workers", "1"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "    findings: 5 error, 0 warning, 0 info" in out
    assert out.rstrip().endswith("findings: 5 error, 0 warning, 0 info")
