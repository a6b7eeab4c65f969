"""Extraction speed and memory, next to pdfplumber reading each page once.

For every PDF given (default: the samples in raw/ and ../shared/realdocs when
present) it prints the seconds of our whole extraction, the seconds of bare
``pdfplumber`` ``extract_words()`` over the same pages (the reference), their
ratio (target ≤ 1.0), and per-page figures. It then builds a 100-page document
from the samples and prints the peak memory of extracting it (target < 500 MB),
measured in a fresh process so earlier work does not count.

    uv run python benchmarks/extraction_benchmark.py [PDF ...]
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
from pypdf import PdfReader, PdfWriter

from pipelines.extraction import DocumentRejected, extract_document

PROJECT = Path(__file__).resolve().parents[1]
REALDOCS = PROJECT.parent / "shared" / "realdocs"


def reference_seconds(path: Path) -> float:
    started = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
    return time.perf_counter() - started


def extraction_seconds(path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        pages = extract_document(path).page_count
    except DocumentRejected:
        pages = 0
    return time.perf_counter() - started, pages


def hundred_page_document(sources: list[Path], target: Path) -> Path:
    writer = PdfWriter()
    while len(writer.pages) < 100:
        for source in sources:
            for page in PdfReader(source).pages:
                if len(writer.pages) < 100:
                    writer.add_page(page)
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def peak_memory_mb(path: Path) -> float:
    """Peak RSS of a fresh process that extracts ``path``."""
    code = (
        "import resource, sys\nfrom pathlib import Path\n"
        "from pipelines.extraction import DocumentRejected, extract_document\n"
        "try:\n    extract_document(Path(sys.argv[1]))\nexcept DocumentRejected:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )
    return int(out.stdout.strip()) / 1024


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted((PROJECT / "raw").rglob("*.pdf"))
    if not argv and REALDOCS.is_dir():
        paths += sorted(REALDOCS.glob("*.pdf"))
    extraction_seconds(paths[0])  # warm imports and caches before timing
    total_ours = total_ref = 0.0
    total_pages = 0
    print(f"{'document':58} {'pages':>5} {'ours s':>8} {'ref s':>8} {'ratio':>6} {'ms/page':>8}")
    for path in paths:
        ref = reference_seconds(path)
        ours, pages = extraction_seconds(path)
        pages = pages or len(pdfplumber.open(path).pages)
        total_ours, total_ref, total_pages = total_ours + ours, total_ref + ref, total_pages + pages
        print(
            f"{path.name[:58]:58} {pages:5d} {ours:8.3f} {ref:8.3f} {ours / ref:6.2f} {1000 * ours / pages:8.1f}"
        )
    print(
        f"{'ALL':58} {total_pages:5d} {total_ours:8.3f} {total_ref:8.3f} "
        f"{total_ours / total_ref:6.2f} {1000 * total_ours / total_pages:8.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        big = hundred_page_document(paths[:3], Path(tmp) / "hundred-pages.pdf")
        print(f"peak memory extracting a 100-page document: {peak_memory_mb(big):.0f} MB")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this benchmark process: {own:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
