"""The question asked before unsaved edits would be lost: Save, Discard or Cancel.

The buttons say what they do ("Save changes", "Discard changes", "Keep editing"), with mnemonics;
Enter saves, Esc keeps editing. The box has an object name so tests (and the window) can find it.
"""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

from mentordesk.ui.widgets.naming import named

BOX_NAME = "unsavedChangesBox"


class LeaveAnswer(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_about_unsaved_changes(parent: QWidget | None, question: str, detail: str) -> LeaveAnswer:
    """Ask ``question`` (what would be lost) with ``detail``; blocks until answered."""
    buttons = QMessageBox.StandardButton
    box = named(QMessageBox(QMessageBox.Icon.Question, "Unsaved changes", question,
                            buttons.Save | buttons.Discard | buttons.Cancel, parent), BOX_NAME)
    box.setInformativeText(detail)
    for standard, text in ((buttons.Save, "&Save changes"), (buttons.Discard, "&Discard changes"),
                           (buttons.Cancel, "&Keep editing")):
        button = box.button(standard)
        button.setText(text)
        button.setAccessibleName(text.replace("&", ""))
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    box.exec()
    clicked = box.standardButton(box.clickedButton()) if box.clickedButton() is not None else buttons.Cancel
    box.deleteLater()
    if clicked == buttons.Save:
        return LeaveAnswer.SAVE
    if clicked == buttons.Discard:
        return LeaveAnswer.DISCARD
    return LeaveAnswer.CANCEL
