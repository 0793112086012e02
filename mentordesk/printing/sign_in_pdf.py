"""Sign-in sheets as PDF: one sheet (one or more pages) per group session.

Each member's row has a QR code with their badge code, drawn as vector squares, so that a signed
sheet can be scanned back into attendance; blank rows at the end take walk-ins.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from mentordesk.printing import pagekit as kit
from mentordesk.printing.catalog import Progress
from mentordesk.printing.qr import draw_qr
from mentordesk.printing.sign_in_data import SignInData, SignInRow, SignInSheet

ROW_HEIGHT = 20 * mm
QR_SIZE = 12 * mm
ROLE_WORDS = {"mentor": "Mentor", "mentee": "Mentee", "peer": "Peer"}


def _no_progress(_done: int, _total: int) -> None:
    return None


def _qr_cell(canvas: Canvas, x: float, y: float, w: float, h: float, value: object) -> None:
    if not value:
        return
    # Room above and beside the code for its quiet zone; the code as text below it for typing.
    size = min(QR_SIZE, h - 8 * mm, w - 5 * mm)
    draw_qr(canvas, x + (w - size) / 2, y + 5.5 * mm, size, str(value))
    kit.text(canvas, x + w / 2, y + 1.8 * mm, str(value), 6, align="center", color=kit.MUTED)


def _signature_cell(canvas: Canvas, x: float, y: float, w: float, h: float, _value: object) -> None:
    canvas.setStrokeColor(kit.RULE)
    canvas.setLineWidth(0.4)
    canvas.line(x + 4, y + 4 * mm, x + w - 4, y + 4 * mm)


def sheet_rows(sheet: SignInSheet) -> list[list[object]]:
    """The table rows of a sheet: members in sign-in order, then the blank walk-in rows."""
    rows: list[list[object]] = []
    for number, row in enumerate(sheet.rows, start=1):
        rows.append(_member_row(number, row))
    for extra in range(sheet.blank_rows):
        rows.append([str(len(sheet.rows) + extra + 1), ["", "Walk-in: name and e-mail"], "", "", "", ""])
    return rows


def _member_row(number: int, row: SignInRow) -> list[object]:
    name = [row.person.full, row.person.organization] if row.person.organization else [row.person.full]
    return [str(number), name, ROLE_WORDS.get(row.role, row.role.title()), row.badge_code, "", ""]


def render_sign_in(data: SignInData, *, page: str, progress: Progress = _no_progress) -> bytes:
    writer = kit.PageWriter("Sign-in sheet", data.event_name, page)
    if not data.sheets:
        writer.new_page()
        writer.heading("Sign-in sheets", 16)
        kit.empty_state(writer, "This event has no groups yet. Create a group and its sessions on the Groups "
                                "page, then print its sign-in sheet.")
        return writer.finish()
    columns = [kit.Column("#", 0.05, "center"), kit.Column("Name", 0.36), kit.Column("Role", 0.09),
               kit.Column("Code", 0.12, "center", draw=_qr_cell), kit.Column("Signature", 0.28, draw=_signature_cell),
               kit.Column("Time in", 0.10)]
    for index, sheet in enumerate(data.sheets):
        progress(index, len(data.sheets))

        def head(sheet: SignInSheet = sheet) -> None:
            canvas = writer.canvas
            size, lines = kit.fit_block(sheet.group_name, writer.content_width * 0.75, 18, 11, bold=True)
            writer.y -= size
            kit.text(canvas, writer.right, writer.y, "Sign-in sheet", 10, align="right", color=kit.MUTED)
            for number, line in enumerate(lines):
                kit.text(canvas, writer.left, writer.y, line, size, bold=True, color=kit.ACCENT)
                writer.y -= size * 1.15 if number < len(lines) - 1 else 0
            writer.y -= 16
            title = sheet.session_title if sheet.session_title != sheet.group_name else ""
            line = " · ".join(p for p in (title, sheet.topic, sheet.when, sheet.location) if p)
            kit.fit_line(canvas, writer.left, writer.y, line, writer.content_width, 10)
            writer.y -= 5 * mm

        writer.new_page()
        head()
        kit.draw_table(writer, columns, sheet_rows(sheet), size=9, header_size=8, min_row_height=ROW_HEIGHT,
                       zebra=False, on_new_page=head, wrap_lines=3)
        writer.paragraph("Please sign next to your name. Not listed? Write your name on a blank line. "
                         "Codes are scanned to record attendance.", 7.5, color=kit.MUTED)
    progress(len(data.sheets), len(data.sheets))
    return writer.finish()
