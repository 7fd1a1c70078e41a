"""``highlights extract`` on every hostile input: the contract's exit code and one clear line.

Each input runs through the real console script in a child process, which must finish within
10 s and 500 MB of peak memory, print nothing on stdout when it fails, and never a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import pytest

from tests.hostile.make_fixtures import CASES, Case, hostile_inputs, html_with_script
from tests.hostile.run import WITHOUT_READ_OVERRIDE, CliRun, run_cli

MAX_SECONDS = 10.0
MAX_MB = 500.0


def _extract(case: Case) -> CliRun:
    path = hostile_inputs()[case.build]
    prefix = None
    if case.build == "permission_denied" and os.geteuid() == 0:
        if shutil.which(WITHOUT_READ_OVERRIDE[0]) is None:
            return CliRun(-1, "", "", 0.0, 0.0, killed=False)  # the test skips
        prefix = WITHOUT_READ_OVERRIDE
    return run_cli("extract", path, timeout=MAX_SECONDS, prefix=prefix)


@cache
def _runs() -> dict[str, CliRun]:
    """Every case's run, two (one per core) at a time: each child is still measured alone."""
    hostile_inputs()  # built once, before the threads ask for it
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip([case.build for case in CASES], pool.map(_extract, CASES), strict=True))


def _run(case: Case) -> CliRun:
    run = _runs()[case.build]
    if run.exit == -1:
        pytest.skip("running as root without setpriv: every file is readable")
    return run


def _assert_bounded(run: CliRun) -> None:
    assert not run.killed, f"still running after {MAX_SECONDS} s"
    assert run.peak_mb < MAX_MB
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("case", [c for c in CASES if c.exit != 0], ids=lambda c: c.build)
def test_a_broken_input_is_one_line_naming_file_and_reason(case: Case) -> None:
    run = _run(case)
    _assert_bounded(run)
    assert run.exit == case.exit, run.stderr
    assert run.stdout == ""
    [line] = run.stderr_lines
    assert line.startswith("highlights: ")
    assert str(hostile_inputs()[case.build]) in line
    assert case.reason and case.reason in line


@pytest.mark.parametrize("case", [c for c in CASES if c.exit == 0], ids=lambda c: c.build)
def test_a_report_under_a_misleading_name_is_parsed_by_content(case: Case) -> None:
    run = _run(case)
    _assert_bounded(run)
    assert run.exit == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["source"]["format"] == case.format
    assert report["authority"] is not None
    assert report["assessments"] or report["risks"]


def test_debug_shows_the_traceback_that_is_otherwise_hidden() -> None:
    path = hostile_inputs()["pdf_truncated"]
    run = run_cli("--debug", "extract", path, timeout=MAX_SECONDS)
    assert run.exit != 0
    assert "Traceback" in run.stderr
    assert "UnreadableDocument" in run.stderr


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_html_script_never_reaches_the_output_and_its_image_is_never_fetched(
        tmp_path, fmt: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as beacon:
        beacon.bind(("127.0.0.1", 0))
        beacon.listen(4)
        beacon.setblocking(False)
        port = beacon.getsockname()[1]
        path = html_with_script(tmp_path / "report.html",
                                url=f"http://127.0.0.1:{port}/pixel.png")
        run = run_cli("extract", path, "--format", fmt, timeout=MAX_SECONDS)
        with pytest.raises(BlockingIOError):
            beacon.accept()
    _assert_bounded(run)
    assert run.exit == 0, run.stderr
    assert "HOSTILE-SCRIPT-MARKER" not in run.stdout
    assert "<script" not in run.stdout.lower()
    assert f":{port}" not in run.stdout
