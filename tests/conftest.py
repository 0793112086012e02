"""Shared test set-up: headless Qt, a private MENTORDESK_HOME per test, sound off, real event files."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: widgets render offscreen, no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mentordesk.models.store import EventStore

_GUI_TESTS = Path(__file__).parent / "gui"


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection imported and built lives for the whole run: frozen out of the collector's
    sight (gc.freeze), so each full collection (the GUI tests make one after every test, see
    tests/gui/conftest.py) walks only what the tests made since, not the ~100,000 objects of Qt,
    SQLAlchemy, reportlab and the test modules (0.1 to 0.3 s each time)."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/gui drives Qt widgets: marked ``gui``, so ``-m "not gui"`` runs the rest."""
    for item in items:
        if item.path.is_relative_to(_GUI_TESTS):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def mentordesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, config and log folders (paths.py honours MENTORDESK_HOME)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("MENTORDESK_HOME", str(home))
    monkeypatch.delenv("MENTORDESK_EVENT", raising=False)
    return home


#: The settings that make sounds; the tests switch them off through their environment overrides.
_SOUND_SETTINGS = ("MENTORDESK_CHECKIN_SOUND", "MENTORDESK_FLASH_CHIMES")


@pytest.fixture(autouse=True)
def sound_off(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Sound is off unless a test is marked ``sound``: the first cue loads QtMultimedia, whose audio
    back-ends take time and can take window activation from the window under test. A test that does
    not ask for sound fails if it loads QtMultimedia anyway."""
    if request.node.get_closest_marker("sound") is not None:
        for name in _SOUND_SETTINGS:
            monkeypatch.delenv(name, raising=False)
        yield
        return
    for name in _SOUND_SETTINGS:
        monkeypatch.setenv(name, "0")
    loaded_before = sys.modules.get("PySide6.QtMultimedia") is not None
    yield
    if not loaded_before and sys.modules.get("PySide6.QtMultimedia") is not None:
        pytest.fail("this test loaded QtMultimedia without asking for sound (mark it @pytest.mark.sound)")


@pytest.fixture
def event_path(tmp_path: Path) -> Path:
    return tmp_path / "spring-flash.mentordesk"


@pytest.fixture
def store(event_path: Path) -> Iterator[EventStore]:
    """A new, empty event in a real SQLite file."""
    with EventStore.create(event_path, name="Spring Flash Mentoring") as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo event, built once per test run (about 0.4 s; some 400 tests use it) and copied."""
    from mentordesk.services.demo import create_demo_event

    folder = tmp_path_factory.mktemp("demo-template")
    previous = os.environ.get("MENTORDESK_HOME")
    os.environ["MENTORDESK_HOME"] = str(folder / "home")
    try:
        path = folder / "demo.mentordesk"
        create_demo_event(path)
    finally:
        if previous is None:
            os.environ.pop("MENTORDESK_HOME", None)
        else:
            os.environ["MENTORDESK_HOME"] = previous
    return path


@pytest.fixture
def demo_store(tmp_path: Path, demo_template: Path) -> Iterator[EventStore]:
    """The demo event, in a real SQLite file of this test's own (a copy of the run's template)."""
    path = tmp_path / "demo.mentordesk"
    shutil.copyfile(demo_template, path)
    with EventStore.open(path) as opened:
        yield opened
