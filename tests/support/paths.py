"""Where the project, its samples and the optional real documents are."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = PROJECT_ROOT / "raw"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
#: the real documents beside the project (not part of it: tests using them skip without)
REALDOCS = PROJECT_ROOT.parent / "shared" / "realdocs"
