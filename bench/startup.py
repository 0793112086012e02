"""Start-up time: from launching ``mentordesk`` to its first window painted, on the demo event.

Each run is a fresh process (cold Python imports, warm OS file cache after the first), started
with MENTORDESK_STARTUP_PROBE=1 so the app prints ``first-window`` once its window is painted and
exits. The median of several runs is reported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Result, median

RUNS = 7


def _one_run(event: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mentordesk", "--event", str(event)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "first-window":
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"the app never reported its first window: {proc.stderr.read() if proc.stderr else ''}")
    proc.wait(timeout=30)
    return elapsed


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "MENTORDESK_HOME": home, "MENTORDESK_STARTUP_PROBE": "1"}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        event = Path(home) / "bench.mentordesk"
        subprocess.run([sys.executable, "-m", "mentordesk", "demo", "--event", str(event)], check=True,
                       capture_output=True, env=env)
        _one_run(event, env)  # warm the OS file cache, as on a machine that has run the app before
        times = [_one_run(event, env) for _ in range(RUNS)]
    med = median(times)
    return [
        Result(
            what=f"start to first window (demo event, median of {RUNS})",
            target="< 1 s",
            measured=f"{med * 1000:.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})",
            met=med < 1.0,
        )
    ]
