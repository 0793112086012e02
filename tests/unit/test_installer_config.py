"""The installer configuration agrees with the code it packages.

PyInstaller itself is too slow for the test suite (``make installer-smoke`` runs it); these tests
check, in milliseconds, the promises the frozen build depends on: every dynamically imported module
is listed, the migrations and resources are shipped where the code looks for them, no module the
code imports is excluded, and the platform metadata names the same file type and program.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import plistlib
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

import mentordesk
from mentordesk.models import store

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
SOURCES = sorted((ROOT / "mentordesk").rglob("*.py"))


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


freeze_config = _load("freeze_config", INSTALLERS / "freeze_config.py")
smoke_test = _load("smoke_test", INSTALLERS / "smoke_test.py")


def _walk_submodules(package: str, filter: Callable[[str], bool] = lambda _name: True) -> list[str]:
    """A stand-in for PyInstaller's collect_submodules (PyInstaller is not a test dependency)."""
    root = importlib.import_module(package)
    names = [package] + [info.name for info in pkgutil.walk_packages(root.__path__, f"{package}.")]
    return [name for name in names if filter(name)]


def _imports_in_sources() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)


def test_version_is_read_from_the_package() -> None:
    assert freeze_config.read_version(ROOT) == mentordesk.__version__


def test_the_spec_compiles() -> None:
    compile((INSTALLERS / "mentordesk.spec").read_text(encoding="utf-8"), "mentordesk.spec", "exec")


def test_every_command_and_document_module_is_a_hidden_import() -> None:
    hidden = set(freeze_config.hidden_imports(_walk_submodules))
    for package in ("mentordesk.commands", "mentordesk.printing.documents"):
        found = [info.name for info in pkgutil.iter_modules(importlib.import_module(package).__path__)]
        assert {f"{package}.{name}" for name in found} <= hidden
    assert "mentordesk.ui.main_window" in hidden
    assert not any(".migrations" in name for name in hidden), "env.py must not be imported at build time"


def test_migrations_ship_where_the_store_looks_for_them() -> None:
    pairs = freeze_config.data_files(ROOT)
    dest_of = {Path(src).resolve(): dest for src, dest in pairs}
    frozen_dir = store.MIGRATIONS_DIR.relative_to(ROOT).as_posix()
    scripts = [store.MIGRATIONS_DIR / "env.py", *sorted((store.MIGRATIONS_DIR / "versions").glob("*.py"))]
    assert len(scripts) >= 2
    for script in scripts:
        expected = frozen_dir if script.parent == store.MIGRATIONS_DIR else f"{frozen_dir}/versions"
        assert dest_of[script.resolve()] == expected
    assert not any("__pycache__" in src or src.endswith(".pyc") for src, _ in pairs)


def test_resources_ship_where_paths_looks_for_them_when_frozen() -> None:
    dests = {dest for _, dest in freeze_config.data_files(ROOT)}
    for folder in ("resources/icons", "resources/sounds", "resources/styles"):
        assert folder in dests


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt6Core.dll", "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6", "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib", "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    ],
)
def test_qt_files_the_app_needs_are_kept(dest: str) -> None:
    entry = (dest, "/src/" + dest, "BINARY")
    assert freeze_config.drop_unused_binaries([entry]) == [entry]


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt6Qml.dll",
        "PySide6/Qt/lib/libQt6PdfQuick.so.6", "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "PySide6/opengl32sw.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    ],
)
def test_unused_qt_files_are_dropped(dest: str) -> None:
    assert freeze_config.drop_unused_binaries([(dest, "/src/" + dest, "BINARY")]) == []


def test_qt_translations_are_dropped_but_our_resources_kept() -> None:
    datas = [("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"), ("resources/sounds/chime-end.wav", "/y", "DATA")]
    assert freeze_config.drop_unused_datas(datas) == datas[1:]


def test_no_excluded_module_is_imported_by_the_app() -> None:
    text = _imports_in_sources()
    for module in freeze_config.EXCLUDED_MODULES:
        top = module.removeprefix("PySide6.")
        if module.startswith("PySide6."):
            pattern = rf"PySide6\.{top}\b|from PySide6 import [^\n]*\b{top}\b"
        else:
            pattern = rf"^\s*(from|import)\s+{re.escape(module)}\b"
        assert not re.search(pattern, text, re.MULTILINE), f"the app imports {module}, which the installer leaves out"


def test_multimedia_backend_is_kept_when_the_app_plays_media_or_uses_a_camera() -> None:
    """QSoundEffect needs no back-end plugin; QMediaPlayer, QCamera and friends need FFmpeg's."""
    needs_backend = re.compile(
        r"\b(QMediaPlayer|QCamera|QMediaCaptureSession|QImageCapture|QMediaRecorder|QScreenCapture"
        r"|QWindowCapture|QVideoWidget|QVideoSink|QMediaFormat|QAudioOutput)\b"
    )
    users = [str(p.relative_to(ROOT)) for p in SOURCES if needs_backend.search(p.read_text(encoding="utf-8"))]
    if users:
        assert freeze_config.MULTIMEDIA_BACKEND, (
            f"{users} use QtMultimedia classes that need the FFmpeg back-end: set "
            "MULTIMEDIA_BACKEND = True in installers/freeze_config.py"
        )


def test_windows_version_info_is_written(tmp_path: Path) -> None:
    target = tmp_path / "version_info.txt"
    freeze_config.write_windows_version_info(target, "1.2.3")
    text = target.read_text(encoding="utf-8")
    assert "filevers=(1, 2, 3, 0)" in text and "'ProductVersion', '1.2.3'" in text


def test_macos_bundle_declares_the_event_document_type() -> None:
    with open(INSTALLERS / "macos" / "Info.plist", "rb") as handle:
        plist = plistlib.load(handle)
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == [mentordesk.EVENT_SUFFIX.lstrip(".")]
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert document["LSHandlerRank"] == "Owner"


def _desktop_entry() -> dict[str, str]:
    lines = (INSTALLERS / "linux" / "mentordesk.desktop").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def test_linux_desktop_entry_mime_type_and_metainfo_agree() -> None:
    entry = _desktop_entry()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ElementTree.parse(INSTALLERS / "linux" / "mentordesk-mime.xml").getroot()
    mime_type = mime.find("m:mime-type", ns)
    assert mime_type is not None
    assert entry["MimeType"] == mime_type.get("type") + ";"
    glob = mime_type.find("m:glob", ns)
    assert glob is not None and glob.get("pattern") == f"*{mentordesk.EVENT_SUFFIX}"
    magic = mime_type.find("m:magic/m:match/m:match", ns)
    assert magic is not None and int(magic.get("value", ""), 16) == store.APPLICATION_ID
    # The app names its window's desktop file after APP_ID (the Wayland app id): this entry.
    assert entry["Icon"] == mentordesk.APP_ID
    meta = ElementTree.parse(INSTALLERS / "linux" / "io.mentordesk.MentorDesk.metainfo.xml").getroot()
    assert meta.findtext("launchable") == f"{mentordesk.APP_ID}.desktop"
    assert meta.findtext("provides/mediatype") == mime_type.get("type")
    # An empty --event= (started from the menu) must mean "no event", not a usage error.
    assert entry["Exec"] == "mentordesk --event=%f"


def test_an_empty_event_option_opens_the_default_event() -> None:
    from mentordesk.cli import build_parser

    args = build_parser().parse_args(["--event="])
    assert getattr(args, "handler", None) is None and not args.event


def test_windows_installer_opens_event_files_with_the_gui_program() -> None:
    iss = (INSTALLERS / "windows" / "mentordesk.iss").read_text(encoding="utf-8")
    spec = (INSTALLERS / "mentordesk.spec").read_text(encoding="utf-8")
    gui_exe = re.search(r'#define AppExe "([^"]+)"', iss)
    assert gui_exe and f'executable("{gui_exe.group(1).removesuffix(".exe")}", console=False)' in spec
    assert f'Subkey: "Software\\Classes\\{mentordesk.EVENT_SUFFIX}"' in iss
    assert '--event ""%1""' in iss


def test_smoke_test_finds_the_export_commands_in_help() -> None:
    from mentordesk.cli import _COMMANDS, build_parser

    build_parser()
    result = subprocess.run([sys.executable, "-m", "mentordesk", "export", "--help"], capture_output=True,
                            text=True, check=True)

    registered = {cmd.name for cmd in _COMMANDS if cmd.group == "export"}
    assert smoke_test._subcommands(result.stdout) == registered
