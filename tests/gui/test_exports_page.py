"""The Print & export page: documents from the catalog, their options, preview, cancel, save, print.

The document kinds used here are registered by this module (the real ones arrive from their own
modules and are tested there): a small real PDF of a few pages, one that refuses to be made, and
a slow one that reports progress many times. The page, its background build, Qt's PDF module,
the printer and the file writing are all real.
"""

from __future__ import annotations

import errno
import io
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from exports_helpers import open_page
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk import paths
from mentordesk.models import Event
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog
from mentordesk.printing.catalog import (
    Choice,
    DocumentError,
    DocumentKind,
    OptionSpec,
    Progress,
)
from mentordesk.ui import errors
from mentordesk.ui.exports.page import ExportsPage
from mentordesk.ui.tasks import ThreadPoolRunner
from mentordesk.ui.widgets import pdf_output

SLOW_STEPS = 2_000


def _pages_pdf(session: Session, options: Mapping[str, Any], progress: Progress) -> bytes:
    """A real PDF: one line of text per page naming the event, the page and the chosen heading."""
    event_name = session.scalars(select(Event.name)).one()
    buffer = io.BytesIO()
    size = (595.0, 842.0) if options["page_size"] == "A4" else (612.0, 792.0)
    canvas = Canvas(buffer, pagesize=size[::-1] if options["wide"] else size)
    count = options["pages"]
    for page in range(count):
        progress(page, count)
        canvas.setFont("Helvetica", 24)
        canvas.drawString(72, 500, f"{options['heading']} {page + 1} of {count}")
        canvas.setFont("Helvetica", 12)
        canvas.drawString(72, 470, f"Event: {event_name} / ink {options['ink']}{options['only']}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _refuses(_session: Session, _options: Mapping[str, Any], _progress: Progress) -> bytes:
    raise DocumentError("no rotation planned yet")


def _slow(_session: Session, _options: Mapping[str, Any], progress: Progress) -> bytes:
    for step in range(SLOW_STEPS):
        progress(step, SLOW_STEPS)
        time.sleep(0.002)
    return _tiny_pdf()


def _tiny_pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 700, "slow")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


PAGES = DocumentKind(
    key="zz_test_pages",
    title="Test pages",
    description="A few numbered pages, made for the page's tests.",
    build=_pages_pdf,
    options=(
        catalog.PAGE_SIZE_OPTION,
        OptionSpec("pages", "Pages", "int", default=3, minimum=1, maximum=40, help="How many pages"),
        OptionSpec("wide", "Landscape", "bool", default=False),
        OptionSpec("heading", "Heading", "text", default="Page"),
        OptionSpec("ink", "Ink", "choice", default="black",
                   choices=(Choice("black", "Black"), Choice("blue", "Blue ink"))),
        OptionSpec("only", "Only these", "text", default=""),
    ),
    extra={"hidden_options": ("only",)},
    file_stem="test-pages",
    order=9_001,
)
def _breaks(_session: Session, _options: Mapping[str, Any], _progress: Progress) -> bytes:
    raise ZeroDivisionError("a bug in a document")


BREAKS = DocumentKind("zz_test_breaks", "Test bug", "Raises an unexpected error.", _breaks, order=9_004)
REFUSES = DocumentKind("zz_test_refuses", "Test refusal", "Cannot be made yet.", _refuses, order=9_002)
SLOW = DocumentKind("zz_test_slow", "Test slow", "Reports progress many times.", _slow, order=9_003)


@pytest.fixture(autouse=True)
def test_documents(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    catalog.documents()  # the real kinds first, so ours are added to a loaded registry
    for kind in (PAGES, REFUSES, SLOW, BREAKS):
        monkeypatch.setitem(catalog._REGISTRY, kind.key, kind)
    yield


@pytest.fixture
def exports(qtbot: QtBot, store: EventStore) -> ExportsPage:
    return open_page(qtbot, store)


def test_the_list_shows_the_registered_documents_in_order(exports: ExportsPage) -> None:
    keys = [kind.key for kind in exports.model.rows]
    assert keys == [kind.key for kind in catalog.documents()]
    assert keys[-4:] == ["zz_test_pages", "zz_test_refuses", "zz_test_slow", "zz_test_breaks"]
    row = exports.model.row_of("zz_test_pages")
    index = exports.model.index(row, 0)
    assert index.data() == "Test pages"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "A few numbered pages, made for the page's tests."


def test_the_options_form_reflects_the_option_specs(exports: ExportsPage, qtbot: QtBot) -> None:
    assert exports.select_document("zz_test_pages")
    editors = exports.panel.options_form.editors
    assert list(editors) == ["page_size", "pages", "wide", "heading", "ink"]  # "only" is hidden
    size, pages, wide, heading, ink = editors.values()
    assert isinstance(size, QComboBox) and size.currentData() == catalog.default_page_size()
    assert [size.itemData(i) for i in range(size.count())] == ["A4", "Letter"]
    assert isinstance(pages, QSpinBox) and (pages.value(), pages.minimum(), pages.maximum()) == (3, 1, 40)
    assert pages.toolTip() == "How many pages"
    assert isinstance(wide, QCheckBox) and not wide.isChecked() and wide.text() == "Landscape"
    assert isinstance(heading, QLineEdit) and heading.text() == "Page"
    assert isinstance(ink, QComboBox) and ink.currentText() == "Black"
    assert exports.panel.document_title.text() == "Test pages"

    # The choices are remembered per document for the session.
    pages.setValue(7)
    ink.setCurrentIndex(1)
    exports.select_document("zz_test_refuses")
    assert exports.panel.options_form.editors == {}
    assert exports.panel.options_form.none_label.isVisibleTo(exports)
    exports.select_document("zz_test_pages")
    assert exports.chosen_options()["pages"] == 7
    # However little room the side column leaves them, every option can be scrolled to and shown whole.
    for editor in exports.panel.options_form.editors.values():
        exports.panel.options_scroll.ensureWidgetVisible(editor)
        qtbot.waitUntil(lambda shown=editor: shown.visibleRegion().boundingRect().size() == shown.size(),
                        timeout=20_000)
    assert exports.chosen_options()["ink"] == "blue"


def test_preview_builds_the_pdf_and_shows_its_pages(exports: ExportsPage, qtbot: QtBot) -> None:
    exports.select_document("zz_test_pages")
    exports.panel.options_form.editors["pages"].setValue(5)  # type: ignore[union-attr]
    qtbot.mouseClick(exports.panel.preview_button, Qt.MouseButton.LeftButton)

    assert exports.panel.preview.page_count == 5
    assert exports.panel.preview.document.pageCount() == 5
    assert exports.panel.preview_stack.currentWidget() is exports.panel.preview
    assert exports.panel.preview.pages_model.rowCount() == 5
    assert exports.panel.preview.page_label.text() == "Page 1 of 5"
    assert exports.panel.status_label.text() == "5 pages."
    assert exports.pdf is not None
    assert "Page 1 of 5" in PdfReader(io.BytesIO(exports.pdf)).pages[0].extract_text()
    # A thumbnail is a rendered picture of its page.
    icon = exports.panel.preview.pages_model.index(2, 0).data(Qt.ItemDataRole.DecorationRole)
    picture = icon.pixmap(icon.availableSizes()[0])
    assert not picture.isNull() and picture.height() > picture.width()
    assert picture.toImage().pixelColor(picture.width() // 2, 3).name() == "#ffffff"  # white paper
    exports.panel.preview.go_to_page(3)
    assert exports.panel.preview.page_label.text() == "Page 4 of 5"
    exports.panel.preview.zoom_in_button.click()
    assert exports.panel.preview.zoom_label.text().endswith("%")

    # Changing an option makes the preview stale; Print/Save would make it again.
    exports.panel.options_form.editors["heading"].setText("Seite")  # type: ignore[union-attr]
    assert "options changed" in exports.panel.status_label.text()


def test_enter_in_the_list_previews_the_chosen_document(exports: ExportsPage, qtbot: QtBot) -> None:
    exports.select_document("zz_test_pages")
    exports.documents_view.setFocus()
    qtbot.keyClick(exports.documents_view, Qt.Key.Key_Down)
    assert exports.current_kind is not None and exports.current_kind.key == "zz_test_refuses"
    qtbot.keyClick(exports.documents_view, Qt.Key.Key_Up)
    qtbot.keyClick(exports.documents_view, Qt.Key.Key_Return)
    assert exports.panel.preview.page_count == 3


def test_cancel_stops_the_build_and_shows_nothing(exports: ExportsPage) -> None:
    exports.select_document("zz_test_slow")
    seen: list[int] = []

    def press_cancel_midway(value: int) -> None:
        seen.append(value)
        if len(seen) == 10:
            assert exports.panel.cancel_button.isEnabled()
            exports.panel.cancel_button.click()

    exports.panel.progress_bar.valueChanged.connect(press_cancel_midway)
    exports.start_preview()

    # The inline runner has finished by now: the build stopped at its next progress call.
    assert len(seen) == 10
    assert exports.pdf is None
    assert exports.panel.preview.page_count == 0
    assert exports.panel.preview_stack.currentWidget() is not exports.panel.preview
    assert exports.panel.status_label.text() == "Cancelled. Nothing was made."
    assert not exports.panel.progress_host.isVisibleTo(exports)
    assert exports.panel.preview_button.isEnabled()


def test_cancel_from_the_ui_stops_a_background_build(qtbot: QtBot, store: EventStore) -> None:
    page = open_page(qtbot, store, ThreadPoolRunner())
    page.select_document("zz_test_slow")
    page.start_preview()
    assert page.is_building and not page.panel.preview_button.isEnabled()
    qtbot.waitUntil(lambda: page.panel.progress_bar.value() > 0, timeout=20_000)
    qtbot.keyClick(page.documents_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.is_building, timeout=20_000)
    assert page.panel.status_label.text() == "Cancelled. Nothing was made."
    assert page.pdf is None

    # Choosing another document while one is being made abandons it: the new one is shown.
    page.start_preview()
    qtbot.waitUntil(lambda: page.panel.progress_bar.value() > 0, timeout=20_000)
    page.select_document("zz_test_pages")
    assert not page.is_building and page.panel.preview_button.isEnabled()
    page.start_preview()
    qtbot.waitUntil(lambda: page.panel.preview.page_count == 3, timeout=20_000)
    # The abandoned build's outcome arrives too, and is ignored.
    qtbot.waitUntil(lambda: not page._tasks.busy, timeout=20_000)
    assert page.panel.preview.page_count == 3 and page.panel.status_label.text() == "3 pages."


def test_a_document_that_cannot_be_made_says_why(exports: ExportsPage) -> None:
    exports.select_document("zz_test_refuses")
    exports.panel.preview_button.click()
    assert exports.panel.message_label.text() == "Test refusal cannot be made yet: no rotation planned yet"
    assert "Preview again" in exports.panel.message_hint.text()
    assert exports.panel.preview_stack.currentWidget() is exports.panel.message_panel
    assert exports.pdf is None


def test_save_as_pdf_writes_the_file(exports: ExportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     qtbot: QtBot) -> None:
    target = tmp_path / "out" / "pages"
    target.parent.mkdir()
    asked: list[str] = []

    def choose(_parent: object, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    exports.select_document("zz_test_pages")
    exports.panel.options_form.editors["pages"].setValue(2)  # type: ignore[union-attr]
    # Save (Ctrl+S) makes the PDF first when nothing is on show yet.
    exports.documents_view.setFocus()
    qtbot.keyClick(exports.documents_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = target.with_name("pages.pdf")
    reader = PdfReader(saved)
    assert len(reader.pages) == 2
    assert "Event: Spring Flash Mentoring" in reader.pages[1].extract_text()
    assert Path(asked[0]).name == "Spring Flash Mentoring — test-pages.pdf"
    assert exports.panel.status_label.text() == f"Saved {saved}."
    assert [p.name for p in saved.parent.iterdir()] == ["pages.pdf"]  # no temporary file left


def test_a_failed_save_says_why_and_keeps_the_preview(
    exports: ExportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports.select_document("zz_test_pages")
    exports.panel.preview_button.click()
    place = tmp_path / "place"
    folder_in_the_way = place / "taken.pdf"
    folder_in_the_way.mkdir(parents=True)
    for chosen, words in ((place / "gone" / "x.pdf", "does not exist"), (folder_in_the_way, "is a folder")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, c=chosen: (str(c), ""))
        exports.panel.save_button.click()
        assert exports.panel.status_label.text().startswith("Not saved.")
        assert words in exports.panel.status_label.text()
        assert exports.panel.status_label.objectName() == "inlineError"
    assert exports.panel.preview.page_count == 3
    assert sorted(p.name for p in place.iterdir()) == ["taken.pdf"]
    # A full disk is named as such.
    assert "The disk is full" in pdf_output._explain(OSError(errno.ENOSPC, "No space left"), place / "x.pdf")


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_in_viewer_hands_a_saved_copy_to_the_system(exports: ExportsPage) -> None:
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        exports.select_document("zz_test_pages")
        exports.panel.open_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert len(catcher.urls) == 1
    path = Path(catcher.urls[0].toLocalFile())
    assert path.parent.name == "exports" and path.name.startswith("test-pages-")
    assert len(PdfReader(path).pages) == 3


def _pdf_printer(path: Path, mode: QPrinter.PrinterMode = QPrinter.PrinterMode.ScreenResolution) -> QPrinter:
    """A printer writing a PDF file; at screen resolution (96 dpi) unless asked, for speed."""
    printer = QPrinter(mode)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _print_and_wait(page: ExportsPage, printer: QPrinter, qtbot: QtBot, expected: int) -> None:
    job = page.print_to(printer)
    assert job is not None and job.total == expected
    with qtbot.waitSignal(job.finished, timeout=30_000) as finished:
        pass
    assert finished.args == [expected, ""]


def test_print_renders_every_page_at_its_size(exports: ExportsPage, tmp_path: Path, qtbot: QtBot) -> None:
    exports.select_document("zz_test_pages")
    exports.panel.options_form.editors["page_size"].setCurrentIndex(1)  # type: ignore[union-attr]  # Letter
    exports.panel.options_form.editors["pages"].setValue(4)  # type: ignore[union-attr]
    exports.panel.preview_button.click()
    printed = tmp_path / "printed.pdf"
    printer = _pdf_printer(printed)
    pdf_output.prepare_printer(printer, exports.panel.preview.document)
    _print_and_wait(exports, printer, qtbot, 4)
    reader = PdfReader(printed)
    assert len(reader.pages) == 4
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "/XObject" in reader.pages[0]["/Resources"]  # the page, as rendered by Qt's PDF module

    # A page range prints only those pages.
    ranged = tmp_path / "ranged.pdf"
    printer = _pdf_printer(ranged)
    pdf_output.prepare_printer(printer, exports.panel.preview.document)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    _print_and_wait(exports, printer, qtbot, 2)
    assert len(PdfReader(ranged).pages) == 2
    assert exports.panel.status_label.text().startswith("Sent 2 pages")

    # Landscape pages are printed on landscape paper.
    exports.panel.options_form.editors["page_size"].setCurrentIndex(0)  # type: ignore[union-attr]  # A4
    exports.panel.options_form.editors["wide"].setChecked(True)  # type: ignore[union-attr]
    exports.panel.preview_button.click()
    wide = tmp_path / "wide.pdf"
    printer = _pdf_printer(wide)
    pdf_output.prepare_printer(printer, exports.panel.preview.document)
    _print_and_wait(exports, printer, qtbot, 4)
    box = PdfReader(wide).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_ctrl_p_opens_the_print_dialog_and_prints(exports: ExportsPage, tmp_path: Path, qtbot: QtBot) -> None:
    exports.select_document("zz_test_pages")
    exports.panel.preview_button.click()
    printed = tmp_path / "dialog.pdf"
    exports.printer = _pdf_printer(printed, QPrinter.PrinterMode.HighResolution)
    exports.documents_view.setFocus()
    qtbot.keyClick(exports.documents_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = exports.dialog
    assert isinstance(dialog, QPrintDialog)
    exports.printer.setOutputFileName(str(printed))
    dialog.accept()
    job = exports.print_job
    assert job is not None and not exports.panel.print_button.isEnabled()
    qtbot.waitUntil(lambda: exports.print_job is None, timeout=30_000)
    assert len(PdfReader(printed).pages) == 3
    assert exports.panel.status_label.text().startswith("Sent 3 pages")


def test_printing_can_be_cancelled_between_pages(exports: ExportsPage, tmp_path: Path, qtbot: QtBot) -> None:
    exports.select_document("zz_test_pages")
    exports.panel.options_form.editors["pages"].setValue(30)  # type: ignore[union-attr]
    exports.panel.preview_button.click()
    job = exports.print_to(_pdf_printer(tmp_path / "cancelled.pdf"))
    assert job is not None
    job.progressed.connect(lambda done, _total: done == 2 and exports.panel.cancel_button.click())
    with qtbot.waitSignal(job.finished, timeout=30_000) as finished:
        pass
    assert finished.args == [2, "cancelled"]
    assert exports.panel.status_label.text().startswith("Printing cancelled")
    assert exports.panel.print_button.isEnabled()


def test_no_event_open_shows_the_empty_state(qtbot: QtBot) -> None:
    page = open_page(qtbot, None)
    assert page.stack.currentWidget() is page.empty_state
    assert page.empty_state.text() == "No event is open"


def test_an_unexpected_error_is_reported_not_raised(exports: ExportsPage, qtbot: QtBot) -> None:
    errors.configure_logging()
    exports.select_document("zz_test_breaks")
    exports.documents_view.setFocus()
    qtbot.keyClick(exports.documents_view, Qt.Key.Key_F5)
    box = errors._open_box
    assert box is not None and "ZeroDivisionError: a bug in a document" in box.text()
    assert exports.panel.message_label.text() == "Something went wrong while making this document."
    assert exports.panel.preview_button.isEnabled()
    box.close()
    qtbot.waitUntil(lambda: errors._open_box is None)
    for handler in errors.log.handlers:
        handler.flush()
    assert "a bug in a document" in paths.log_file().read_text(encoding="utf-8")


def test_file_names_are_safe_on_every_platform() -> None:
    assert pdf_output.file_name("badges", 'Hack/Night: "Zürich" <2026>') == "Hack Night Zürich 2026 — badges.pdf"
    assert pdf_output.file_name("schedule", "") == "schedule.pdf"
    assert pdf_output.file_name("x", " ... ") == "x.pdf"


def test_the_page_models_pass_the_model_tester(qtmodeltester, exports: ExportsPage) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(exports.model, force_py=True)
    exports.select_document("zz_test_pages")
    exports.panel.preview_button.click()
    qtmodeltester.check(exports.panel.preview.pages_model, force_py=True)


def test_the_print_dialog_choices_select_the_pages(tmp_path: Path) -> None:
    printer = _pdf_printer(tmp_path / "unused.pdf")
    assert pdf_output.pages_to_print(printer, 5) == [0, 1, 2, 3, 4]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pdf_output.pages_to_print(printer, 5, current_page=3) == [3]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(4, 9)  # past the end: cut at the last page
    assert pdf_output.pages_to_print(printer, 5) == [3, 4]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pdf_output.pages_to_print(printer, 5) == [4, 3]
