"""The look of the app: window icon, page icons and the stylesheet, all from ``resources/``.

The stylesheet only styles widgets that name themselves (``objectName``) so that the platform's
own style keeps drawing everything else, including dark mode.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mentordesk import paths

#: Sizes rendered from ``resources/icons/mentordesk.svg`` as PNG, so the window icon needs no
#: SVG plug-in and stays sharp in task bars and window switchers.
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
STYLESHEET = "mentordesk.qss"


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    for size in APP_ICON_SIZES:
        png = paths.resource("icons", f"mentordesk-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        icon = QIcon(str(paths.resource("icons", "mentordesk.svg")))
    return icon


@cache
def page_icon(name: str) -> QIcon:
    """A sidebar icon from ``resources/icons/pages/<name>.svg`` (an empty icon if missing)."""
    return QIcon(str(paths.resource("icons", "pages", f"{name}.svg")))


def stylesheet() -> str:
    try:
        return paths.resource("styles", STYLESHEET).read_text(encoding="utf-8")
    except OSError:
        # A missing stylesheet makes the app plainer, not unusable.
        return ""


def apply(app: QApplication) -> None:
    app.setWindowIcon(app_icon())
    app.setStyleSheet(stylesheet())
