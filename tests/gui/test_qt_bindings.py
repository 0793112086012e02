"""The Qt bindings keep Python's reference counts straight.

PySide6 6.12.0 on CPython 3.11 dropped one reference to ``None`` on every call of a Qt method
that returns nothing; after a few hundred scans at the desk ``None``'s count reached zero and the
app aborted with "Fatal Python error: none_dealloc". pyproject.toml holds the bindings at a
version without the bug; this test fails on any version that brings it back. (From CPython 3.12
``None`` is immortal and its count never moves, so there the test passes whatever the bindings do
— as does the app.)
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

CALLS = 100_000


class _PlainWidget(QWidget):
    """A Python subclass: the bug struck subclasses too, through their own wrapper type."""


def test_void_qt_calls_leave_the_reference_count_of_none_alone(qtbot: QtBot) -> None:
    label = QLabel()
    field = QLineEdit()
    widget = _PlainWidget()
    timer = QTimer()
    holder = QObject()
    for each in (label, field, widget):
        qtbot.addWidget(each)
    calls = (
        lambda: label.setText("Zoë Šimůnek"),
        lambda: field.setText("MD-7Q2K"),
        lambda: widget.setEnabled(True),
        lambda: timer.setInterval(250),
        lambda: holder.setObjectName("desk"),
    )
    per_kind = CALLS // len(calls)
    before = sys.getrefcount(None)
    for call in calls:
        for _ in range(per_kind):
            call()
    after = sys.getrefcount(None)
    # A handful of references may come and go with the interpreter's own bookkeeping; the bug
    # moved the count by one per call, i.e. by 100,000 here.
    assert abs(after - before) < 100, f"None's reference count moved by {after - before} over {CALLS} Qt calls"
