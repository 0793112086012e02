"""Make a group by hand, or change one: name, kind, topic, where it meets, a description.

A group being changed is read through the operations layer as the dialog opens (Save waits for
it); saving is one change, and the dialog closes once it is written. A refusal (a name already
taken) is said in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import GroupKind
from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.groups.dialog_parts import choice_combo, error_label, form_layout, save_cancel_buttons, show_error
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.widgets.group_labels import KIND_LABELS
from mentordesk.ui.widgets.naming import named, with_buddy

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

KIND_HINTS = {
    GroupKind.GROUP: "A mentor with several mentees.",
    GroupKind.ONE_ON_ONE: "One mentor, one mentee.",
    GroupKind.PEER_CIRCLE: "Peers who mentor each other; nobody leads.",
    GroupKind.REVERSE: "A junior person mentors a senior one (e.g. on new tools).",
}


class GroupDialog(QDialog):
    #: The group's id, once saved.
    saved = Signal(int)

    def __init__(self, ops: Operations, parent: QWidget | None = None, *, group_id: int | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.group_id = group_id
        self.setWindowTitle("Edit group" if group_id else "New group")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.kind_combo = choice_combo(KIND_LABELS)
        self.kind_hint = named(QLabel(""), "pageSubtitle")
        self.kind_hint.setWordWrap(True)
        self.topic_edit = QLineEdit()
        self.topic_edit.setPlaceholderText("e.g. Robotics, Careers in health")
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText("Usual room (each session can differ)")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(70)
        self.error_label = error_label()
        self.buttons = save_cancel_buttons()
        self.save_button = self.buttons.button(self.buttons.StandardButton.Save)
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        kind = QVBoxLayout()
        kind.setSpacing(2)
        kind.addWidget(self.kind_combo)
        kind.addWidget(self.kind_hint)
        form.addRow(with_buddy(QLabel("&Kind"), self.kind_combo), kind)
        form.addRow("&Topic", self.topic_edit)
        form.addRow("&Where", self.location_edit)
        form.addRow("&Description", self.description_edit)
        form_layout(self, form, self.error_label, self.buttons)
        self._connect_signals()
        self._on_kind_combo_changed()
        if group_id is not None:
            # Saving before the group is read would write empty fields over it.
            self.save_button.setEnabled(False)
            ops.query("groups.group.read", lambda s: svc.get_group(s, group_id), done=self._on_group_read,
                      owner=self)
        self.resize(440, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    @property
    def kind(self) -> GroupKind:
        return GroupKind(self.kind_combo.currentData())

    def save(self) -> None:
        """Write the group; ``saved`` says its id once it is written, and the dialog closes."""
        name, kind, topic = self.name_edit.text(), self.kind, self.topic_edit.text()
        description, location = self.description_edit.toPlainText(), self.location_edit.text()
        event_id, group_id = self.ops.event_id, self.group_id

        def work(session: Session) -> int:
            if group_id is None:
                return svc.create_group(session, event_id, name, kind, topic=topic, description=description,
                                        location=location)
            svc.rename_group(session, group_id, name)
            svc.update_group(session, group_id, kind=kind, topic=topic, description=description, location=location)
            return group_id

        self.save_button.setEnabled(False)
        self.ops.change("groups.group.save", work, done=self._on_saved, refused=self._on_refused,
                        failed=self._on_failed, owner=self)

    def _on_group_read(self, details: svc.GroupDetails) -> None:
        self.name_edit.setText(details.name)
        self.kind_combo.setCurrentIndex(list(KIND_LABELS).index(details.kind))
        self.topic_edit.setText(details.topic)
        self.location_edit.setText(details.location)
        self.description_edit.setPlainText(details.description)
        self.save_button.setEnabled(True)

    def _on_saved(self, group_id: int) -> None:
        self.saved.emit(group_id)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        show_error(self.error_label, str(error))
        self.name_edit.setFocus()

    def _on_failed(self, _failure: Failure) -> None:
        self.save_button.setEnabled(True)

    def _on_kind_combo_changed(self, *_args: object) -> None:
        self.kind_hint.setText(KIND_HINTS[self.kind])

    def _on_buttons_accepted(self) -> None:
        self.save()
