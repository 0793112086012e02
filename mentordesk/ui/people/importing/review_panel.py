"""The heart of the import dialog: how the file was read, its column mapping and a live preview.

Every column of the file gets a drop-down of the fields it can feed (or Ignore); the preview
underneath is re-read through ``services.importing.preview`` whenever the mapping or the role
choice changes, so it always shows exactly what Import would do with the first rows.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import Role
from mentordesk.services.importing import ColumnMapping, Field, Table, preview
from mentordesk.ui.itemmodels.import_mapping_model import (
    FIELD_ROLE,
    IGNORE_LABEL,
    ColumnMappingModel,
    MappingColumn,
)
from mentordesk.ui.itemmodels.import_preview_model import ImportPreviewModel, PreviewColumn
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import set_up_table

#: Rows read for the preview; enough to judge a mapping, few enough to read on every change.
PREVIEW_ROWS = 5
FROM_FILE_LABEL = "From the file"
MAX_PREVIEW_COLUMN_PX = 260

NO_NAME_TEXT = (
    "No column is imported as a name. Choose Full name, or First name and Last name, "
    "for the columns that hold the names."
)
NO_ROLE_TEXT = (
    "No column says who is a mentor or a mentee. Choose Role or Ticket type for such a column, "
    "or choose the role of everyone in this file."
)
NO_EMAIL_TEXT = (
    "No column is imported as E-mail. That is fine, but e-mail addresses are the surest way to "
    "recognise people when an updated file is imported later."
)


class FieldChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the fields (and Ignore) for the Import as column, always open."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        combo.addItem(IGNORE_LABEL, "")
        combo.setItemData(0, "This column is not imported", Qt.ItemDataRole.ToolTipRole)
        for field in Field:
            combo.addItem(field.label, field.value)
            combo.setItemData(combo.count() - 1, field.hint, Qt.ItemDataRole.ToolTipRole)
        header = index.model().index(index.row(), MappingColumn.HEADER).data()
        combo.setAccessibleName(f"Import column “{header}” as")
        # Committed on every change: the preview follows the choice at once, not when focus leaves.
        combo.currentIndexChanged.connect(lambda _i, editor=combo: self.commitData.emit(editor))
        return combo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.parent()
        if not isinstance(watched, QComboBox) or not isinstance(view, QAbstractItemView):
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            # Scrolling through the list must not change the field of every column on the way past.
            QCoreApplication.sendEvent(view.viewport(), event)
            return True
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Tab, Qt.Key.Key_Backtab
        ):
            # Tab walks from one drop-down to the next (the default would only move the table's
            # current cell), and on out of the list after the last one.
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            row = view.indexAt(watched.geometry().center()).row()
            target = view.model().index(row + (1 if forward else -1), MappingColumn.FIELD)
            editor = view.indexWidget(target) if target.isValid() else None
            if editor is not None:
                view.scrollTo(target)
                editor.setFocus(Qt.FocusReason.TabFocusReason)
            else:
                _focus_past(view, forward)
            return True
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            position = max(editor.findData(index.data(FIELD_ROLE) or ""), 0)
            # Showing the model's value is not a choice by the user: nothing to commit back.
            with QSignalBlocker(editor):
                editor.setCurrentIndex(position)
            editor.setToolTip(editor.itemData(position, Qt.ItemDataRole.ToolTipRole))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            editor.setToolTip(editor.itemData(editor.currentIndex(), Qt.ItemDataRole.ToolTipRole))
            model.setData(index, editor.currentData(), FIELD_ROLE)


class ReviewPanel(QWidget):
    #: Whether what is chosen can be imported (a name column, and a role from the file or chosen).
    ready_changed = Signal(bool)
    choose_other_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None
        self._ready = False
        self.mapping_model = ColumnMappingModel(self)
        self.preview_model = ImportPreviewModel(self)

        self.file_label = named(QLabel(""), "sectionTitle")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.format_label = named(QLabel(""), "pageSubtitle")
        self.format_label.setWordWrap(True)
        self.choose_other_button = QPushButton("Choose another file…")
        file_text = QVBoxLayout()
        file_text.setSpacing(2)
        file_text.addWidget(self.file_label)
        file_text.addWidget(self.format_label)

        self.role_combo = named(QComboBox(), "importRole")
        self.role_combo.addItem(FROM_FILE_LABEL, None)
        for role in (Role.MENTOR, Role.MENTEE, Role.FACILITATOR):
            self.role_combo.addItem(f"Everyone is a {ROLE_LABELS[role].lower()}", role)
        self.role_combo.setToolTip("Use the file’s Role or Ticket type column, or give everyone in the file one role")
        role_label = QLabel("&Role:")
        role_label.setBuddy(self.role_combo)
        role_label.setFixedHeight(self.role_combo.sizeHint().height())  # level with the drop-down's text
        # One row for the file and the choices about the whole file, so the column list keeps
        # as much height as possible in a small window.
        file_row = QHBoxLayout()
        file_row.setSpacing(8)
        file_row.addLayout(file_text, 1)
        file_row.addWidget(role_label, 0, Qt.AlignmentFlag.AlignTop)
        file_row.addWidget(self.role_combo, 0, Qt.AlignmentFlag.AlignTop)
        file_row.addSpacing(8)
        file_row.addWidget(self.choose_other_button, 0, Qt.AlignmentFlag.AlignTop)

        self.mapping_view = named(QTableView(), "mappingTable")
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.setItemDelegateForColumn(MappingColumn.FIELD, FieldChoiceDelegate(self.mapping_view))
        self.mapping_view.setAccessibleName("Columns of the file and what they are imported as")
        set_up_table(self.mapping_view, short_columns=None, row_heights=QHeaderView.ResizeMode.Interactive)
        self.mapping_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Tab goes from one column's drop-down to the next rather than from cell to cell.
        self.mapping_view.setTabKeyNavigation(False)
        # Rows tall enough for the drop-downs that sit in them.
        self.mapping_view.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 6)
        mapping_header = self.mapping_view.horizontalHeader()
        mapping_header.setSectionResizeMode(MappingColumn.HEADER, QHeaderView.ResizeMode.Stretch)
        mapping_header.setSectionResizeMode(MappingColumn.EXAMPLE, QHeaderView.ResizeMode.Stretch)
        mapping_header.setSectionResizeMode(MappingColumn.FIELD, QHeaderView.ResizeMode.Fixed)
        mapping_header.resizeSection(MappingColumn.FIELD, 230)

        self.preview_view = named(QTableView(), "previewTable")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setAccessibleName("Preview of the first rows as they will be imported")
        set_up_table(self.preview_view, short_columns=None, row_heights=QHeaderView.ResizeMode.Interactive)
        preview_header = self.preview_view.horizontalHeader()
        preview_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        preview_header.setStretchLastSection(True)
        # Tall enough for every preview row; the column list takes the rest and scrolls.
        self.preview_view.setMinimumHeight(
            self.preview_view.verticalHeader().defaultSectionSize() * PREVIEW_ROWS
            + preview_header.sizeHint().height()
            + self.preview_view.horizontalScrollBar().sizeHint().height()
            + 2 * self.preview_view.frameWidth()
        )
        self.mapping_view.setMinimumHeight(4 * self.mapping_view.verticalHeader().defaultSectionSize())

        self.mapping_title = named(QLabel("Columns"), "sectionTitle")
        self.preview_title = named(QLabel("Preview"), "sectionTitle")
        self.preview_hint = named(QLabel(""), "pageSubtitle")
        mapping_hint = named(QLabel("What each column of the file holds."), "pageSubtitle")
        mapping_box = _titled(self.mapping_title, mapping_hint, self.mapping_view)
        preview_box = _titled(self.preview_title, self.preview_hint, self.preview_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(mapping_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)

        self.problem_label = named(QLabel(""), "inlineError")
        self.problem_label.setWordWrap(True)
        self.note_label = named(QLabel(""), "pageSubtitle")
        self.note_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(file_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.note_label)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.mapping_model.mapping_changed.connect(self._on_mapping_model_mapping_changed)
        self.mapping_model.modelReset.connect(self._on_mapping_model_model_reset)
        self.role_combo.currentIndexChanged.connect(self._on_role_combo_current_index_changed)
        self.choose_other_button.clicked.connect(self.choose_other_requested)

    # -- state

    @property
    def mapping(self) -> ColumnMapping:
        return self.mapping_model.mapping

    @property
    def role(self) -> Role | None:
        """The role given to everyone in the file, or None to read it from the file."""
        # Qt hands item data back as a plain str: make it a Role again.
        data = self.role_combo.currentData()
        return Role(data) if data else None

    @property
    def ready(self) -> bool:
        return self._ready

    def show_table(self, table: Table, mapping: ColumnMapping) -> None:
        self.table = table
        rows = len(table.rows)
        self.file_label.setText(table.source_name)
        self.file_label.setToolTip(table.source_name)
        self.format_label.setText(
            f"{table.describe_format()} · {rows} {'row' if rows == 1 else 'rows'} · "
            f"{table.width} columns, header on line {table.header_line}"
        )
        self.role_combo.blockSignals(True)
        self.role_combo.setCurrentIndex(0)
        self.role_combo.blockSignals(False)
        self.mapping_model.set_table(table, mapping)
        self._refresh()

    def set_field(self, column: int, field: Field | None) -> None:
        """Map a column of the file to a field (None: ignore it), as its drop-down does."""
        self.mapping_model.set_field(column, field)

    def set_role(self, role: Role | None) -> None:
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(role), 0))

    def field_combo(self, column: int) -> QComboBox:
        """The drop-down of a column of the file (for keyboard users it is also in the tab order)."""
        editor = self.mapping_view.indexWidget(self.mapping_model.index(column, MappingColumn.FIELD))
        assert isinstance(editor, QComboBox)
        return editor

    # -- slots

    def _on_mapping_model_mapping_changed(self, _mapping: ColumnMapping) -> None:
        self._refresh()

    def _on_mapping_model_model_reset(self) -> None:
        for row in range(self.mapping_model.rowCount()):
            self.mapping_view.openPersistentEditor(self.mapping_model.index(row, MappingColumn.FIELD))

    def _on_role_combo_current_index_changed(self, _index: int) -> None:
        self._refresh()

    # -- helpers

    def _refresh(self) -> None:
        table, mapping, role = self.table, self.mapping, self.role
        if table is None:
            return
        readings = preview(table, mapping, role, limit=PREVIEW_ROWS) if mapping.has_name else ()
        self.preview_model.set_rows(readings)
        for column in PreviewColumn:
            hidden = bool(column.fields) and not any(field in mapping.fields for field in column.fields)
            self.preview_view.setColumnHidden(column, hidden)
        self.preview_view.resizeColumnsToContents()
        header = self.preview_view.horizontalHeader()
        for column in PreviewColumn:
            # Long values (a skip reason, a list of topics) are elided; the tooltip has them whole.
            header.resizeSection(column, min(header.sectionSize(column), MAX_PREVIEW_COLUMN_PX))
        if mapping.has_name:
            shown = len(readings)
            self.preview_hint.setText(
                f"The first {shown} of {len(table.rows)} rows, as they will be imported."
                if shown < len(table.rows) else "Every row of the file, as it will be imported."
            )
        else:
            self.preview_hint.setText("Nothing to preview until a column is imported as a name.")

        problems = []
        if not mapping.has_name:
            problems.append(NO_NAME_TEXT)
        if not mapping.has_role and role is None:
            problems.append(NO_ROLE_TEXT)
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        missing_email = Field.EMAIL in mapping.missing
        self.note_label.setText(NO_EMAIL_TEXT if missing_email else "")
        self.note_label.setVisible(missing_email)
        ready = not problems
        if ready != self._ready:
            self._ready = ready
            self.ready_changed.emit(ready)


def _focus_past(view: QWidget, forward: bool) -> None:
    """Give the focus to the first widget after (or before) ``view`` and everything inside it."""
    widget = view.nextInFocusChain() if forward else view.previousInFocusChain()
    while widget is not None and widget is not view:
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if tabbable and widget.isVisible() and widget.isEnabled() and not view.isAncestorOf(widget):
            widget.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
            return
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()


def _titled(title: QLabel, hint: QLabel, view: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 4)
    layout.setSpacing(4)
    heading = QHBoxLayout()
    heading.setSpacing(10)
    heading.addWidget(title)
    heading.addWidget(hint, 1)
    layout.addLayout(heading)
    layout.addWidget(view, 1)
    return box
