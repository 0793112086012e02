"""The options of one document as a form, made from its ``OptionSpec`` list.

Each kind of option gets the editor people expect: a choice a combo box, yes/no a check box, a
number a spin box within the option's bounds, text a line edit. The form only shows and collects
values; what they mean is the document's business.
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

from mentordesk.printing.catalog import OptionSpec

Editor = QComboBox | QCheckBox | QSpinBox | QLineEdit


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
        self.none_label = QLabel("This document has no options.", objectName="pageSubtitle")
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
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
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
                form.addRow("", editor)
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
        finally:
            self._filling = False

    def values(self) -> dict[str, Any]:
        return {spec.key: _value_of(self.editors[spec.key]) for spec in self._specs}

    def _editor_for(self, spec: OptionSpec) -> Editor:
        if spec.kind == "choice":
            combo = QComboBox()
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
            self.changed.emit()


def _set_value(editor: Editor, value: Any) -> None:
    if isinstance(editor, QComboBox):
        index = editor.findData(value)
        editor.setCurrentIndex(max(index, 0))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value or 0))
    else:
        editor.setText("" if value is None else str(value))


def _value_of(editor: Editor) -> Any:
    if isinstance(editor, QComboBox):
        # Choice values are plain strings (Qt hands an enum back as its str value anyway).
        data = editor.currentData()
        return None if data is None else str(data)
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox):
        return editor.value()
    return editor.text().strip()
