"""The event summary PDF from a :class:`SummaryData`: figures, charts, follow-ups, the meetings."""

from __future__ import annotations

from reportlab.lib.units import mm

from mentordesk.models import Role
from mentordesk.printing import charts
from mentordesk.printing import pagekit as kit
from mentordesk.printing.catalog import Progress
from mentordesk.printing.summary_data import SummaryData

ROLE_WORDS = {Role.MENTOR: "mentors", Role.MENTEE: "mentees", Role.FACILITATOR: "facilitators"}


def _no_progress(_done: int, _total: int) -> None:
    return None


def headline_figures(data: SummaryData) -> list[tuple[str, str, str]]:
    """(label, figure, detail) for the tiles on the first page; the tests compare them with the data."""
    by_role = {r.role: r for r in data.roles}

    def split(attr: str) -> str:
        return ", ".join(f"{getattr(by_role[role], attr)} {ROLE_WORDS[role]}" for role in Role)

    meetings_label = "Meetings held" if data.basis == "held" else "Meetings planned"
    meetings_detail = (f"in {data.flash_sessions} flash session{'s' if data.flash_sessions != 1 else ''}"
                       if data.flash_sessions else "no rotation planned")
    if data.basis == "planned" and data.flash_sessions:
        meetings_detail += "; no round run yet"
    average = data.average_rating
    return [
        ("Registered", str(data.registered), split("registered")),
        ("Arrived", str(data.arrived), split("arrived")),
        (meetings_label, str(len(data.meetings)), meetings_detail),
        ("Requested mentors honoured", f"{data.requests_honoured} of {data.requests_total}",
         "requests of mentees who took part" if data.requests_total else "nobody asked for a mentor"),
        ("Average rating", f"{average:.1f} / 5" if average is not None else "—",
         f"from {data.rating_count} rating{'s' if data.rating_count != 1 else ''}" if data.rating_count
         else "no feedback entered yet"),
        ("Mutual follow-ups", str(data.mutual_follow_ups),
         "both asked and both agreed to share contact"),
    ]


def render_summary(data: SummaryData, *, page: str, include_meetings: bool = True,
                   progress: Progress = _no_progress) -> bytes:
    writer = kit.PageWriter("Event summary", data.event.name, page)
    canvas = writer.canvas
    writer.new_page()
    writer.y -= 20
    kit.fit_line(canvas, writer.left, writer.y, data.event.name, writer.content_width, 20, min_size=11, bold=True)
    writer.y -= 14
    when = " · ".join(p for p in (data.event.starts_on.isoformat() if data.event.starts_on else "",
                                  data.event.venue) if p)
    kit.fit_line(canvas, writer.left, writer.y, f"Event summary{' · ' + when if when else ''}",
                 writer.content_width, 10, color=kit.MUTED)
    writer.y -= 8 * mm
    _tiles(writer, headline_figures(data))
    progress(1, 5)

    writer.heading("Arrivals over time", 12, gap=1 * mm)
    if data.arrivals:
        height = 55 * mm
        writer.need(height)
        drawing = charts.bar_chart([b.label for b in data.arrivals], [b.count for b in data.arrivals],
                                   writer.content_width, height,
                                   x_title=f"check-ins per {data.arrival_bucket_minutes} minutes",
                                   y_title="people")
        charts.draw_chart(canvas, drawing, writer.left, writer.y - height)
        writer.y -= height + 4 * mm
    else:
        kit.empty_state(writer, "Nobody has checked in yet.")
    progress(2, 5)

    half = (writer.content_width - 8 * mm) / 2
    height = 52 * mm
    writer.need(height + 30)
    top = writer.y
    kit.text(canvas, writer.left, top - 12, "Meetings per mentee", 12, bold=True, color=kit.ACCENT)
    kit.text(canvas, writer.left + half + 8 * mm, top - 12, "Ratings", 12, bold=True, color=kit.ACCENT)
    chart_y = top - 18 - height
    if data.meetings_per_mentee:
        drawing = charts.bar_chart([str(n) for n, _c in data.meetings_per_mentee],
                                   [c for _n, c in data.meetings_per_mentee], half, height,
                                   x_title="meetings", y_title="mentees")
        charts.draw_chart(canvas, drawing, writer.left, chart_y)
    else:
        kit.text(canvas, writer.left, top - 34, "No rotation planned yet.", 11, color=kit.MUTED)
    if data.rating_count:
        drawing = charts.bar_chart(["1", "2", "3", "4", "5"], list(data.ratings), half, height,
                                   x_title="rating (1 = poor, 5 = excellent)", y_title="ratings")
        charts.draw_chart(canvas, drawing, writer.left + half + 8 * mm, chart_y)
    else:
        kit.text(canvas, writer.left + half + 8 * mm, top - 34, "No feedback entered yet.", 11, color=kit.MUTED)
    writer.y = chart_y - 6 * mm if data.meetings_per_mentee or data.rating_count else top - 44
    progress(3, 5)

    _follow_ups(writer, data)
    if include_meetings:
        _meetings(writer, data, progress)
    _footnotes(writer)
    progress(5, 5)
    return writer.finish()


def _tiles(writer: kit.PageWriter, figures: list[tuple[str, str, str]]) -> None:
    canvas = writer.canvas
    columns = 3
    gap = 4 * mm
    tile_w = (writer.content_width - gap * (columns - 1)) / columns
    tile_h = 24 * mm
    for index, (label, figure, detail) in enumerate(figures):
        col, row = index % columns, index // columns
        x = writer.left + col * (tile_w + gap)
        top = writer.y - row * (tile_h + gap)
        canvas.setFillColor(kit.SHADE)
        canvas.roundRect(x, top - tile_h, tile_w, tile_h, 3, stroke=0, fill=1)
        kit.fit_line(canvas, x + 4 * mm, top - 5 * mm, label, tile_w - 8 * mm, 8.5, color=kit.MUTED)
        kit.fit_line(canvas, x + 4 * mm, top - 13.5 * mm, figure, tile_w - 8 * mm, 20, min_size=10, bold=True,
                     color=kit.ACCENT)
        for i, line in enumerate(kit.wrap(detail, tile_w - 8 * mm, 7, max_lines=2)):
            kit.text(canvas, x + 4 * mm, top - 18 * mm - i * 8.5, line, 7, color=kit.MUTED)
    rows = -(-len(figures) // columns)
    writer.y -= rows * (tile_h + gap) + 2 * mm


def _follow_ups(writer: kit.PageWriter, data: SummaryData) -> None:
    writer.heading("Mutual follow-ups", 12, gap=1 * mm)
    if not data.follow_ups:
        kit.empty_state(writer, "No mutual follow-ups yet (both people must ask to follow up and both must "
                                "agree to share contact details).")
    else:
        rows = [[f.mentee.full, f.mentor.full] for f in data.follow_ups]
        kit.draw_table(writer, [kit.Column("Mentee", 1), kit.Column("Mentor", 1)], rows, size=8.5)
    withheld = data.follow_ups_without_consent
    if withheld:
        writer.paragraph(f"{withheld} more pair{'s' if withheld != 1 else ''} asked to follow up with each other "
                         "but not both agreed to share contact details; they are not listed.", 8.5,
                         color=kit.MUTED)


def meeting_rows(data: SummaryData) -> list[list[str]]:
    def view(v: object) -> str:
        rating = getattr(v, "rating", None)
        return str(rating) if rating is not None else ""

    rows = []
    for m in data.meetings:
        follow = "both" if m.mutual_follow_up else "mentee" if m.mentee_view and m.mentee_view.wants_follow_up \
            else "mentor" if m.mentor_view and m.mentor_view.wants_follow_up else ""
        rows.append([str(m.round), str(m.table), m.mentor.full, m.mentee.full, "yes" if m.requested else "",
                     view(m.mentee_view), follow])
    return rows


def _meetings(writer: kit.PageWriter, data: SummaryData, progress: Progress) -> None:
    title = ("Meetings held" if data.basis == "held" else
             "Meetings planned (no round has been run yet)" if data.meetings else "Meetings")
    writer.heading(title, 12, gap=1 * mm)
    if not data.meetings:
        kit.empty_state(writer, "No flash meetings: no rotation has been planned for this event.")
        return
    columns = [kit.Column("Round", 0.07, "center"), kit.Column("Table", 0.07, "center"),
               kit.Column("Mentor", 0.29), kit.Column("Mentee", 0.29), kit.Column("Requested", 0.1, "center"),
               kit.Column("Rating", 0.08, "center"), kit.Column("Follow-up", 0.1, "center")]
    kit.draw_table(writer, columns, meeting_rows(data), size=8, header_size=7,
                   progress=lambda d, t: progress(3 * t + d, 5 * t) if t else None)


def _footnotes(writer: kit.PageWriter) -> None:
    writer.heading("How the figures are counted", 10, gap=1 * mm)
    for line in (
        "Arrived: people with at least one check-in that was not undone (leaving early still counts as arrived).",
        ("Meetings: rounds count as held once started on the run console, when the session is finished, or when "
        "feedback was entered for them; before that the planned meetings are shown."),
        "Requested mentors honoured: requests of mentees who took part whose pair met.",
        "Average rating: the mentees' ratings of their flash meetings (1 = poor, 5 = excellent).",
    ):
        writer.paragraph(line, 7.5, color=kit.MUTED)
