"""The Preferences dialog, driven as a person would: every setting in the app, saved as it is edited,
kept across a restart (a new ``Settings`` read), followed by the screens that show it.

Sounds: the dialog asks whether the computer can play them when it opens; these tests hand it the
answer (``audio_probe``), so only the one test marked ``sound`` loads QtMultimedia.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from focus_helpers import activate, wait_focus
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mentordesk import paths
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog, labels
from mentordesk.settings import (
    ALL_SETTINGS,
    CHECKIN_SOUND,
    FLASH_CHIMES,
    FLASH_WARN_SECONDS,
    KIOSK_LOCKED,
    KIOSK_PIN,
    LABEL_STOCK,
    PAGE_SIZE,
    PRINT_OFFSETS,
    STATION_NAME,
    Settings,
)
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.preferences import audio_check
from mentordesk.ui.preferences.audio_check import NO_DEVICE, AudioStatus
from mentordesk.ui.preferences.dialog import PreferencesDialog

SPEAKERS = AudioStatus(True, "Sounds play on Test speakers.")


def _dialog(qtbot: QtBot, opened: list[QUrl] | None = None, audio: AudioStatus = SPEAKERS,
            printers: tuple[str, ...] = ()) -> PreferencesDialog:
    """The dialog, shown, with the audio check's answer given; folders opened are added to ``opened``."""
    asked = opened if opened is not None else []

    def open_url(url: QUrl) -> bool:
        asked.append(url)
        return True

    dialog = PreferencesDialog(audio_probe=lambda: audio, printers=printers, open_url=open_url)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.sounds.audio is not None, timeout=20_000)
    return dialog


def _click_tab(qtbot: QtBot, dialog: PreferencesDialog, tab: QWidget) -> None:
    bar = dialog.tabs.tabBar()
    index = next(i for i in range(dialog.tabs.count()) if dialog.tabs.widget(i).widget() is tab)  # type: ignore[attr-defined]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(tab.isVisible, timeout=20_000)


def _type_into(qtbot: QtBot, editor: QWidget, text: str) -> None:
    """Click the editor, select what it holds, type ``text`` and press Enter."""
    target = editor.lineEdit() if isinstance(editor, (QComboBox, QAbstractSpinBox)) else editor  # type: ignore[union-attr]
    assert target is not None
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def _page(window: MainWindow, kind: type) -> object:
    return next(page for page in window.workspace.pages if isinstance(page, kind))


# -- where it is


def test_edit_preferences_opens_with_the_platforms_shortcut(window: MainWindow, qtbot: QtBot,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audio_check, "probe_audio", lambda: NO_DEVICE)
    action = window.preferences_action
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert action in edit_menu.actions()  # type: ignore[union-attr]
    assert action.menuRole() == QAction.MenuRole.PreferencesRole  # macOS: the application menu
    expected = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) or [QKeySequence("Ctrl+,")]
    assert action.shortcuts() == expected

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preferences is not None and window.preferences.isVisible(), timeout=20_000)
    first = window.preferences
    assert isinstance(first, PreferencesDialog)
    qtbot.waitUntil(lambda: first.sounds.audio is not None, timeout=20_000)
    # Asked again while open: the same window comes to the front.
    action.trigger()
    assert window.preferences is first
    first.close_button.click()
    qtbot.waitUntil(lambda: window.preferences is None, timeout=20_000)


def test_every_setting_can_be_changed_in_the_dialog(qtbot: QtBot) -> None:
    """No setting is reachable only through an environment variable or the settings file."""
    dialog = _dialog(qtbot)
    editors = dialog.editors()
    assert set(editors) == {setting.key for setting in ALL_SETTINGS}
    for key, editor in editors.items():
        assert editor.accessibleName() or editor.text(), key  # type: ignore[attr-defined]


# -- general: the station name


def test_station_name_persists_and_the_open_desk_follows(window: MainWindow, demo_store: EventStore,
                                                          qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audio_check, "probe_audio", lambda: NO_DEVICE)
    assert window.open_event(demo_store.path)  # type: ignore[arg-type]
    desk = _page(window, CheckinPage)
    assert isinstance(desk, CheckinPage)
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    _type_into(qtbot, dialog.general.station_edit, "  Side   door ")

    assert Settings().get(STATION_NAME) == "Side door"  # tidied, and there after a restart
    assert dialog.general.station_edit.text() == "Side door"
    assert desk.station_edit.text() == "Side door"
    assert desk.station_edit.station == "Side door"
    # An emptied name keeps the old one.
    _type_into(qtbot, dialog.general.station_edit, " ")
    assert Settings().get(STATION_NAME) == "Side door" and dialog.general.station_edit.text() == "Side door"


def test_a_long_station_name_on_the_desk_shows_its_start(qtbot: QtBot) -> None:
    from mentordesk.ui.checkin.station_edit import StationEdit

    Settings().set(STATION_NAME, "Front desk — Eingang Süd, beside the cloakroom (طاولة ١)")
    edit = StationEdit(Settings())
    qtbot.addWidget(edit)
    assert edit.cursorPosition() == 0


# -- sounds


@pytest.mark.sound  # the sound switches are not fixed off by the tests' environment
def test_without_an_audio_device_the_sounds_are_unavailable_and_say_why(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, audio=NO_DEVICE)
    _click_tab(qtbot, dialog, dialog.sounds)
    tab = dialog.sounds
    assert tab.audio_label.isVisible()
    assert "no speaker or headphones" in tab.audio_label.text()
    for check in (tab.checkin_check, tab.chimes_check):
        assert not check.isEnabled() and check.toolTip() == NO_DEVICE.reason
    # The warning also turns the projector amber: it stays.
    assert tab.warn_spin.isEnabled()


@pytest.mark.sound
def test_sound_switches_persist_and_the_open_pages_follow(window: MainWindow, demo_store: EventStore,
                                                          qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audio_check, "probe_audio", lambda: SPEAKERS)
    assert window.open_event(demo_store.path)  # type: ignore[arg-type]
    desk, flash = _page(window, CheckinPage), _page(window, FlashPage)
    assert isinstance(desk, CheckinPage) and isinstance(flash, FlashPage)
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    qtbot.waitUntil(lambda: dialog.sounds.audio is not None, timeout=20_000)
    _click_tab(qtbot, dialog, dialog.sounds)
    tab = dialog.sounds
    assert not tab.audio_label.isVisible() and tab.checkin_check.isEnabled()

    qtbot.mouseClick(tab.checkin_check, Qt.MouseButton.LeftButton, pos=QPoint(8, tab.checkin_check.height() // 2))
    qtbot.mouseClick(tab.chimes_check, Qt.MouseButton.LeftButton, pos=QPoint(8, tab.chimes_check.height() // 2))
    restarted = Settings()
    assert restarted.get(CHECKIN_SOUND) is False and restarted.get(FLASH_CHIMES) is False
    assert not desk.sound_check.isChecked() and not desk.sound.enabled
    assert not flash.console.chimes_check.isChecked()
    # Switched back on at the desk: the dialog follows too.
    qtbot.mouseClick(desk.sound_check, Qt.MouseButton.LeftButton, pos=QPoint(8, desk.sound_check.height() // 2))
    assert tab.checkin_check.isChecked() and Settings().get(CHECKIN_SOUND) is True


@pytest.mark.sound
def test_the_real_audio_check_is_made_when_the_dialog_opens_not_before(qtbot: QtBot) -> None:
    loaded_before = "PySide6.QtMultimedia" in sys.modules
    dialog = PreferencesDialog(printers=())
    qtbot.addWidget(dialog)
    if not loaded_before:
        assert "PySide6.QtMultimedia" not in sys.modules
    assert dialog.sounds.audio is None
    dialog.show()
    qtbot.waitUntil(lambda: dialog.sounds.audio is not None, timeout=20_000)
    from PySide6.QtMultimedia import QMediaDevices

    audio = dialog.sounds.audio
    assert audio is not None and audio.available == bool(QMediaDevices.audioOutputs())
    assert dialog.sounds.checkin_check.isEnabled() == audio.available


def test_a_switch_fixed_by_the_environment_says_which_variable(qtbot: QtBot) -> None:
    # The tests switch sound off with MENTORDESK_CHECKIN_SOUND=0 (conftest.py), as a kiosk script could.
    dialog = _dialog(qtbot)
    _click_tab(qtbot, dialog, dialog.sounds)
    assert not dialog.sounds.checkin_check.isEnabled()
    notes = [label.text() for label in dialog.sounds.findChildren(type(dialog.sounds.audio_label))]
    assert any("MENTORDESK_CHECKIN_SOUND" in text for text in notes)
    assert any("MENTORDESK_FLASH_CHIMES" in text for text in notes)


def test_warning_time_persists_and_the_console_and_clock_follow(window: MainWindow, demo_store: EventStore,
                                                               qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audio_check, "probe_audio", lambda: NO_DEVICE)
    assert window.open_event(demo_store.path)  # type: ignore[arg-type]
    flash = _page(window, FlashPage)
    assert isinstance(flash, FlashPage)
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    _click_tab(qtbot, dialog, dialog.sounds)
    _type_into(qtbot, dialog.sounds.warn_spin, "90")

    assert Settings().get(FLASH_WARN_SECONDS) == 90
    assert flash.console.warn_spin.value() == 90
    assert flash.driver.warn_at_ms == 90_000
    # Changed on the console while the dialog is open: the dialog shows it, and a later edit in the
    # dialog of something else keeps it.
    flash.console.warn_spin.setValue(45)
    assert dialog.sounds.warn_spin.value() == 45
    _click_tab(qtbot, dialog, dialog.general)
    _type_into(qtbot, dialog.general.station_edit, "Desk 2")
    restarted = Settings()
    assert (restarted.get(FLASH_WARN_SECONDS), restarted.get(STATION_NAME)) == (45, "Desk 2")


# -- kiosk PIN


def _fill_pin_form(qtbot: QtBot, dialog: PreferencesDialog, current: str, new: str, repeat: str) -> None:
    tab = dialog.kiosk
    for edit, text in ((tab.current_edit, current), (tab.new_edit, new), (tab.repeat_edit, repeat)):
        if edit.isVisible():
            edit.clear()
            qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(edit, text)


def test_changing_the_pin_needs_the_current_one(qtbot: QtBot) -> None:
    Settings().set(KIOSK_PIN, "2468")
    dialog = _dialog(qtbot)
    _click_tab(qtbot, dialog, dialog.kiosk)
    tab = dialog.kiosk
    assert tab.current_edit.isVisible() and tab.status_label.text() == "A kiosk PIN is set."

    _fill_pin_form(qtbot, dialog, "1111", "1357", "1357")
    qtbot.mouseClick(tab.change_button, Qt.MouseButton.LeftButton)
    assert tab.message_label.isVisible() and "current PIN is not right" in tab.message_label.text()
    assert Settings().check(KIOSK_PIN, "2468") and not Settings().check(KIOSK_PIN, "1357")

    _fill_pin_form(qtbot, dialog, "2468", "1357", "1375")
    qtbot.mouseClick(tab.change_button, Qt.MouseButton.LeftButton)
    assert tab.message_label.text() == "The two PINs are not the same."
    assert Settings().check(KIOSK_PIN, "2468")

    _fill_pin_form(qtbot, dialog, "2468", "1357", "1357")
    qtbot.mouseClick(tab.change_button, Qt.MouseButton.LeftButton)
    assert tab.done_label.isVisible() and not tab.message_label.isVisible()
    restarted = Settings()
    assert restarted.check(KIOSK_PIN, "1357") and not restarted.check(KIOSK_PIN, "2468")
    assert "1357" not in paths.settings_file().read_text(encoding="utf-8")
    assert (tab.current_edit.text(), tab.new_edit.text(), tab.repeat_edit.text()) == ("", "", "")


def test_the_pin_is_changed_with_the_keyboard_alone(qtbot: QtBot) -> None:
    Settings().set(KIOSK_PIN, "2468")
    dialog = _dialog(qtbot)
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # the Kiosk tab
    qtbot.waitUntil(dialog.kiosk.isVisible, timeout=20_000)
    qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # C&urrent PIN
    tab = dialog.kiosk
    wait_focus(qtbot, tab.current_edit)
    qtbot.keyClicks(tab.current_edit, "2468")
    qtbot.keyClick(tab.current_edit, Qt.Key.Key_Tab)
    wait_focus(qtbot, tab.new_edit)
    qtbot.keyClicks(tab.new_edit, "9753")
    qtbot.keyClick(tab.new_edit, Qt.Key.Key_Tab)
    wait_focus(qtbot, tab.repeat_edit)
    qtbot.keyClicks(tab.repeat_edit, "9753")
    qtbot.keyClick(tab.repeat_edit, Qt.Key.Key_Return)
    assert Settings().check(KIOSK_PIN, "9753")
    assert dialog.isVisible()  # Enter in the form changed the PIN; it did not close the dialog


def test_a_first_pin_needs_no_current_one(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    _click_tab(qtbot, dialog, dialog.kiosk)
    tab = dialog.kiosk
    assert not tab.current_edit.isVisible() and "No kiosk PIN yet" in tab.status_label.text()
    _fill_pin_form(qtbot, dialog, "", "12", "12")
    qtbot.mouseClick(tab.change_button, Qt.MouseButton.LeftButton)
    assert "at least 4" in tab.message_label.text()
    _fill_pin_form(qtbot, dialog, "", "4321", "4321")
    qtbot.mouseClick(tab.change_button, Qt.MouseButton.LeftButton)
    assert Settings().check(KIOSK_PIN, "4321")
    assert tab.current_edit.isVisible() and tab.status_label.text() == "A kiosk PIN is set."


def test_a_locked_kiosk_is_unlocked_with_the_current_pin(qtbot: QtBot) -> None:
    Settings().set(KIOSK_PIN, "2468")
    Settings().set(KIOSK_LOCKED, "2025-05-01T10:02:00+02:00")
    dialog = _dialog(qtbot)
    _click_tab(qtbot, dialog, dialog.kiosk)
    tab = dialog.kiosk
    assert tab.lock_label.isVisible() and "locked itself" in tab.lock_label.text()
    _fill_pin_form(qtbot, dialog, "0000", "", "")
    qtbot.mouseClick(tab.unlock_button, Qt.MouseButton.LeftButton)
    assert Settings().get(KIOSK_LOCKED) and "stays locked" in tab.message_label.text()
    _fill_pin_form(qtbot, dialog, "2468", "", "")
    qtbot.mouseClick(tab.unlock_button, Qt.MouseButton.LeftButton)
    assert Settings().get(KIOSK_LOCKED) == ""
    assert not tab.lock_label.isVisible() and not tab.unlock_button.isVisible()


# -- printing


def test_paper_and_label_stock_become_the_badges_defaults(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_PAPER", "en_GB.UTF-8")
    dialog = _dialog(qtbot)
    _click_tab(qtbot, dialog, dialog.printing)
    tab = dialog.printing
    assert catalog.get("badges").resolved_options()["layout"] == "avery-l4785"

    tab.paper_combo.setFocus()
    qtbot.keyClick(tab.paper_combo, Qt.Key.Key_Down)  # As usual (A4) → A4
    qtbot.keyClick(tab.paper_combo, Qt.Key.Key_Down)  # → US Letter
    assert Settings().get(PAGE_SIZE) == "Letter"
    assert catalog.get("schedule").resolved_options()[catalog.PAGE_SIZE_KEY] == "Letter"
    assert catalog.get("badges").resolved_options()["layout"] == "avery-5392"
    assert "Avery 5392" in tab.stock_combo.itemText(0)  # "the usual one" follows the paper

    wanted = tab.stock_combo.findData("durable-1456-02")
    tab.stock_combo.setFocus()
    for _ in range(wanted):
        qtbot.keyClick(tab.stock_combo, Qt.Key.Key_Down)
    assert Settings().get(LABEL_STOCK) == "durable-1456-02"
    assert catalog.get("badges").resolved_options()["layout"] == "durable-1456-02"
    # Print & export (or the command line) can still choose another for one document.
    assert catalog.get("badges").resolved_options({"layout": "avery-5395"})["layout"] == "avery-5395"


def _print_calibration(qtbot: QtBot, dialog: PreferencesDialog, target: Path) -> bytes:
    box = dialog.printing.calibration
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    box.system_printer = printer
    qtbot.mouseClick(box.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(box.dialog, QPrintDialog), timeout=20_000)
    assert box.dialog is not None
    printer.setOutputFileName(str(target))
    box.dialog.accept()
    qtbot.waitUntil(lambda: box.dialog is None, timeout=20_000)
    assert target.is_file() and len(PdfReader(target).pages) == 1
    assert box.pdf is not None
    return box.pdf


def _applied(pdf: bytes) -> str:
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    return next(line for line in text.splitlines() if line.startswith("Offset applied"))


def test_guided_calibration_prints_the_page_and_corrects_the_printers_shift(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, printers=("Office HP",))
    _click_tab(qtbot, dialog, dialog.printing)
    tab, box = dialog.printing, dialog.printing.calibration
    tab.printer_combo.setCurrentIndex(tab.printer_combo.findText("Office HP"))
    assert "uses the one for any other printer" in tab.shift_note.text()

    first = _print_calibration(qtbot, dialog, tmp_path / "first.pdf")
    assert _applied(first) == "Offset applied: x +0.0 mm, y +0.0 mm"
    assert "Preferences" in PdfReader(io.BytesIO(first)).pages[0].extract_text()
    # The outlines landed 1.5 mm right of the labels and 0.8 mm below them.
    _type_into(qtbot, box.right_spin, "1.5")
    _type_into(qtbot, box.down_spin, "0.8")
    qtbot.mouseClick(box.correct_button, Qt.MouseButton.LeftButton)

    assert labels.read_offsets(Settings().get(PRINT_OFFSETS)) == {"Office HP": (-1.5, 0.8)}
    assert "“Office HP” now shift badges 1.5 mm left and 0.8 mm up" in box.result_label.text()
    assert (tab.x_spin.value(), tab.y_spin.value()) == (-1.5, 0.8)
    assert (box.right_spin.value(), box.down_spin.value()) == (0.0, 0.0)
    second = _print_calibration(qtbot, dialog, tmp_path / "second.pdf")
    assert _applied(second) == "Offset applied: x -1.5 mm, y +0.8 mm"
    # The badges printed for that printer are shifted so.
    assert labels.printer_offset("Office HP") == pytest.approx((-1.5 * 72 / 25.4, 0.8 * 72 / 25.4))


def test_a_measurement_that_cannot_be_right_is_refused_and_nothing_saved(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    _click_tab(qtbot, dialog, dialog.printing)
    box = dialog.printing.calibration
    Settings().set(PRINT_OFFSETS, json.dumps({"*": [-15.0, 0]}))
    _type_into(qtbot, box.right_spin, "18")
    qtbot.mouseClick(box.correct_button, Qt.MouseButton.LeftButton)
    assert box.error_label.isVisible() and "more than 30 mm" in box.error_label.text()
    assert labels.read_offsets(Settings().get(PRINT_OFFSETS)) == {"*": (-15.0, 0.0)}


def test_a_printers_shift_is_typed_and_forgotten(qtbot: QtBot) -> None:
    Settings().set(PRINT_OFFSETS, json.dumps({"*": [0.5, 0]}))
    dialog = _dialog(qtbot)
    _click_tab(qtbot, dialog, dialog.printing)
    tab = dialog.printing
    assert (tab.x_spin.value(), tab.y_spin.value()) == (0.5, 0.0)
    _type_into(qtbot, tab.printer_combo, "Label printer")
    _type_into(qtbot, tab.y_spin, "-1.2")
    assert labels.read_offsets(Settings().get(PRINT_OFFSETS)) == {"*": (0.5, 0.0), "Label printer": (0.5, -1.2)}
    assert tab.forget_button.isEnabled()
    qtbot.mouseClick(tab.forget_button, Qt.MouseButton.LeftButton)
    assert labels.read_offsets(Settings().get(PRINT_OFFSETS)) == {"*": (0.5, 0.0)}
    assert tab.printer_combo.currentText() == "Label printer" and tab.y_spin.value() == 0.0


# -- folders


def test_the_folders_in_use_are_shown_and_opened(qtbot: QtBot) -> None:
    opened: list[QUrl] = []
    dialog = _dialog(qtbot, opened)
    _click_tab(qtbot, dialog, dialog.folders)
    tab = dialog.folders
    expected = {"data": paths.data_dir(), "config": paths.config_dir(), "logs": paths.log_dir(),
                "backups": paths.backup_dir()}
    for key, folder in expected.items():
        edit = tab.path_edits[key]
        assert isinstance(edit, QLineEdit) and edit.isReadOnly() and Path(edit.text()) == folder
    qtbot.mouseClick(tab.open_buttons["logs"], Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [paths.log_dir()]
    assert not tab.error_label.isVisible()


def test_a_folder_that_cannot_be_opened_gives_its_path(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(audio_probe=lambda: SPEAKERS, printers=(), open_url=lambda _url: False)
    qtbot.addWidget(dialog)
    dialog.show()
    _click_tab(qtbot, dialog, dialog.folders)
    qtbot.mouseClick(dialog.folders.open_buttons["backups"], Qt.MouseButton.LeftButton)
    assert dialog.folders.error_label.isVisible()
    assert str(paths.backup_dir()) in dialog.folders.error_label.text()


def test_every_control_of_each_tab_is_reached_with_tab(qtbot: QtBot) -> None:
    Settings().set(KIOSK_PIN, "2468")
    dialog = _dialog(qtbot)
    activate(qtbot, dialog)
    for tab in (dialog.general, dialog.kiosk, dialog.printing, dialog.folders):
        _click_tab(qtbot, dialog, tab)
        wanted = {w for w in tab.findChildren(QWidget)
                  if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                  and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))}
        reached: set[QWidget] = set()
        for _ in range(60):
            qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
            focused = dialog.focusWidget()
            if focused is not None:
                reached.add(focused)
        assert wanted <= reached, [w.objectName() or w.accessibleName() for w in wanted - reached]
