"""Small vector bar charts (reportlab.graphics) for the reports.

Axis labels are digits and times only, so the built-in Helvetica serves; names never go into a
chart (they go through ``fonts``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.pdfgen.canvas import Canvas

from mentordesk.printing import pagekit as kit


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def bar_chart(labels: Sequence[str], values: Sequence[int], width: float, height: float, *,
              x_title: str = "", y_title: str = "") -> Drawing:
    """Bars with whole-number value axis; every label shown unless they would collide."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 30
    chart.width, chart.height = width - 44, height - 44  # type: ignore[assignment]  # the stubs say int; any number works
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.bars[0].fillColor = kit.ACCENT
    chart.bars[0].strokeColor = None
    top = max(values, default=0)
    step = _nice_step(max(top, 1))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-top // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = kit.RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = kit.SHADE
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.strokeColor = kit.RULE
    many = len(labels) > 12
    if many:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dy = -2
    chart.barLabelFormat = "%d" if len(labels) <= 12 else None
    chart.barLabels.fontName = "Helvetica"
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    if x_title:
        drawing.add(String(34 + (width - 44) / 2, 2, x_title, fontName="Helvetica", fontSize=7.5,
                           textAnchor="middle", fillColor=kit.MUTED))
    if y_title:
        drawing.add(String(2, height - 10, y_title, fontName="Helvetica", fontSize=7.5, fillColor=kit.MUTED))
    return drawing


def draw_chart(canvas: Canvas, drawing: Drawing, x: float, y: float) -> None:
    """Place ``drawing`` with its bottom-left corner at (x, y)."""
    renderPDF.draw(drawing, canvas, x, y)
