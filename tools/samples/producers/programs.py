"""Running the producers: soffice and chromium, each with a private profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from tools.samples.producers import ProducerMissing

TIMEOUT = 300

SOFFICE_PACKAGES = {
    "writer": "libreoffice-writer-nogui",
    "calc": "libreoffice-calc-nogui",
}


def _program(names: tuple[str, ...], package: str, what: str) -> str:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise ProducerMissing(
        f"{what} is not installed (no {' or '.join(names)} on PATH); "
        f"install the Debian package {package} (apt-get install {package})"
    )


def soffice_convert(source: Path, producer: str) -> bytes:
    """PDF bytes LibreOffice exports from ``source`` (.docx or .xlsx)."""
    program = _program(("soffice", "libreoffice"), SOFFICE_PACKAGES[producer], "LibreOffice")
    with tempfile.TemporaryDirectory(prefix="fiscal-soffice-") as work:
        profile = Path(work) / "profile"
        out = Path(work) / "out"
        result = subprocess.run(
            [
                program,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        pdf = out / (source.stem + ".pdf")
        if not pdf.is_file():
            raise RuntimeError(
                f"soffice did not convert {source.name} (exit {result.returncode}): "
                f"{result.stderr.strip()[-500:]}"
            )
        return pdf.read_bytes()


def chromium_print(html: Path) -> bytes:
    """PDF bytes headless Chromium prints from ``html``."""
    program = _program(("chromium", "chromium-browser"), "chromium", "Chromium")
    with tempfile.TemporaryDirectory(prefix="fiscal-chromium-") as work:
        pdf = Path(work) / "out.pdf"
        result = subprocess.run(
            [
                program,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={Path(work) / 'profile'}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                "--disable-pdf-tagging",
                html.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if not pdf.is_file():
            raise RuntimeError(
                f"chromium did not print {html.name} (exit {result.returncode}): "
                f"{result.stderr.strip()[-500:]}"
            )
        return pdf.read_bytes()


def export(producer: str, source_name: str, write: Callable[[Path], None]) -> bytes:
    """PDF bytes ``producer`` makes of the file ``write`` writes, named ``source_name``."""
    with tempfile.TemporaryDirectory(prefix=f"fiscal-{producer}-") as work:
        source = Path(work) / source_name
        write(source)
        if producer == "chromium":
            return chromium_print(source)
        return soffice_convert(source, producer)
