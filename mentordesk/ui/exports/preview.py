"""The preview of a made document inside the app: page thumbnails beside the pages, with zoom.

The PDF is read from memory (a QBuffer over the bytes the document produced), so nothing is
written to disk until the user saves or prints. Qt's PDF module (PDFium) renders it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QPointF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.itemmodels.pdf_pages_model import THUMBNAIL_SIZE, PdfPagesModel
from mentordesk.ui.widgets.naming import named

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.1, 8.0)
#: Below this width the preview drops its thumbnails column.
NARROWEST_WITH_THUMBNAILS = 520


class PdfPreview(QWidget):
    """Shows one PDF; ``load_bytes`` replaces it, ``clear`` empties the view."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPreview")
        self.document = QPdfDocument(self)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        self._build()
        self._connect_signals()
        self._set_tools_enabled(False)

    def _build(self) -> None:
        self.fit_width_button = self._tool("Fit width", "Fit the page width to the window")
        self.fit_page_button = self._tool("Whole page", "Show whole pages")
        self.zoom_out_button = self._tool("−", "Zoom out (Ctrl+−)")
        self.zoom_in_button = self._tool("+", "Zoom in (Ctrl++)")
        self.zoom_label = named(QLabel(""), "pageSubtitle")
        self.page_label = named(QLabel(""), "pageSubtitle")
        tools = QHBoxLayout()
        tools.setSpacing(4)
        for button in (self.fit_width_button, self.fit_page_button, self.zoom_out_button, self.zoom_in_button):
            tools.addWidget(button)
        tools.addWidget(self.zoom_label)
        tools.addStretch(1)
        tools.addWidget(self.page_label)

        self.pages_model = PdfPagesModel(self)
        self.thumbnails = named(QListView(), "exportThumbnails")
        self.thumbnails.setModel(self.pages_model)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumbnails.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        self.thumbnails.setSpacing(4)
        self.thumbnails.setFixedWidth(THUMBNAIL_SIZE + 40)
        self.thumbnails.setAccessibleName("Pages")

        self.view = QPdfView(self)
        self.view.setObjectName("exportPdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setAccessibleName("Preview")

        pages = QHBoxLayout()
        pages.setSpacing(8)
        pages.addWidget(self.thumbnails)
        pages.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(tools)
        layout.addLayout(pages, 1)
        self.zoom_in_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self,
                                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.zoom_out_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self,
                                           context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    def _connect_signals(self) -> None:
        self.fit_width_button.clicked.connect(self._on_fit_width_button_clicked)
        self.fit_page_button.clicked.connect(self._on_fit_page_button_clicked)
        self.zoom_in_button.clicked.connect(self._on_zoom_in_button_clicked)
        self.zoom_out_button.clicked.connect(self._on_zoom_out_button_clicked)
        self.zoom_in_shortcut.activated.connect(self._on_zoom_in_button_clicked)
        self.zoom_out_shortcut.activated.connect(self._on_zoom_out_button_clicked)
        self.view.zoomFactorChanged.connect(self._on_view_zoom_factor_changed)
        self.view.zoomModeChanged.connect(self._on_view_zoom_factor_changed)
        self.view.pageNavigator().currentPageChanged.connect(self._on_navigator_current_page_changed)
        self.thumbnails.clicked.connect(self._on_thumbnails_clicked)
        self.thumbnails.activated.connect(self._on_thumbnails_clicked)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # In a small window the page itself matters more than the thumbnails beside it.
        self.thumbnails.setVisible(event.size().width() >= NARROWEST_WITH_THUMBNAILS)

    # -- what the preview offers

    @property
    def first_tab_stop(self) -> QWidget:
        """Where Tab enters the preview (its tools, then the thumbnails and the pages follow)."""
        return self.fit_width_button

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def load_bytes(self, data: bytes) -> bool:
        """Show the PDF ``data``; False (and an empty view) if Qt cannot read it."""
        self.clear()
        self._bytes = QByteArray(data)
        # The buffer must outlive the document's use of it: it is kept until the next load.
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.clear()
            return False
        self.pages_model.device_pixel_ratio = self.devicePixelRatioF()
        self.pages_model.set_document(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().jump(0, QPointF(), 0)
        self._set_tools_enabled(True)
        self._show_page(0)
        self._update_zoom_label()
        return True

    def clear(self) -> None:
        self.pages_model.set_document(None)
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._bytes = QByteArray()
        self._set_tools_enabled(False)
        self.page_label.setText("")
        self.zoom_label.setText("")

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.page_count:
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
            self._show_page(page)

    # -- slots

    def _on_fit_width_button_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _on_fit_page_button_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _on_zoom_in_button_clicked(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def _on_zoom_out_button_clicked(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def _on_view_zoom_factor_changed(self, *_args: object) -> None:
        self._update_zoom_label()

    def _on_navigator_current_page_changed(self, page: int) -> None:
        self._show_page(page)

    def _on_thumbnails_clicked(self, index: QModelIndex) -> None:
        self.go_to_page(index.row())

    # -- helpers

    def _zoom_by(self, factor: float) -> None:
        if not self.page_count:
            return
        current = self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        low, high = ZOOM_RANGE
        self.view.setZoomFactor(min(high, max(low, current * factor)))

    def _effective_zoom(self) -> float:
        """The zoom the view shows now, also in the fitting modes (where zoomFactor is not kept up)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self.page_count:
            return self.view.zoomFactor()
        page = max(0, self.view.pageNavigator().currentPage())
        points = self.document.pagePointSize(page)
        # QPdfView lays a page out at 96 dpi at zoom 1.0 (points are 1/72 inch), minus its margins.
        margins = self.view.documentMargins()
        viewport = self.view.viewport().size()
        width_zoom = (viewport.width() - margins.left() - margins.right()) / max(1.0, points.width() * 96 / 72)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return max(0.05, width_zoom)
        height_zoom = (viewport.height() - margins.top() - margins.bottom()) / max(1.0, points.height() * 96 / 72)
        return max(0.05, min(width_zoom, height_zoom))

    def _update_zoom_label(self) -> None:
        if not self.page_count:
            self.zoom_label.setText("")
            return
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText("Page width")
        elif mode == QPdfView.ZoomMode.FitInView:
            self.zoom_label.setText("Whole page")
        else:
            self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)} %")

    def _show_page(self, page: int) -> None:
        count = self.page_count
        if not count:
            return
        page = min(max(page, 0), count - 1)
        self.page_label.setText(f"Page {page + 1} of {count}")
        index = self.pages_model.index(page, 0)
        if self.thumbnails.currentIndex() != index:
            self.thumbnails.setCurrentIndex(index)
            self.thumbnails.scrollTo(index)
        self.page_changed.emit(page)

    def _set_tools_enabled(self, enabled: bool) -> None:
        for button in (self.fit_width_button, self.fit_page_button, self.zoom_in_button, self.zoom_out_button):
            button.setEnabled(enabled)
