"""The package's public API, dispatch by format, and the lazy PDF import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import extractor.loaders as loaders
from extractor.layout import Layout
from tests.extractor.loaders.loaders_docx_builder import build_docx, para

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "loaders"
REPO = Path(__file__).resolve().parents[3]


def test_exported_members_exist_and_are_documented():
    assert sorted(loaders.__all__) == sorted(set(loaders.__all__))
    for name in loaders.__all__:
        member = getattr(loaders, name)
        if callable(member) and name != "Format":
            assert member.__doc__, name


def test_load_returns_a_layout_for_every_text_format():
    for name, fmt in [
        ("northshire_report.txt", "txt"),
        ("eastmoor_report.md", "md"),
        ("riverbridge_report.html", "html"),
    ]:
        layout = loaders.load(FIXTURES / name)
        assert isinstance(layout, Layout) and layout.format == fmt


def test_load_accepts_str_paths_and_limit_dicts(tmp_path):
    path = build_docx(tmp_path / "report.docx", para("Kestrelford"))
    assert loaders.load(str(path), limits={"max_pages": 3}).format == "docx"


def test_loading_a_docx_does_not_import_pdfplumber(tmp_path):
    path = build_docx(tmp_path / "report.docx", para("Kestrelford"))
    code = (
        "import sys; from extractor.loaders import load; "
        f"load({str(path)!r}); print('pdfplumber' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "False"
