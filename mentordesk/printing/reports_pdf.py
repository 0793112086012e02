"""The group program report and the take-home sheets as PDFs."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from mentordesk.printing import pagekit as kit
from mentordesk.printing.catalog import Progress
from mentordesk.printing.group_report_data import GoalLine, GroupReport, GroupReportData
from mentordesk.printing.take_home_data import TakeHome, TakeHomeData

KIND_WORDS = {"group": "Group", "one_on_one": "One-on-one", "peer_circle": "Peer circle",
              "reverse": "Reverse mentoring"}


def _no_progress(_done: int, _total: int) -> None:
    return None


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{round(rate * 100)}%"


def _progress_cell(canvas: Canvas, x: float, y: float, w: float, h: float, value: object) -> None:
    bar_w, bar_h = w - 30, 5
    top = y + h / 2 - bar_h / 2
    canvas.setFillColor(kit.SHADE)
    canvas.rect(x + 3, top, bar_w, bar_h, stroke=0, fill=1)
    if isinstance(value, int):
        canvas.setFillColor(kit.ACCENT)
        canvas.rect(x + 3, top, bar_w * max(0, min(100, value)) / 100, bar_h, stroke=0, fill=1)
    kit.text(canvas, x + w - 3, top, f"{value}%" if isinstance(value, int) else "—", 7.5, align="right")


def member_rows(group: GroupReport) -> list[list[object]]:
    return [[[m.person.full] + (["(left the group)"] if m.left else []), m.role.title(), str(m.present),
             str(m.late), str(m.absent), str(m.excused), str(m.unrecorded), percent(m.rate)]
            for m in group.members]


def goal_rows(goals: tuple[GoalLine, ...]) -> list[list[object]]:
    return [[g.person.full, [g.title] + ([g.last_note] if g.last_note else []), g.status.title(), g.percent,
             g.target_on.isoformat() if g.target_on else ""] for g in goals]


def render_group_report(data: GroupReportData, *, page: str, progress: Progress = _no_progress) -> bytes:
    writer = kit.PageWriter("Group program report", data.event.name, page)
    writer.new_page()
    writer.y -= 20
    kit.fit_line(writer.canvas, writer.left, writer.y, data.event.name, writer.content_width, 20, min_size=11,
                 bold=True)
    writer.y -= 14
    kit.text(writer.canvas, writer.left, writer.y, "Group program report", 10, color=kit.MUTED)
    writer.y -= 8 * mm
    if not data.groups:
        kit.empty_state(writer, "This event has no groups yet: there is no attendance or goal to report.")
        return writer.finish()
    overview = [[g.name, KIND_WORDS.get(g.kind, g.kind), str(len(g.members)), str(g.sessions_held), percent(g.rate),
                 str(len(g.goals))] for g in data.groups]
    kit.draw_table(writer, [kit.Column("Group", 0.36), kit.Column("Kind", 0.16), kit.Column("Members", 0.11, "right"),
                            kit.Column("Sessions held", 0.13, "right"), kit.Column("Attendance", 0.12, "right"),
                            kit.Column("Goals", 0.12, "right")], overview, size=9)
    writer.paragraph("Attendance = (present + late) ÷ (present + late + absent) over sessions held; excused "
                     "absences and sessions without a record are not counted.", 7.5, color=kit.MUTED)
    for index, group in enumerate(data.groups):
        progress(index, len(data.groups))
        writer.new_page()
        writer.heading(group.name, 16, gap=1 * mm)
        mentors = ", ".join(m.full for m in group.mentors) or "no mentor"
        facts = [KIND_WORDS.get(group.kind, group.kind), group.location, f"mentor: {mentors}"]
        writer.paragraph(" · ".join(f for f in facts if f), 9.5)
        writer.paragraph(f"{group.sessions_held} session{'s' if group.sessions_held != 1 else ''} held, "
                         f"{group.sessions_upcoming} to come, {group.sessions_cancelled} cancelled · attendance "
                         f"{percent(group.rate)}", 9.5, color=kit.MUTED)
        writer.heading("Attendance", 12, gap=1 * mm)
        if not group.members:
            kit.empty_state(writer, "No members yet.")
        elif not group.sessions_held:
            kit.empty_state(writer, "No session has been held yet.")
        else:
            kit.draw_table(writer, [kit.Column("Member", 0.34), kit.Column("Role", 0.1),
                                    kit.Column("Present", 0.09, "right"), kit.Column("Late", 0.08, "right"),
                                    kit.Column("Absent", 0.09, "right"), kit.Column("Excused", 0.1, "right"),
                                    kit.Column("Not recorded", 0.11, "right"), kit.Column("Rate", 0.09, "right")],
                           member_rows(group), size=8.5)
        writer.heading("Goals and progress", 12, gap=1 * mm)
        if not group.goals:
            kit.empty_state(writer, "No goals have been set in this group yet.")
        else:
            kit.draw_table(writer, [kit.Column("Member", 0.24), kit.Column("Goal · latest note", 0.36),
                                    kit.Column("Status", 0.1), kit.Column("Progress", 0.18, draw=_progress_cell),
                                    kit.Column("Target", 0.12)], goal_rows(group.goals), size=8.5)
    progress(len(data.groups), len(data.groups))
    return writer.finish()


# --------------------------------------------------------------------------- take-home


def met_rows(sheet: TakeHome) -> list[list[object]]:
    rows: list[list[object]] = []
    for m in sheet.meetings:
        who = [m.mentor.full] + [line for line in (m.title, m.mentor.organization) if line]
        rows.append([str(m.round), who, list(m.topics[:4]), m.email or "not shared"])
    return rows


def render_take_home(data: TakeHomeData, *, page: str, progress: Progress = _no_progress) -> bytes:
    writer = kit.PageWriter("Take-home sheet", data.event.name, page)
    if not data.sheets:
        writer.new_page()
        writer.heading("Take-home sheets", 16)
        kit.empty_state(writer, "Nothing to take home yet: no mentee has a flash meeting or a goal in this event.")
        return writer.finish()
    for index, sheet in enumerate(data.sheets):
        if index % 20 == 0:
            progress(index, len(data.sheets))
        _take_home_page(writer, data, sheet)
    progress(len(data.sheets), len(data.sheets))
    return writer.finish()


def _take_home_page(writer: kit.PageWriter, data: TakeHomeData, sheet: TakeHome) -> None:
    canvas = writer.canvas
    writer.new_page()
    writer.y -= 22
    kit.fit_line(canvas, writer.left, writer.y, sheet.person.full, writer.content_width, 22, min_size=11, bold=True,
                 color=kit.ACCENT)
    writer.y -= 14
    kit.fit_line(canvas, writer.left, writer.y, f"Your take-home sheet from {data.event.name}", writer.content_width,
                 10, color=kit.MUTED)
    writer.y -= 7 * mm
    held = data.basis == "held"
    writer.heading("Whom you met" if held else "Whom you are scheduled to meet", 12, gap=1 * mm)
    if sheet.meetings:
        kit.draw_table(writer, [kit.Column("Round", 0.08, "center"), kit.Column("Mentor", 0.38),
                                kit.Column("Topics", 0.27), kit.Column("Contact", 0.27)], met_rows(sheet), size=9,
                       wrap_lines=3)
    else:
        kit.empty_state(writer, "No flash meetings recorded for you.")
    writer.heading("Your follow-ups", 12, gap=1 * mm)
    if not sheet.follow_ups:
        kit.empty_state(writer, "You did not ask to follow up with anyone. It is never too late to write.")
    for m in sheet.follow_ups:
        if m.mutual:
            line = f"{m.mentor.full} would like to follow up with you too" + (f": {m.email}" if m.email else ".")
        else:
            line = f"You asked to follow up with {m.mentor.full}" + (f": {m.email}" if m.email else
                                                                     " (contact details not shared).")
        writer.paragraph("• " + line, 9.5)
    if sheet.goals:
        writer.heading("Your goals", 12, gap=1 * mm)
        kit.draw_table(writer, [kit.Column("Goal · latest note", 0.55), kit.Column("Status", 0.12),
                                kit.Column("Progress", 0.2, draw=_progress_cell), kit.Column("Target", 0.13)],
                       [row[1:] for row in goal_rows(sheet.goals)], size=9)
    writer.paragraph("Contact details appear only for people who agreed to share them.", 7.5, color=kit.MUTED)
