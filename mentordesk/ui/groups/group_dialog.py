"""Make a group by hand, or change one: name, kind, topic, where it meets, a description."""

from __future__ import annotations

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
from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.groups.dialog_parts import choice_combo, error_label, form_layout, save_cancel_buttons, show_error
from mentordesk.ui.widgets.group_labels import KIND_LABELS
from mentordesk.ui.widgets.naming import named, with_buddy

KIND_HINTS = {
    GroupKind.GROUP: "A mentor with several mentees.",
    GroupKind.ONE_ON_ONE: "One mentor, one mentee.",
    GroupKind.PEER_CIRCLE: "Peers who mentor each other; nobody leads.",
    GroupKind.REVERSE: "A junior person mentors a senior one (e.g. on new tools).",
}


class GroupDialog(QDialog):
    #: The group's id, once saved.
    saved = Signal(int)

    def __init__(self, store: EventStore, parent: QWidget | None = None, *, group_id: int | None = None) -> None:
        super().__init__(parent)
        self.store = store
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
        if group_id is not None:
            with store.read_session() as session:
                details = svc.get_group(session, group_id)
            self.name_edit.setText(details.name)
            self.kind_combo.setCurrentIndex(list(KIND_LABELS).index(details.kind))
            self.topic_edit.setText(details.topic)
            self.location_edit.setText(details.location)
            self.description_edit.setPlainText(details.description)
        self._connect_signals()
        self._on_kind_combo_changed()
        self.resize(440, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    @property
    def kind(self) -> GroupKind:
        return GroupKind(self.kind_combo.currentData())

    def save(self) -> int | None:
        topic, description = self.topic_edit.text(), self.description_edit.toPlainText()
        location = self.location_edit.text()
        try:
            with self.store.session() as session:
                if self.group_id is None:
                    group_id = svc.create_group(session, self.store.event_id, self.name_edit.text(), self.kind,
                                                topic=topic, description=description, location=location)
                else:
                    group_id = self.group_id
                    svc.rename_group(session, group_id, self.name_edit.text())
                    svc.update_group(session, group_id, kind=self.kind, topic=topic, description=description,
                                     location=location)
        except svc.GroupError as error:
            show_error(self.error_label, str(error))
            self.name_edit.setFocus()
            return None
        self.saved.emit(group_id)
        self.accept()
        return group_id

    def _on_kind_combo_changed(self, *_args: object) -> None:
        self.kind_hint.setText(KIND_HINTS[self.kind])

    def _on_buttons_accepted(self) -> None:
        self.save()
