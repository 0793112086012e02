"""The options of one document as a form, made from its ``OptionSpec`` list.

Each kind of option gets the editor people expect: a choice a combo box, yes/no a check box, a
number a spin box within the option's bounds, text a line edit; an option whose choices come from
the event (``choices_from``) a :class:`ChoiceCombo`, filled when the page has read the choices
(:meth:`OptionsForm.set_choices`). The form only shows and collects values; what they mean is the
document's business.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.printing.catalog import Choice, ChoicesFrom, OptionSpec
from mentordesk.ui.exports.choice_combo import ChoiceCombo
from mentordesk.ui.widgets.naming import named

Editor = ChoiceCombo | QComboBox | QCheckBox | QSpinBox | QLineEdit


class OptionsForm(QWidget):
    """Editors for a list of options; ``changed`` whenever one of them is edited."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptions")
        self._specs: tuple[OptionSpec, ...] = ()
        self.editors: dict[str, Editor] = {}
        self._filling = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._form_host: QWidget | None = None
        #: Choices read from the event, by the function that reads them (several documents share
        #: one), so a document chosen again shows its list at once while it is read again.
        self._choices: dict[ChoicesFrom, tuple[Choice, ...]] = {}
        self.none_label = named(QLabel("This document has no options."), "pageSubtitle")
        self._layout.addWidget(self.none_label)

    @property
    def specs(self) -> tuple[OptionSpec, ...]:
        return self._specs

    def set_options(self, specs: Sequence[OptionSpec], values: Mapping[str, Any]) -> None:
        """Show editors for ``specs`` holding ``values`` (every option's value, resolved)."""
        if self._form_host is not None:
            self._layout.removeWidget(self._form_host)
            self._form_host.hide()
            self._form_host.deleteLater()
            self._form_host = None
        self._specs = tuple(specs)
        self.editors = {}
        self.none_label.setVisible(not self._specs)
        if not self._specs:
            return
        host = QWidget()
        form = QFormLayout(host)
        form.setContentsMargins(0, 0, 0, 0)
        # Labels above their editors: the form lives in a narrow side column beside the preview.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for spec in self._specs:
            editor = self._editor_for(spec)
            editor.setObjectName(f"option_{spec.key}")
            editor.setAccessibleName(spec.label)
            if spec.help:
                editor.setToolTip(spec.help)
            self.editors[spec.key] = editor
            if isinstance(editor, QCheckBox):
                # The check box says what it does; the label column stays empty, as in a dialog.
                editor.setText(spec.label)
                form.addRow(editor)
            else:
                label = QLabel(f"{spec.label}:")
                label.setBuddy(editor)
                form.addRow(label, editor)
        self._form_host = host
        self._layout.addWidget(host)
        # Shown now rather than on the layout's next pass, so the form's size hint counts it at once.
        host.setVisible(True)
        self.set_values(values)

    def set_values(self, values: Mapping[str, Any]) -> None:
        self._filling = True
        try:
            for spec in self._specs:
                if spec.key in values:
                    _set_value(self.editors[spec.key], values[spec.key])
            self._narrow_choices()
        finally:
            self._filling = False

    def values(self) -> dict[str, Any]:
        return {spec.key: _value_of(spec, self.editors[spec.key]) for spec in self._specs}

    def choice_sources(self) -> list[OptionSpec]:
        """The options on show whose choices are read from the event."""
        return [spec for spec in self._specs if spec.choices_from is not None]

    def set_choices(self, source: ChoicesFrom, choices: tuple[Choice, ...]) -> None:
        """The choices ``source`` read: offered by every option on show that reads from it."""
        self._choices[source] = choices
        before = self.values()
        self._filling = True
        try:
            for spec in self._specs:
                editor = self.editors[spec.key]
                if spec.choices_from is source and isinstance(editor, ChoiceCombo):
                    editor.set_choices(choices)
            self._narrow_choices()
        finally:
            self._filling = False
        # A value the event no longer has fell back to the default: the page must hear of it.
        if self.values() != before:
            self.changed.emit()

    def forget_choices(self) -> None:
        """Another event was opened: the choices read so far are not its own, nor the values chosen."""
        self._choices.clear()
        for spec in self.choice_sources():
            editor = self.editors[spec.key]
            if isinstance(editor, ChoiceCombo):
                editor.reset()

    def _narrow_choices(self) -> None:
        """Offer each narrowed option (a group's sessions) only what belongs to its narrowing value."""
        by_key = {spec.key: spec for spec in self._specs}
        for spec in self._specs:
            editor = self.editors[spec.key]
            parent = by_key.get(spec.choices_within)
            if parent is not None and isinstance(editor, ChoiceCombo):
                editor.set_within(str(_value_of(parent, self.editors[parent.key]) or ""))

    def _editor_for(self, spec: OptionSpec) -> Editor:
        if spec.choices_from is not None:
            chooser = ChoiceCombo("" if spec.default is None else str(spec.default))
            _narrowable(chooser)
            if spec.choices_from in self._choices:
                chooser.set_choices(self._choices[spec.choices_from])
            chooser.currentIndexChanged.connect(self._on_editor_changed)
            chooser.editTextChanged.connect(self._on_editor_changed)
            return chooser
        if spec.kind == "choice":
            combo = QComboBox()
            _narrowable(combo)
            for choice in spec.choices:
                combo.addItem(choice.label, choice.value)
            combo.currentIndexChanged.connect(self._on_editor_changed)
            return combo
        if spec.kind == "bool":
            check = QCheckBox()
            check.toggled.connect(self._on_editor_changed)
            return check
        if spec.kind == "int":
            spin = QSpinBox()
            spin.setRange(spec.minimum, spec.maximum)
            spin.valueChanged.connect(self._on_editor_changed)
            return spin
        edit = QLineEdit()
        edit.textChanged.connect(self._on_editor_changed)
        return edit

    def _on_editor_changed(self, *_args: object) -> None:
        if not self._filling:
            self._filling = True
            try:
                self._narrow_choices()
            finally:
                self._filling = False
            self.changed.emit()


def _narrowable(combo: QComboBox) -> None:
    """A long choice is elided in a narrow column (the list still shows it whole), rather than
    making the form wider than the column and cutting off its right edge."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)


def _set_value(editor: Editor, value: Any) -> None:
    if isinstance(editor, ChoiceCombo):
        editor.set_value(value)
    elif isinstance(editor, QComboBox):
        index = editor.findData(value)
        editor.setCurrentIndex(max(index, 0))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value or 0))
    else:
        editor.setText("" if value is None else str(value))


def _value_of(spec: OptionSpec, editor: Editor) -> Any:
    if isinstance(editor, ChoiceCombo):
        value = editor.value()
        if spec.kind == "int":
            # Whole-number options offered as a list (a rotation by its number) stay numbers.
            return int(value) if value.strip().isdigit() else spec.default
        return value
    if isinstance(editor, QComboBox):
        # Choice values are plain strings (Qt hands an enum back as its str value anyway).
        data = editor.currentData()
        return None if data is None else str(data)
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox):
        return editor.value()
    return editor.text().strip()
