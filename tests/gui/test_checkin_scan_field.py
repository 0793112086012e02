"""The desk's input field on its own: when input is complete, and which keys it passes on."""

from __future__ import annotations

from focus_helpers import FOCUS_TIMEOUT_MS, activate
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.ui.widgets.scan_field import IDLE_MS, SCANNER_GAP_S, ScanField, reads_as_code_or_email

HUMAN_DELAY_MS = round(SCANNER_GAP_S * 1000) + 40


def _field(qtbot: QtBot) -> tuple[QWidget, ScanField]:
    holder = QWidget()
    field = ScanField(holder)
    QVBoxLayout(holder).addWidget(field)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    activate(qtbot, holder)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=FOCUS_TIMEOUT_MS)
    return holder, field


def test_what_reads_as_complete_input() -> None:
    assert reads_as_code_or_email("K7M2QX9P")
    assert reads_as_code_or_email(" k7m2-qx9p ")
    assert reads_as_code_or_email("zoe@example.org")
    assert not reads_as_code_or_email("zoe@example")  # not finished yet
    assert not reads_as_code_or_email("K7M2QX9")
    assert not reads_as_code_or_email("Zoë Šimůnek")
    assert not reads_as_code_or_email("")


def test_a_burst_settles_after_the_idle_time_as_a_scanner(qtbot: QtBot) -> None:
    _holder, field = _field(qtbot)
    with qtbot.waitSignal(field.settled, timeout=IDLE_MS * 5) as settled:
        qtbot.keyClicks(field, "K7M2QX9P")
    assert settled.args == ["K7M2QX9P", False]


def test_slow_typing_settles_as_typed_by_hand(qtbot: QtBot) -> None:
    _holder, field = _field(qtbot)
    with qtbot.waitSignal(field.settled, timeout=IDLE_MS * 5) as settled:
        qtbot.keyClicks(field, "k7m2qx9p", delay=HUMAN_DELAY_MS)
    assert settled.args == ["k7m2qx9p", True]
    assert field.typed_by_hand

    # Typing over the whole (selected) text starts a new input with fresh timing.
    field.selectAll()
    with qtbot.waitSignal(field.settled, timeout=IDLE_MS * 5) as settled:
        qtbot.keyClicks(field, "ZZZZ9999")
    assert settled.args == ["ZZZZ9999", False]


def test_names_never_settle(qtbot: QtBot) -> None:
    _holder, field = _field(qtbot)
    with qtbot.assertNotEmitted(field.settled, wait=IDLE_MS + 200):
        qtbot.keyClicks(field, "zoe sim")


def test_enter_arrows_and_escape_are_passed_on(qtbot: QtBot) -> None:
    _holder, field = _field(qtbot)
    qtbot.keyClicks(field, "K7M2QX9P")
    with qtbot.waitSignal(field.entered) as entered, qtbot.assertNotEmitted(field.settled, wait=IDLE_MS + 200):
        qtbot.keyClick(field, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert entered.args == ["K7M2QX9P"]

    steps: list[int] = []
    field.step_requested.connect(steps.append)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown):
        qtbot.keyClick(field, key)
    assert steps == [1, -1, 5]

    with qtbot.waitSignal(field.escaped):
        qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""


def test_undo_is_left_to_the_screen(qtbot: QtBot) -> None:
    holder, field = _field(qtbot)
    undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), holder,
                     context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
    qtbot.keyClicks(field, "abc")
    with qtbot.waitSignal(undo.activated, timeout=20_000):
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "abc"
