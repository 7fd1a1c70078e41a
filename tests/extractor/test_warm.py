"""extractor.warm: importing it (as the ingest fork server does) builds the extractor's lazy
tables, so forked workers start warm; the bundled report it reads is a valid report."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

from extractor import extract

REPO = Path(__file__).resolve().parents[2]


def test_importing_it_builds_the_pipeline_and_the_figure_patterns() -> None:
    probe = ("import extractor.warm\n"
             "from extractor.nlp import get_nlp\n"
             "from extractor.figures.patterns import load_patterns\n"
             "print(get_nlp.cache_info().currsize, load_patterns.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=REPO, check=True, timeout=120).stdout.split()
    assert out == ["1", "1"]


def test_the_warm_up_report_reads_as_a_report_with_figures() -> None:
    with resources.as_file(resources.files("extractor").joinpath("data", "warm_up.txt")) as path:
        report = extract(path)
    assert report.authority is not None and report.period is not None
    assert report.indicators and report.assessments and report.risks
