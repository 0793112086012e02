"""Add or edit one person: the walk-in form of the check-in desk and the People page's editor.

The dialog reads and writes through ``services.roster``, as a query and a change of the
operations layer (``ui/operations.py``); a problem with the input (no name, a bad or taken e-mail
address) is shown inside the dialog, which stays open so nothing typed is lost — as it does when
the file cannot be written (the main window's banner says why). For a walk-in only the name and
role are needed, so those come first and have the focus.

The *Meetings* tab holds what the flash planner honours: for a mentee, the mentors they ask to
meet (first choice first), and for anyone, the people they must not meet. They are picked by name
(``PersonPicker``) from the people the dialog read, and saved with the rest of the form in one
change (``roster.save_person``): all of it is written, or nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import Role
from mentordesk.services import person_links, roster
from mentordesk.services.domain_error import DomainError
from mentordesk.services.person_links import PersonChoice, PersonLinks
from mentordesk.services.roster import LinksInput, PersonDetails, PersonInput
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.widgets.naming import named, with_buddy
from mentordesk.ui.widgets.person_picker import PersonPicker

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ROLE_LABELS = {Role.MENTEE: "Mentee", Role.MENTOR: "Mentor", Role.FACILITATOR: "Facilitator"}


def split_topics(text: str) -> tuple[str, ...]:
    """Topics as typed: separated by commas or semicolons."""
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


class PersonDialog(QDialog):
    """Add a person (``person_id`` None) or edit one; emits ``saved`` with the id when stored."""

    saved = Signal(int)

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        person_id: int | None = None,
        walk_in: bool = False,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._person_id = person_id
        self._walk_in = walk_in
        if person_id is None:
            self.setWindowTitle("Add a walk-in" if walk_in else "Add a person")
        else:
            self.setWindowTitle("Edit person")
        self.setMinimumWidth(520)

        self.first_name_edit = QLineEdit()
        self.first_name_edit.setMaxLength(200)
        self.last_name_edit = QLineEdit()
        self.last_name_edit.setMaxLength(200)
        self.role_combo = QComboBox()
        for role, label in ROLE_LABELS.items():
            self.role_combo.addItem(label, role)
        self.email_edit = QLineEdit()
        self.email_edit.setMaxLength(320)
        self.email_edit.setPlaceholderText("Optional")
        self.organization_edit = QLineEdit()
        self.organization_edit.setMaxLength(300)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(300)
        self.pronouns_edit = QLineEdit()
        self.pronouns_edit.setMaxLength(40)
        self.pronouns_edit.setPlaceholderText("e.g. she/her")
        self.department_edit = QLineEdit()
        self.department_edit.setMaxLength(200)
        self.department_edit.setPlaceholderText("Department, or grade/class for schools")
        self.topics_edit = QLineEdit()
        self.topics_edit.setPlaceholderText("Separate topics with commas, e.g. Careers, Data science")
        self.consent_check = QCheckBox("May share contact details with people they meet")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(70)
        self.badge_label = named(QLabel(""), "badgeCodeLabel")
        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&First name", self.first_name_edit)
        form.addRow("&Last name", self.last_name_edit)
        form.addRow("&Role", self.role_combo)
        form.addRow("&E-mail", self.email_edit)
        form.addRow("&Organisation", self.organization_edit)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Pronouns", self.pronouns_edit)
        form.addRow("&Department", self.department_edit)
        form.addRow("T&opics", self.topics_edit)
        form.addRow("", self.consent_check)
        form.addRow("&Notes", self.notes_edit)
        if person_id is not None:
            form.addRow("Badge code", self.badge_label)

        self.requested_picker = named(PersonPicker(
            "Requested mentors", ranked=True, empty="No requests: the planner chooses their mentors."),
            "requestedMentors")
        self.requested_note = named(QLabel("Only mentees request mentors."), "requestedNote")
        self.requested_note.setWordWrap(True)
        self._requested_by: tuple[PersonChoice, ...] = ()
        self.no_go_picker = named(PersonPicker(
            "Must not meet", ranked=False,
            empty="Nobody listed. Add, say, their manager, so they are never seated together."), "mustNotMeet")
        self.requested_label = with_buddy(QLabel("Re&quested mentors (first choice first)"),
                                          self.requested_picker.field)
        meetings = QWidget()
        meetings_layout = QVBoxLayout(meetings)
        meetings_layout.addWidget(self.requested_label)
        meetings_layout.addWidget(self.requested_picker)
        meetings_layout.addWidget(self.requested_note)
        meetings_layout.addSpacing(8)
        meetings_layout.addWidget(with_buddy(QLabel("M&ust not meet (never at one table)"), self.no_go_picker.field))
        meetings_layout.addWidget(self.no_go_picker)
        meetings_layout.addStretch(1)
        details = QWidget()
        details.setLayout(form)
        self.tabs = named(QTabWidget(), "personTabs")
        self.tabs.addTab(details, "Detail&s")
        self.tabs.addTab(meetings, "&Meetings")
        self.tabs.setAccessibleName("Person")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save_text = "Add and check in" if walk_in and person_id is None else ("Add" if person_id is None else "Save")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._connect_signals()
        self._on_role_changed()
        self.first_name_edit.setFocus()
        event_id = ops.event_id
        if person_id is None:
            ops.query("people.person.choices", lambda session: person_links.people_to_choose(session, event_id),
                      done=self._set_choices, owner=self)
        else:
            # Filled when the person has been read; nothing can be saved over them before that.
            self.save_button.setEnabled(False)

            def read(session: Session) -> tuple[PersonDetails, PersonLinks, list[PersonChoice]]:
                return (roster.get_person(session, person_id), person_links.get_links(session, person_id),
                        person_links.people_to_choose(session, event_id))

            ops.query("people.person.read", read, done=self._on_read, owner=self)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.role_combo.currentIndexChanged.connect(self._on_role_changed)
        self.requested_picker.changed.connect(self._update_tab_title)
        self.no_go_picker.changed.connect(self._update_tab_title)

    def _on_read(self, read: tuple[PersonDetails, PersonLinks, list[PersonChoice]]) -> None:
        details, links, choices = read
        self._on_person_read(details)
        self._set_choices(choices)
        self.requested_picker.set_people(links.requested_mentors)
        self.no_go_picker.set_people(links.must_not_meet)
        self._requested_by = links.requested_by
        self._on_role_changed()

    def _set_choices(self, choices: list[PersonChoice]) -> None:
        others = [choice for choice in choices if choice.id != self._person_id]
        self.requested_picker.set_choices([choice for choice in others if choice.role is Role.MENTOR])
        self.no_go_picker.set_choices(others)

    def _on_role_changed(self) -> None:
        mentee = self.role_combo.currentData() == Role.MENTEE
        for widget in (self.requested_label, self.requested_picker):
            widget.setVisible(mentee)
        self.requested_note.setVisible(not mentee)
        self.requested_note.setText(self._requested_note())
        self._update_tab_title()

    def _requested_note(self) -> str:
        """For someone who is not a mentee: that they request nobody, and who asked for them."""
        askers = self._requested_by
        if not askers:
            return "Only mentees request mentors."
        names = ", ".join(a.name for a in askers[:5]) + (f" and {len(askers) - 5} more" if len(askers) > 5 else "")
        asked = f"Asked for by {len(askers)} mentee{'s' if len(askers) != 1 else ''}: {names}."
        if self.role_combo.currentData() != Role.MENTOR:
            asked += " Those requests count only while this person is a mentor."
        return f"Only mentees request mentors. {asked}"

    def _update_tab_title(self) -> None:
        count = len(self.links().requested_mentor_ids) + len(self.links().must_not_meet_ids)
        self.tabs.setTabText(1, f"&Meetings ({count})" if count else "&Meetings")

    def links(self) -> LinksInput:
        """Requests and pairs as the form shows them (a non-mentee's requests are not kept)."""
        mentee = self.role_combo.currentData() == Role.MENTEE
        return LinksInput(self.requested_picker.ids() if mentee else (), self.no_go_picker.ids())

    def _on_person_read(self, details: PersonDetails) -> None:
        self.save_button.setEnabled(True)
        data = details.data
        self.first_name_edit.setText(data.first_name)
        self.last_name_edit.setText(data.last_name)
        self.role_combo.setCurrentIndex(self.role_combo.findData(data.role))
        self.email_edit.setText(data.email or "")
        self.organization_edit.setText(data.organization)
        self.title_edit.setText(data.title)
        self.pronouns_edit.setText(data.pronouns)
        self.department_edit.setText(data.department)
        self.topics_edit.setText(", ".join(data.topics))
        self.consent_check.setChecked(data.consent_share_contact)
        self.notes_edit.setPlainText(data.notes)
        self.badge_label.setText(details.badge_code)
        for edit in (self.first_name_edit, self.last_name_edit, self.email_edit, self.organization_edit):
            edit.setCursorPosition(0)

    def values(self) -> PersonInput:
        return PersonInput(
            first_name=self.first_name_edit.text(),
            last_name=self.last_name_edit.text(),
            email=self.email_edit.text(),
            # Qt hands the enum back as its plain string value.
            role=Role(self.role_combo.currentData()),
            organization=self.organization_edit.text(),
            title=self.title_edit.text(),
            pronouns=self.pronouns_edit.text(),
            department=self.department_edit.text(),
            topics=split_topics(self.topics_edit.text()),
            consent_share_contact=self.consent_check.isChecked(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def submit(self) -> None:
        """Save what was entered (in the background): ``saved`` and closed when it is written; on
        a problem, say so in the dialog and keep it open."""
        if not self.save_button.isEnabled():
            return  # a save under way, or the person not read yet
        values, links, person_id = self.values(), self.links(), self._person_id
        walk_in, event_id = self._walk_in, self._ops.event_id

        def save(session: Session) -> int:
            return roster.save_person(session, event_id, person_id, values, links, walk_in=walk_in)

        self.save_button.setEnabled(False)
        label = "people.person.add" if person_id is None else "people.person.update"
        self._ops.change(label, save, done=self._on_saved, refused=self._on_refused, failed=self._on_failed,
                         owner=self)

    def _on_saved(self, person_id: int) -> None:
        self.error_label.hide()
        self._person_id = person_id
        self.saved.emit(person_id)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        self.show_error(str(error))

    def _on_failed(self, _failure: Failure) -> None:
        self.save_button.setEnabled(True)

    def _on_buttons_accepted(self) -> None:
        self.submit()
