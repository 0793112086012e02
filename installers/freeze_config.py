"""What goes into the frozen MentorDesk, and what stays out: used by ``mentordesk.spec``.

Kept out of the spec so that the unit tests (``tests/unit/test_installer_*.py``) can check the
lists against the code without running PyInstaller. Standard library only, except for the
``collect_submodules`` function the spec passes in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

#: Third-party modules the code reaches only through ``importlib``/``pkgutil`` or that PyInstaller
#: hooks do not pull in on their own. ``mentordesk`` itself is added whole by ``hidden_imports``.
EXTRA_HIDDEN_IMPORTS = [
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    # Alembic is imported lazily (only when a schema is created or upgraded) and runs env.py and
    # the revision scripts from files; what those import must be in the archive.
    "alembic",
    "alembic.config",
    "alembic.command",
    "alembic.context",
    "alembic.op",
    "alembic.runtime.migration",
    "alembic.runtime.environment",
    "alembic.script",
    "alembic.ddl.sqlite",
    "ortools.graph.python.min_cost_flow",
    "qrcode",
    "openpyxl",
    "reportlab.graphics.barcode.qr",
    "reportlab.graphics.barcode.common",
    # reportlab loads its C accelerators with exec("from _rl_accel import …"), which analysis
    # cannot see; without them every PDF is built at Python speed (rl_accel package).
    "_rl_accel",
    # The SVG icon engine and image plugin load libQt6Svg at run time; no Python code imports it.
    "PySide6.QtSvg",
]

#: Packages installed in the development environment (test tools, ortools' optional extras) or
#: pulled in by optional imports of our dependencies, which the app never uses. Each one left out
#: is size that every installer would otherwise carry.
EXCLUDED_MODULES = [
    # Test and development tools.
    "pytest", "_pytest", "pytestqt", "hypothesis", "highspy", "zxingcpp", "IPython",
    "setuptools", "pip", "pkg_resources", "distutils", "lib2to3", "pydoc_data",
    # ortools depends on pandas for its model-building helpers; the min-cost-flow solver we use
    # does not import it (nor does anything else here). pandas is ~80 MB installed.
    "pandas", "matplotlib", "scipy", "PIL.ImageQt", "PIL.ImageTk",
    # Pillow's AVIF codec (libavif, ~5 MB): reportlab only needs Pillow for PNG/JPEG/WebP logos;
    # Pillow reports AVIF as unsupported when the module is missing.
    "PIL._avif",
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib",
    # Alembic's own test harness (imports pytest).
    "alembic.testing", "sqlalchemy.testing",
    # Qt modules the app does not use. Qt Widgets only: no QML/Quick, no web engine, no 3D, no
    # charts (report charts are drawn by reportlab), no SQL driver (SQLAlchemy talks to sqlite3).
    *(f"PySide6.{name}" for name in (
        "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets",
        "QtWebView", "QtHttpServer", "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic",
        "Qt3DAnimation", "Qt3DExtras", "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2",
        "QtQuick3D", "QtQuickTest", "QtCharts", "QtDataVisualization", "QtGraphs",
        "QtGraphsWidgets", "QtBluetooth", "QtNfc", "QtPositioning", "QtLocation", "QtSensors",
        "QtSerialPort", "QtSerialBus", "QtRemoteObjects", "QtScxml", "QtStateMachine", "QtSql",
        "QtTest", "QtTextToSpeech", "QtSpatialAudio", "QtDesigner", "QtHelp", "QtUiTools",
        "QtNetworkAuth", "QtOpenGLWidgets", "QtCanvasPainter", "QtAxContainer", "QtConcurrent",
        "QtDBus", "QtXml",
    )),
]

#: Qt shared libraries and plugins that PyInstaller's hooks copy by dependency but that a Qt
#: Widgets app never loads. Matched against the destination path of each file (all platforms).
_UNUSED_QT_FILES = re.compile(
    r"""(
        Qt6?(WebEngine|Quick|Qml|3D|Charts|DataVisualization|Graphs|VirtualKeyboard|Designer
            |Location|Positioning|Sensors|Bluetooth|Nfc|SerialPort|SerialBus|RemoteObjects|Scxml
            |Sql|Test|TextToSpeech|SpatialAudio|HttpServer|WebSockets|WebChannel|WebView
            |Pdf\w*Quick|EglFS\w*|EglFs\w*)
      | /qml/
      | /plugins/(sqldrivers|qmltooling|designer|position|sensors|texttospeech|geoservices
                  |virtualkeyboard|webview|canbus|sceneparsers|renderers|renderplugins
                  |assetimporters|geometryloaders|scxmldatamodel
                  # Framebuffer/embedded platforms and their input drivers, VNC, network
                  # reachability and TLS back-ends: MentorDesk runs on a desktop, offline.
                  |egldeviceintegrations|generic|networkinformation|tls)/
      | /plugins/platforms/(lib)?q(eglfs|linuxfb|minimalegl|minimal|vkkhrdisplay|vnc|direct2d)\b
      | /plugins/platforminputcontexts/(lib)?qtvirtualkeyboard
      # Software OpenGL and the shader compiler are for Qt Quick/ANGLE on Windows; widgets
      # paint with the raster engine.
      | /opengl32sw\.dll$ | /d3dcompiler_\d+\.dll$
    )""",
    re.VERBOSE,
)

#: QtMultimedia's FFmpeg back-end (~21 MB on Linux) serves QMediaPlayer, QCamera and screen
#: capture. MentorDesk only plays short WAV cues with QSoundEffect, which QtMultimedia handles
#: without any back-end plugin. ``MULTIMEDIA_BACKEND = True`` keeps it (e.g. for webcam check-in);
#: a unit test fails when the code starts using a class that needs it while it is left out.
MULTIMEDIA_BACKEND = False
_FFMPEG_FILES = re.compile(
    r"(/plugins/multimedia/|/(lib)?(avcodec|avformat|avutil|avdevice|avfilter|swresample|swscale)[-.\d]|Qt6FFmpegStub)"
)

#: Qt's own translations: only the languages MentorDesk's users are likely to run it in would be
#: worth keeping; MentorDesk itself is English-only for now, so Qt's dialogs are too.
_QT_TRANSLATIONS = re.compile(r"/translations/.*\.qm$")


def read_version(root: Path) -> str:
    """``__version__`` from ``mentordesk/__init__.py``, read as text (the spec must not import the app)."""
    text = (root / "mentordesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise RuntimeError("no __version__ in mentordesk/__init__.py")
    return match.group(1)


def _files(folder: Path) -> Iterable[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".pyc", ".pyo"}:
            yield path


def data_files(root: Path) -> list[tuple[str, str]]:
    """``(source file, destination folder)`` pairs for PyInstaller's ``datas``.

    Listed file by file so that caches and editor droppings next to the sources stay out.
    """
    pairs: list[tuple[str, str]] = []
    for base, dest in (
        (root / "resources", "resources"),
        (root / "mentordesk" / "models" / "migrations", "mentordesk/models/migrations"),
    ):
        for path in _files(base):
            relative_parent = path.parent.relative_to(base).as_posix()
            target = dest if relative_parent == "." else f"{dest}/{relative_parent}"
            pairs.append((str(path), target))
    return pairs


def hidden_imports(collect_submodules: Callable[..., list[str]]) -> list[str]:
    """Every ``mentordesk`` module (commands and document kinds are found by ``pkgutil``) plus
    the third-party modules in ``EXTRA_HIDDEN_IMPORTS``."""
    own = collect_submodules("mentordesk", filter=lambda name: ".migrations" not in name)
    return sorted(set(own) | set(EXTRA_HIDDEN_IMPORTS))


def _dest(entry: tuple[str, ...]) -> str:
    return "/" + entry[0].replace("\\", "/")


def _unused(entry: tuple[str, ...]) -> bool:
    dest = _dest(entry)
    return bool(_UNUSED_QT_FILES.search(dest) or (not MULTIMEDIA_BACKEND and _FFMPEG_FILES.search(dest)))


def drop_unused_binaries(binaries: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [entry for entry in binaries if not _unused(entry)]


def drop_unused_datas(datas: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [
        entry for entry in datas
        if not _unused(entry) and not _QT_TRANSLATIONS.search(_dest(entry))
    ]


def write_windows_version_info(target: Path, version: str) -> None:
    """The VERSIONINFO resource of the Windows executables (shown in Explorer's Details tab)."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    quad = tuple(numbers)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'MentorDesk'),
      StringStruct('FileDescription', 'MentorDesk'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'mentordesk'),
            StringStruct('ProductName', 'MentorDesk'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
