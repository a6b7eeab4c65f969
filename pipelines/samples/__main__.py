"""Write every sample PDF: ``python -m pipelines.samples --out raw/ --variants tests/fixtures/variants/``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.samples.catalog import all_samples
from pipelines.samples.fonts import CJKFontMissing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.samples", description=__doc__)
    parser.add_argument(
        "--out", type=Path, default=Path("raw"), help="folder for the full documents"
    )
    parser.add_argument(
        "--variants",
        type=Path,
        default=Path("tests/fixtures/variants"),
        help="folder for the variants",
    )
    args = parser.parse_args(argv)
    try:
        for sample in all_samples():
            folder = args.out if sample.folder == "raw" else args.variants
            folder.mkdir(parents=True, exist_ok=True)
            pdf = sample.render()
            (folder / sample.file_name).write_bytes(pdf)
            print(f"{folder / sample.file_name}  {sample.page_count} pages  {len(pdf) // 1024} KB")
    except CJKFontMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
