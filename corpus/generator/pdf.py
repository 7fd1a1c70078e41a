"""Export Word documents to PDF with LibreOffice, as advisers' reports are circulated."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["export_pdfs"]


def export_pdfs(sources: list[Path], out_dir: Path, *, timeout: float = 600) -> list[Path]:
    """Convert every .docx in ``sources`` to ``out_dir/<stem>.pdf`` in one LibreOffice run."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to write the sample PDFs")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo_samples_") as profile:
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    pdfs = [out_dir / f"{source.stem}.pdf" for source in sources]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {', '.join(missing)}")
    return pdfs
