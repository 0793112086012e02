"""Endurance: the real window through a day's worth of work, then memory and handles.

10,000 scans at the desk, an hour of flash rounds with the console and projector open, and
20,000 key presses in the kiosk, in one process (``bench/endurance_run.py``; ``make endurance``
runs only this). It caught "Fatal Python error: none_dealloc" after about 450 scans with
PySide6 6.12.0 on CPython 3.11. A line is met when the process lived to the end, ``None``'s
reference count did not fall, the kiosk was still open, and memory and descriptors stayed flat
after the warm-up tenth of each phase.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import Result

#: Memory may grow this much between the end of a phase's first tenth and its end.
RSS_GROWTH_MB = 40.0
TIMEOUT_S = 3_600


def run() -> list[Result]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="mentordesk-endurance-") as directory:
        proc = subprocess.run([sys.executable, "-m", "bench.endurance_run", directory], capture_output=True,
                              text=True, env=env, timeout=TIMEOUT_S, cwd=Path(__file__).resolve().parent.parent)
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    results = []
    by_phase = {line["phase"]: line for line in lines}
    for phase, what in (("desk", "endurance: 10,000 scans at the real desk"),
                        ("flash", "endurance: an hour of rounds, console + projector open"),
                        ("kiosk", "endurance: 20,000 key presses in the kiosk")):
        line = by_phase.get(phase)
        if line is None:
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            results.append(Result(what, "lives to the end", f"died (exit {proc.returncode}): {tail[:80]}", False))
            continue
        growth = line["rss_mb"] - line.get("rss_mb_warm", line["rss_mb"])
        fds_growth = line["fds"] - line.get("fds_warm", line["fds"])
        extra = ""
        if phase == "desk":
            extra = (f", {line['checked_in']} checked in, scan to panel p50 {line['scan_ms_p50']} ms "
                     f"p99 {line['scan_ms_p99']} ms (UI thread p50 {line.get('scan_ui_ms_p50', '–')} ms "
                     f"p99 {line.get('scan_ui_ms_p99', '–')} ms)")
        elif phase == "flash":
            extra = f", {line['repaints']} repaints, clock {line['final_state']}"
        else:
            extra = f", kiosk still open: {line['kiosk_still_open']}"
        measured = (f"{line['seconds']} s; RSS {line['rss_mb']} MB ({growth:+.1f} after warm-up), "
                    f"fds {line['fds']} ({fds_growth:+d}), threads {line['threads']}, widgets {line['widgets']}, "
                    f"None refs {line['none_refcount_moved']:+d}{extra}")
        met = (proc.returncode == 0 and growth <= RSS_GROWTH_MB and fds_growth <= 2
               and line["none_refcount_moved"] >= 0 and line.get("kiosk_still_open", True) is not False)
        results.append(Result(what, f"lives; RSS +{RSS_GROWTH_MB:.0f} MB max; fds flat", measured, met))
    return results
