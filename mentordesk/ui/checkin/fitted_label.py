"""A label whose text is as large as it can be while fitting its width in a few lines.

For names on the confirmation panel and the kiosk: "Bo Li" fills the panel, and "Maximilian
Alexander von Hohenberg-Schwarzenfeld" still fits in two lines instead of being cut off. The font
size and weight are set here, so style sheets must not set fonts on these labels (a style sheet
font would be re-applied over the fitted size whenever the label is re-polished); colour is fine.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FittedLabel(QLabel):
    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        largest_pt: float = 34,
        smallest_pt: float = 14,
        max_lines: int = 2,
        bold: bool = True,
        object_name: str = "",
    ) -> None:
        super().__init__(text, parent)
        if object_name:
            self.setObjectName(object_name)
        self._largest = largest_pt
        self._smallest = smallest_pt
        self._max_lines = max_lines
        self.setWordWrap(True)
        font = self.font()
        font.setBold(bold)
        self.setFont(font)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self._fitted_for: tuple[str, int] | None = None

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin()
        key = (self.text(), width)
        if width <= 0 or key == self._fitted_for:
            return
        self._fitted_for = key
        font = self.font()
        size = self._largest
        while size > self._smallest:
            font.setPointSizeF(size)
            metrics = QFontMetrics(font)
            bounds = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, self.text())
            if bounds.width() <= width and bounds.height() <= metrics.lineSpacing() * self._max_lines + 1:
                break
            size -= 2
        font.setPointSizeF(max(size, self._smallest))
        if font != self.font():
            self.setFont(font)
