"""Smoke test of a FROZEN MentorDesk: the packaged program, not the source tree.

    python installers/smoke_test.py [EXECUTABLE]

EXECUTABLE defaults to this platform's program in ``dist/`` (``dist/mentordesk/mentordesk``,
``dist\\mentordesk\\mentordesk.exe`` or ``dist/MentorDesk.app/Contents/MacOS/MentorDesk``).
Everything runs headless in a temporary folder (``MENTORDESK_HOME`` points there, Qt runs
offscreen): the version, the demo event, the people JSON contract, attendee imports (CSV and
XLSX), a check-in, a match-planned rotation (ortools), opening an event file of the oldest
released schema (Alembic migrations), the PDF exports that this build has, and the main window,
which must paint (``MENTORDESK_STARTUP_PROBE``) and then stay up for a few seconds.

Each check prints one line; the exit code is the number of failures. An ``export`` command
that this build does not have yet is reported as SKIP, not as a failure. Standard library only,
so it runs on a CI runner's bare Python.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from freeze_config import read_version

#: How long the main window must stay up without crashing, in seconds.
WINDOW_SECONDS = 3.0
#: Generous: a cold start on a CI runner (first run of a freshly unpacked app) can take seconds.
TIMEOUT = 120
EXPORTS = ("badges", "schedule", "summary")
PEOPLE_KEYS = {"id", "first_name", "last_name", "email", "role", "organization", "topics", "badge_code", "checked_in"}


def _subcommands(help_text: str) -> set[str]:
    """The sub-command names argparse lists under ``COMMAND`` in a ``--help`` text."""
    return set(re.findall(r"^ {4}([a-z][\w-]*)(?:\s|$)", help_text, re.MULTILINE))


def default_executable() -> Path:
    dist = ROOT / "dist"
    if sys.platform == "win32":
        return dist / "mentordesk" / "mentordesk.exe"
    if sys.platform == "darwin":
        return dist / "MentorDesk.app" / "Contents" / "MacOS" / "MentorDesk"
    return dist / "mentordesk" / "mentordesk"


class Smoke:
    def __init__(self, program: Path, workdir: Path) -> None:
        self.program = program
        self.work = workdir
        self.failures = 0
        self.env = dict(os.environ)
        self.env.update(
            MENTORDESK_HOME=str(workdir / "home"),
            QT_QPA_PLATFORM="offscreen",
            PYTHONIOENCODING="utf-8",
        )
        for name in ("MENTORDESK_EVENT", "MENTORDESK_STARTUP_PROBE", "PYTHONPATH", "PYTHONHOME"):
            self.env.pop(name, None)

    # ------------------------------------------------------------------ helpers

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.program), *args], check=False, cwd=self.work, env=env or self.env, capture_output=True,
            text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT,
        )

    def report(self, ok: bool | None, name: str, detail: str = "") -> bool:
        label = {True: "ok  ", False: "FAIL", None: "SKIP"}[ok]
        print(f"{label}  {name}{'  -  ' + detail if detail else ''}", flush=True)
        if ok is False:
            self.failures += 1
        return bool(ok)

    def expect(self, name: str, *args: str) -> subprocess.CompletedProcess[str] | None:
        started = time.perf_counter()
        try:
            result = self.run(*args)
        except subprocess.TimeoutExpired:
            self.report(False, name, f"no answer within {TIMEOUT} s")
            return None
        took = f"{time.perf_counter() - started:.2f} s"
        if result.returncode != 0:
            why = (result.stderr.strip() or result.stdout.strip()).splitlines()[-1:] or ["(no output)"]
            self.report(False, name, f"exit {result.returncode}: {why[0]}")
            return None
        self.report(True, name, took)
        return result

    # ------------------------------------------------------------------ checks

    def check_gui_program(self) -> None:
        """Windows has a second, console-less program for the Start menu and file association."""
        if sys.platform == "win32":
            gui = self.program.with_name("mentordeskw.exe")
            self.report(gui.is_file(), "mentordeskw.exe (no console) is next to mentordesk.exe")

    def check_native_modules(self) -> None:
        """Compiled modules that are loaded in ways PyInstaller's analysis cannot follow."""
        bundle = self.program.parent.parent if self.program.parent.name == "MacOS" else self.program.parent
        for stem, why in (("_rl_accel", "reportlab's C accelerators"), ("_harfbuzz", "the HarfBuzz shaper")):
            found = [p.name for p in bundle.rglob(f"{stem}*") if p.suffix in (".so", ".pyd")]
            self.report(bool(found), f"bundled: {why}", ", ".join(found) or f"no {stem} module in {bundle}")

    def check_version(self) -> None:
        result = self.expect("--version", "--version")
        if result:
            wanted = f"MentorDesk {read_version(ROOT)}"
            got = result.stdout.strip()
            self.report(got == wanted, "  version matches mentordesk/__init__.py", f"{got!r}")

    def check_demo_and_people(self, event: Path) -> list[dict[str, object]]:
        self.expect("demo --event demo.mentordesk", "demo", "--event", str(event))
        result = self.expect("people --event demo.mentordesk --json", "people", "--event", str(event), "--json")
        if not result:
            return []
        try:
            people = json.loads(result.stdout)
        except ValueError as exc:
            self.report(False, "  people JSON parses", str(exc))
            return []
        keys_ok = bool(people) and all(PEOPLE_KEYS <= set(person) for person in people)
        self.report(keys_ok, "  people JSON has the documented fields", f"{len(people)} people")
        return people

    def check_imports(self, event: Path) -> None:
        csv = self.work / "walk-ins.csv"
        # Windows-1252 with semicolons, as Excel saves it in much of Europe: exercises the encodings.
        csv.write_bytes("First Name;Last Name;Email;Ticket Type\nZoë;Šimon;zoe@example.org;Mentee\n".encode("cp1252"))
        self.expect("import CSV (Windows-1252, ;)", "import", "--event", str(event), str(csv))
        xlsx = ROOT / "tests" / "data" / "imports" / "attendees.xlsx"
        if xlsx.is_file():
            self.expect("import XLSX (openpyxl)", "import", "--event", str(event), str(xlsx))
        else:
            self.report(None, "import XLSX", f"no sample at {xlsx}")

    def check_checkin_and_plan(self, event: Path, people: list[dict[str, object]]) -> None:
        waiting = [p for p in people if not p.get("checked_in")]
        if waiting:
            self.expect("checkin CODE", "checkin", "--event", str(event), str(waiting[0]["badge_code"]))
        rotation = self.work / "rotation.json"
        if self.expect("flash plan --mode match (ortools)", "flash", "plan", "--event", str(event),
                       "--rounds", "4", "--minutes", "7", "--mode", "match", "--json", str(rotation), "--save"):
            data = json.loads(rotation.read_text(encoding="utf-8"))
            self.report(len(data.get("rounds", [])) == 4, "  rotation JSON has 4 rounds")

    def check_old_schema(self) -> None:
        samples = sorted((ROOT / "tests" / "data").glob("event-schema-*.mentordesk"))
        if not samples:
            self.report(None, "open oldest schema", "no sample event file in tests/data")
            return
        copy = self.work / samples[0].name
        shutil.copyfile(samples[0], copy)
        self.expect(f"open {samples[0].name} (migrations)", "people", "--event", str(copy))

    def check_exports(self, event: Path) -> None:
        available = _subcommands(self.run("export", "--help").stdout)
        for kind in EXPORTS:
            if kind not in available:
                self.report(None, f"export {kind}", f"this build has no 'export {kind}' command yet")
                continue
            out = self.work / f"{kind}.pdf"
            if self.expect(f"export {kind} -o {out.name}", "export", kind, "--event", str(event), "-o", str(out)):
                head = out.read_bytes()[:5] if out.is_file() else b""
                size = f"{out.stat().st_size // 1024} KiB" if head else ""
                self.report(head == b"%PDF-", f"  {out.name} is a PDF", size)

    def check_first_window(self, event: Path) -> float | None:
        env = dict(self.env, MENTORDESK_STARTUP_PROBE="1")
        started = time.perf_counter()
        try:
            result = self.run("--event", str(event), env=env)
        except subprocess.TimeoutExpired:
            self.report(False, "main window paints (startup probe)", f"still running after {TIMEOUT} s")
            return None
        took = time.perf_counter() - started
        ok = result.returncode == 0 and "first-window" in result.stdout.split()
        detail = f"{took:.2f} s to first window" if ok else f"exit {result.returncode}: {result.stderr.strip()[-300:]}"
        self.report(ok, "main window paints (startup probe)", detail)
        return took if ok else None

    def check_window_stays_up(self, event: Path) -> None:
        process = subprocess.Popen(
            [str(self.program), "--event", str(event)], cwd=self.work, env=self.env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
        )
        try:
            process.wait(timeout=WINDOW_SECONDS)
        except subprocess.TimeoutExpired:
            process.terminate()  # still up after a few seconds, as it should be
            _, stderr = process.communicate(timeout=30)
            noise = [line for line in stderr.splitlines() if line.strip()]
            self.report(True, f"main window stays up for {WINDOW_SECONDS:.0f} s",
                        f"stderr: {noise[0][:160]}" if noise else "")
            return
        _, stderr = process.communicate()
        self.report(False, f"main window stays up for {WINDOW_SECONDS:.0f} s",
                    f"exited early with {process.returncode}: {stderr.strip()[-300:]}")

    def run_all(self) -> int:
        event = self.work / "demo.mentordesk"
        self.check_version()
        self.check_gui_program()
        self.check_native_modules()
        people = self.check_demo_and_people(event)
        self.check_imports(event)
        self.check_checkin_and_plan(event, people)
        self.check_old_schema()
        self.check_exports(event)
        self.check_first_window(event)
        self.check_window_stays_up(event)
        return self.failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test a frozen MentorDesk build, headless.")
    parser.add_argument("executable", nargs="?", type=Path, default=None, help="the frozen program (default: in dist/)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print where it is")
    args = parser.parse_args(argv)
    program = (args.executable or default_executable()).resolve()
    if not program.is_file():
        print(f"smoke test: no frozen program at {program} (build it first: make installer)", file=sys.stderr)
        return 1
    print(f"smoke test of {program}", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="mentordesk-smoke-"))
    try:
        failures = Smoke(program, workdir).run_all()
    finally:
        if args.keep:
            print(f"work folder kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"smoke test: {'passed' if failures == 0 else f'{failures} check(s) failed'}", flush=True)
    return min(failures, 100)


if __name__ == "__main__":
    raise SystemExit(main())
