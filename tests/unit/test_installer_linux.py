"""installers/linux/install.sh installs an unpacked MentorDesk for one user and removes it cleanly.

Runs the real script on a stand-in of the unpacked tarball (a shell script in place of the frozen
program: freezing takes a minute, ``make installer-smoke`` does that) into a temporary prefix.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installers" / "linux"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")


def _unpacked_package(folder: Path) -> Path:
    """The layout build-linux.sh produces, with a stand-in program."""
    folder.mkdir()
    program = folder / "mentordesk"
    program.write_text('#!/bin/sh\necho "MentorDesk 0.0-test"\n', encoding="utf-8")
    program.chmod(0o755)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    share = folder / "share"
    icons = ROOT / "resources" / "icons"
    hicolor = share / "icons" / "hicolor"
    metainfo = "io.mentordesk.MentorDesk.metainfo.xml"
    for source, target in (
        (LINUX / "mentordesk.desktop", share / "applications" / "mentordesk.desktop"),
        (LINUX / "mentordesk-mime.xml", share / "mime" / "packages" / "mentordesk.xml"),
        (LINUX / metainfo, share / "metainfo" / metainfo),
        (icons / "mentordesk-48.png", hicolor / "48x48" / "apps" / "mentordesk.png"),
        (icons / "mentordesk.svg", hicolor / "scalable" / "apps" / "mentordesk.svg"),
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    shutil.copy2(LINUX / "install.sh", folder / "install.sh")
    return folder


def _run(script: Path, prefix: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PREFIX=str(prefix), PATH=os.environ.get("PATH", "/usr/bin:/bin"))
    return subprocess.run(["sh", str(script), *args], check=False, env=env, capture_output=True, text=True, timeout=60)


def _files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def test_install_then_uninstall_leaves_nothing_of_ours(tmp_path: Path) -> None:
    package = _unpacked_package(tmp_path / "mentordesk-0.0-linux-x86_64")
    prefix = tmp_path / "prefix"

    installed = _run(package / "install.sh", prefix)
    assert installed.returncode == 0, installed.stderr

    app_dir = prefix / "lib" / "mentordesk"
    command = prefix / "bin" / "mentordesk"
    assert command.is_symlink() and command.resolve() == (app_dir / "mentordesk").resolve()
    version = subprocess.run([str(command)], capture_output=True, text=True, check=True).stdout.strip()
    assert version == "MentorDesk 0.0-test"
    desktop = (prefix / "share" / "applications" / "mentordesk.desktop").read_text(encoding="utf-8")
    # Absolute paths: ~/.local/bin is not on every desktop session's PATH.
    assert f"Exec={app_dir}/mentordesk --event=%f" in desktop.splitlines()
    assert f"TryExec={app_dir}/mentordesk" in desktop.splitlines()
    assert (prefix / "share" / "mime" / "packages" / "mentordesk.xml").is_file()
    assert (prefix / "share" / "metainfo" / "io.mentordesk.MentorDesk.metainfo.xml").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "mentordesk.png").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "mentordesk.svg").is_file()

    # Something of the user's own in the same prefix must survive the uninstall.
    other = prefix / "share" / "applications" / "someone-else.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")

    removed = _run(app_dir / "install.sh", prefix, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    leftovers = {name for name in _files_under(prefix) if "mentordesk" in name.lower()}
    # update-mime-database regenerates its caches; they are not ours to remove.
    leftovers = {name for name in leftovers
                 if not name.startswith("share/mime/") or name.startswith("share/mime/packages/")}
    assert leftovers == set()
    assert other.is_file()


def test_reinstalling_replaces_the_old_program_files(tmp_path: Path) -> None:
    package = _unpacked_package(tmp_path / "new")
    prefix = tmp_path / "prefix"
    stale = prefix / "lib" / "mentordesk" / "_internal" / "from-an-older-version.so"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    assert _run(package / "install.sh", prefix).returncode == 0
    assert not stale.exists()
    assert (prefix / "lib" / "mentordesk" / "_internal" / "base_library.zip").is_file()


def test_it_refuses_to_run_outside_an_unpacked_package(tmp_path: Path) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy2(LINUX / "install.sh", lone / "install.sh")
    result = _run(lone / "install.sh", tmp_path / "prefix")
    assert result.returncode == 1 and "unpacked MentorDesk folder" in result.stderr
    assert not (tmp_path / "prefix").exists()
