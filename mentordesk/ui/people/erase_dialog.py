"""The confirmation for erasing a person on request (a privacy request): who, and what goes.

It only asks; the People page erases through ``services.roster`` once the user has ticked the box
that says they understand it cannot be undone. Ticking is asked for rather than typing the name
because names in scripts the desk's keyboard cannot type (田中 博, محمد الحسيني) must be erasable too.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.services.people import PersonRow
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS
from mentordesk.ui.widgets.naming import named

#: What erasure removes, as ``services.roster.erase_person`` documents it.
ERASED_RECORDS = (
    "their name, e-mail address, organisation, topics and every other detail",
    "their badge code and every check-in log entry",
    "mentor requests they made or received, and no-go pairs",
    "rotation seats, group memberships and attendance records",
    "goals, notes and feedback by or about them",
)
NOT_ERASED_TEXT = (
    "Badges and PDFs already printed or saved, and copies of the event file made before now, "
    "are not changed."
)


class EraseDialog(QDialog):
    #: The user confirmed; the id of the person to erase.
    confirmed = Signal(int)

    def __init__(self, person: PersonRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person
        self.setWindowTitle("Erase a person")
        self.setMinimumWidth(480)
        self.setMaximumWidth(640)

        name = escape(person.full_name)
        self.heading = named(QLabel(f"Erase {name} from this event?"), "sectionTitle")
        self.heading.setWordWrap(True)
        details = [ROLE_LABELS.get(person.role, str(person.role))]
        details += [part for part in (person.organization, person.email or "") if part]
        details.append(f"badge {person.badge_code}")
        details.append("arrived" if person.checked_in else "not arrived")
        self.details_label = named(QLabel(" · ".join(details)), "pageSubtitle")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)

        items = "".join(f"<li>{escape(item)}</li>" for item in ERASED_RECORDS)
        self.records_label = QLabel(
            "This is meant for a request to be forgotten. It erases for good, from this event file:"
            f"<ul style='margin-left:-18px'>{items}</ul>"
        )
        self.records_label.setTextFormat(Qt.TextFormat.RichText)
        self.records_label.setWordWrap(True)
        note = named(QLabel(NOT_ERASED_TEXT), "pageSubtitle")
        note.setWordWrap(True)

        # The name is in the heading, not here: a check box does not wrap, and a long name would
        # widen the dialog past a small screen.
        self.understand_check = QCheckBox("I understand that this erases them for good and cannot be undone")
        self.understand_check.setObjectName("eraseConfirm")
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = named(QPushButton("Erase"), "destructiveButton")
        self.erase_button.setEnabled(False)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        # Enter must never erase by accident: Cancel is the default.
        self.cancel_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.details_label)
        layout.addWidget(self.records_label)
        layout.addWidget(note)
        layout.addWidget(self.understand_check)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.understand_check.setFocus()

    def _connect_signals(self) -> None:
        self.understand_check.toggled.connect(self._on_understand_check_toggled)
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def confirm(self) -> bool:
        """Erase, if the box is ticked (what the Erase button does)."""
        if not self.understand_check.isChecked():
            return False
        self.confirmed.emit(self.person.id)
        self.accept()
        return True

    def _on_understand_check_toggled(self, checked: bool) -> None:
        self.erase_button.setEnabled(checked)

    def _on_erase_button_clicked(self) -> None:
        self.confirm()
