"""Write every sample PDF: ``python -m tools.samples --out raw/ --variants tests/fixtures/variants/``.

The producer samples (LibreOffice Writer and Calc, headless Chromium) go to
``--producers`` (tests/fixtures/producers/); ``--producers-only`` rebuilds just
those, ``--no-producers`` all but those.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.samples.catalog import all_samples
from tools.samples.fonts import CJKFontMissing
from tools.samples.producer_samples import producer_samples
from tools.samples.producers import ProducerMissing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.samples", description=__doc__)
    parser.add_argument(
        "--out", type=Path, default=Path("raw"), help="folder for the full documents"
    )
    parser.add_argument(
        "--variants",
        type=Path,
        default=Path("tests/fixtures/variants"),
        help="folder for the variants",
    )
    parser.add_argument(
        "--producers",
        type=Path,
        default=Path("tests/fixtures/producers"),
        help="folder for the producer samples (Writer, Calc, Chromium)",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--producers-only", action="store_true", help="rebuild only the producer samples"
    )
    which.add_argument(
        "--no-producers", action="store_true", help="rebuild all but the producer samples"
    )
    args = parser.parse_args(argv)
    folders = {"raw": args.out, "variants": args.variants, "producers": args.producers}
    samples = [] if args.producers_only else list(all_samples())
    if not args.no_producers:
        samples += producer_samples()
    try:
        for sample in samples:
            folder = folders[sample.folder]
            folder.mkdir(parents=True, exist_ok=True)
            pdf = sample.render()
            (folder / sample.file_name).write_bytes(pdf)
            print(f"{folder / sample.file_name}  {len(pdf) // 1024} KB  ({sample.producer})")
    except (CJKFontMissing, ProducerMissing) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
