"""How the Print & export page draws a document in its list: the title, and its description beneath."""

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

from mentordesk.ui.itemmodels.documents_model import DESCRIPTION_ROLE

PADDING = 8
GAP = 2


class DocumentDelegate(QStyledItemDelegate):
    """Title in bold, the description wrapped below in the muted text colour."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        return title, QFont(option.font)

    def _text_width(self) -> int:
        return max(80, self._view.viewport().width() - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        title_font, text_font = self._fonts(option)
        width = self._text_width()
        flags = int(Qt.TextFlag.TextWordWrap)
        title = QFontMetrics(title_font).boundingRect(QRect(0, 0, width, 10_000), flags, index.data() or "")
        description = str(index.data(DESCRIPTION_ROLE) or "")
        height = title.height()
        if description:
            height += GAP + QFontMetrics(text_font).boundingRect(QRect(0, 0, width, 10_000), flags,
                                                                 description).height()
        return QSize(width + 2 * PADDING, height + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else QApplication.style()
        # The background, selection and focus frame as the platform draws them, without the text.
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        active = bool(option.state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        text_colour = palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = palette.color(group,
                              QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        title_font, text_font = self._fonts(option)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(text_colour)
        used = painter.boundingRect(rect, flags, index.data() or "")
        painter.drawText(rect, flags, index.data() or "")
        description = str(index.data(DESCRIPTION_ROLE) or "")
        if description:
            painter.setFont(text_font)
            painter.setPen(muted)
            painter.drawText(rect.adjusted(0, used.height() + GAP, 0, 0), flags, description)
        painter.restore()
