"""How the Print & export page draws a document in its list: its title, in bold, with room to click.

The list shares the side column with the options, so it shows titles only; the chosen document's
description is shown above its options (and every description is the item's tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

PADDING = 7


class DocumentDelegate(QStyledItemDelegate):
    """The title in bold, wrapped if the column is narrow."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def _font(option: QStyleOptionViewItem) -> QFont:
        title = QFont(option.font)
        title.setBold(True)
        return title

    def _text_width(self) -> int:
        return max(80, self._view.viewport().width() - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self._text_width()
        flags = int(Qt.TextFlag.TextWordWrap)
        title = QFontMetrics(self._font(option)).boundingRect(QRect(0, 0, width, 10_000), flags, index.data() or "")
        return QSize(width + 2 * PADDING, title.height() + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else QApplication.style()
        # The background, selection and focus frame as the platform draws them, without the text.
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        active = bool(option.state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.save()
        painter.setFont(self._font(option))
        painter.setPen(option.palette.color(group, role))
        painter.drawText(rect, flags, index.data() or "")
        painter.restore()
