"""The pages of a PDF as thumbnails: one row per page, its picture rendered when first shown.

Pages are rendered lazily (a long badge run has hundreds of pages, most never scrolled to) and
kept, so scrolling back does not render them again.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument

from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel

#: Longest side of a thumbnail, in logical pixels.
THUMBNAIL_SIZE = 120


class Column(enum.IntEnum):
    PAGE = 0

    @property
    def header(self) -> str:
        return "Page"


class PdfPagesModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[int, ...] = ()
        self._document: QPdfDocument | None = None
        self._pictures: dict[int, QPixmap] = {}
        self.device_pixel_ratio = 1.0

    def set_document(self, document: QPdfDocument | None) -> None:
        self._document = document
        self._pictures = {}
        count = document.pageCount() if document is not None else 0
        self.set_rows(range(count))

    def thumbnail_size(self, page: int) -> QSize:
        if self._document is None:
            return QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE)
        points = self._document.pagePointSize(page)
        longest = max(points.width(), points.height(), 1.0)
        scale = THUMBNAIL_SIZE / longest
        return QSize(max(1, round(points.width() * scale)), max(1, round(points.height() * scale)))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        page = self._row_for(index)
        if page is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Page {page + 1} of {len(self._rows)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(page)
        if role == Qt.ItemDataRole.SizeHintRole:
            size = self.thumbnail_size(page)
            return QSize(THUMBNAIL_SIZE + 16, size.height() + 28)
        return None

    def _icon(self, page: int) -> QIcon:
        picture = self._picture(page)
        icon = QIcon()
        # The same picture when selected: the list marks the selection below it, untinted.
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
            icon.addPixmap(picture, mode)
        return icon

    def _picture(self, page: int) -> QPixmap:
        picture = self._pictures.get(page)
        if picture is None and self._document is not None:
            size = self.thumbnail_size(page)
            ratio = self.device_pixel_ratio
            image = self._document.render(page, QSize(round(size.width() * ratio), round(size.height() * ratio)))
            # Pages are transparent where nothing is drawn: put them on white paper.
            paper = QImage(image.size(), QImage.Format.Format_RGB32)
            paper.fill(QColor("white"))
            painter = QPainter(paper)
            painter.drawImage(0, 0, image)
            painter.setPen(QColor("#9aa0a6"))
            painter.drawRect(0, 0, paper.width() - 1, paper.height() - 1)
            painter.end()
            picture = QPixmap.fromImage(paper)
            picture.setDevicePixelRatio(ratio)
            self._pictures[page] = picture
        return picture if picture is not None else QPixmap()
