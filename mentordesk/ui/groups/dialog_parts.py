"""The pieces the Groups dialogs build their forms from: date fields, a session's "when" row, combos of
labelled choices, the inline error line and the form-over-buttons layout.

Each piece is set up the same way wherever it stands, so a date field, a duration or an error line
looks and behaves alike in every dialog of the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.widgets.naming import named


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(day: date | QDate, display_format: str = "d MMM yyyy") -> QDateEdit:
    """A date field with a calendar to pick from."""
    edit = QDateEdit(day if isinstance(day, QDate) else qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display_format)
    return edit


def choice_combo(labels: Mapping[Any, str]) -> QComboBox:
    """A combo offering each label, carrying its key as the item's data."""
    combo = QComboBox()
    for value, label in labels.items():
        combo.addItem(label, value)
    return combo


class WhenFields:
    """A session's day, start time and length, laid out as one row: "<day> at <time> for <minutes>"."""

    def __init__(self, day: date, at: QTime, minutes: int) -> None:
        self.date_edit = date_edit(day, "ddd d MMM yyyy")
        self.time_edit = QTimeEdit(at)
        self.time_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 600)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setValue(minutes)
        self.duration_spin.setSuffix(" min")
        self.row = QHBoxLayout()
        self.row.addWidget(self.date_edit, 1)
        self.row.addWidget(QLabel("at"))
        self.row.addWidget(self.time_edit)
        self.row.addWidget(QLabel("for"))
        self.row.addWidget(self.duration_spin)


def error_label(*, wrap: bool = True) -> QLabel:
    """The inline error line under a form, hidden until ``show_error``."""
    label = named(QLabel(""), "inlineError")
    label.setWordWrap(wrap)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.show()


def save_cancel_buttons() -> QDialogButtonBox:
    return QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)


def form_layout(dialog: QDialog, form: QFormLayout, error: QLabel, buttons: QDialogButtonBox, *,
                intro: QWidget | None = None) -> QVBoxLayout:
    """Lay ``dialog`` out as (an intro,) the form, the error line and the buttons, top to bottom."""
    layout = QVBoxLayout(dialog)
    if intro is not None:
        layout.addWidget(intro)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return layout
