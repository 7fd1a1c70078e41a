"""Run the real ``highlights`` console script in a child process and measure it.

The child's own peak memory comes from ``os.wait4`` (the rusage of that one child), its wall
time from the parent's clock; a child that outlives ``timeout`` is killed and marked so.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from time import monotonic

__all__ = ["CliRun", "COMMAND", "run_cli", "WITHOUT_READ_OVERRIDE"]

_SCRIPT = Path(sys.executable).parent / "highlights"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "highlights"]
# Root reads every file: a child run under this prefix is root without the two capabilities
# that bypass file permissions, so a mode-000 file is unreadable to it too.
WITHOUT_READ_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@dataclass(frozen=True)
class CliRun:
    """What one run of the CLI did."""

    exit: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    killed: bool

    @property
    def stderr_lines(self) -> list[str]:
        """The non-blank lines written to stderr."""
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_cli(*args: str | Path, timeout: float = 10.0, prefix: list[str] | None = None,
            cwd: Path | None = None, env: dict[str, str] | None = None) -> CliRun:
    """Run ``highlights ARGS`` (after ``prefix``, a wrapper command); kill it after ``timeout``
    seconds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = monotonic()
        process = subprocess.Popen(
            [*(prefix or []), *COMMAND, *map(str, args)], stdin=subprocess.DEVNULL, stdout=out,
            stderr=err, cwd=cwd, env=env)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return CliRun(exit=process.returncode, stdout=out.read().decode("utf-8", "replace"),
                      stderr=err.read().decode("utf-8", "replace"), seconds=seconds,
                      peak_mb=usage.ru_maxrss / 1024, killed=seconds >= timeout)
