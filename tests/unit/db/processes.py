"""Real BranchDesk processes for the tests that use one data dir from several at once.

`run_cli` runs `python -m branchdesk …` as a user's script would; `Spawned` starts a helper
script and talks to it through files in a control folder (the helper writes a file when it
has done something, the test polls for it: no sleeping as a way to wait).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
# Generous: these processes start Python, SQLAlchemy (and Qt) on a loaded 2-core machine.
START_TIMEOUT = 120.0
STEP_TIMEOUT = 60.0


def child_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen", **extra}
    env.pop("BRANCHDESK_PIN", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_cli(
    data_dir: Path, *args: str, timeout: float = STEP_TIMEOUT, **env: str
) -> subprocess.CompletedProcess[str]:
    """`branchdesk --data-dir DATA_DIR ARGS…` in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "branchdesk", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=ROOT,
        env=child_env(**env),
        stdin=subprocess.DEVNULL,
    )


def write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Spawned:
    """A helper script in its own process; it reports through files in `control`."""

    def __init__(self, control: Path, script: Path, *args: str) -> None:
        self.control = control
        control.mkdir(parents=True, exist_ok=True)
        self.stderr_path = control / f"{script.stem}-{id(self)}.stderr"
        with open(self.stderr_path, "w", encoding="utf-8") as err:
            self.process = subprocess.Popen(
                [sys.executable, str(script), *args],
                stdout=err,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                env=child_env(),
                stdin=subprocess.DEVNULL,
            )

    def output(self) -> str:
        try:
            return self.stderr_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def wait_for_file(self, name: str, timeout: float = STEP_TIMEOUT) -> Any:
        """The JSON the helper wrote into `name`; fails when it ends or times out first."""
        path = self.control / name
        deadline = time.monotonic() + timeout
        while not path.exists():
            if self.process.poll() is not None and not path.exists():
                raise AssertionError(
                    f"the helper ended (exit {self.process.returncode}) before writing "
                    f"{name}:\n{self.output()}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"no {name} after {timeout} s:\n{self.output()}")
            time.sleep(0.05)
        return json.loads(path.read_text(encoding="utf-8"))

    def ask(self, request: str, timeout: float = STEP_TIMEOUT, **payload: Any) -> Any:
        """Write `request` (with `payload`) and wait for the helper's `request.done`."""
        write_atomically(self.control / request, json.dumps(payload))
        return self.wait_for_file(f"{request}.done", timeout)

    def wait(self, timeout: float = STEP_TIMEOUT) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
            raise AssertionError(
                f"the helper did not end in {timeout} s:\n{self.output()}"
            ) from None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
