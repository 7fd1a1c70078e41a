"""Run the real ``highlights`` console script in a child process and measure it.

A small wrapper process starts the command and reports the peak memory of its own children
(``RUSAGE_CHILDREN``): measured from the test process itself, a forked child would count the
test process's memory too. Wall time comes from the test's clock; a command still running
after ``timeout`` is killed with its process group and marked so.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from time import monotonic

__all__ = ["CliRun", "COMMAND", "run_cli", "WITHOUT_READ_OVERRIDE"]

_SCRIPT = Path(sys.executable).parent / "highlights"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "highlights"]
# Root reads every file: a child run under this prefix is root without the two capabilities
# that bypass file permissions, so a mode-000 file is unreadable to it too.
WITHOUT_READ_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(code if code >= 0 else 128 - code)\n"
)


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


def _kill(process: subprocess.Popen[bytes]) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def run_cli(*args: str | Path, timeout: float = 10.0, prefix: list[str] | None = None,
            cwd: Path | None = None, env: dict[str, str] | None = None) -> CliRun:
    """Run ``highlights ARGS`` (after ``prefix``, a wrapper command); kill it after ``timeout``
    seconds."""
    with tempfile.TemporaryDirectory() as folder:
        out, err, peak = (Path(folder) / name for name in ("out", "err", "peak"))
        started = monotonic()
        with out.open("wb") as stdout, err.open("wb") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-c", _WRAPPER, str(peak), *(prefix or []), *COMMAND,
                 *map(str, args)],
                stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, cwd=cwd, env=env,
                start_new_session=True)
            timer = threading.Timer(timeout, _kill, (process,))
            timer.start()
            try:
                exit_code = process.wait()
            finally:
                timer.cancel()
        seconds = monotonic() - started
        kilobytes = float(peak.read_text() or 0) if peak.exists() else 0.0
        return CliRun(exit=exit_code, stdout=out.read_text(encoding="utf-8", errors="replace"),
                      stderr=err.read_text(encoding="utf-8", errors="replace"),
                      seconds=seconds, peak_mb=kilobytes / 1024, killed=seconds >= timeout)
