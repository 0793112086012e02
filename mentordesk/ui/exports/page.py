"""The Print & export page (not built yet): what it will do, in the words of the product brief."""

from __future__ import annotations

from mentordesk.ui.widgets.placeholder import PlaceholderPage


class ExportsPage(PlaceholderPage):
    key = "exports"
    title = "Print & export"
    subtitle = "Every piece of paper the day needs, as print-ready PDFs."
    plans = (
        "Print badges on real label stock (Avery, HERMA, Durable, A6 on A4, label printers) with a "
        "role colour band, a QR code and names that shrink to fit, in every writing system.",
        "Print the master schedule, a roster sheet per table, a pocket itinerary per mentee, "
        "sign-in sheets and table tents.",
        "Produce a summary report with charts for sponsors.",
        "Preview everything here, then print directly or save the PDF.",
    )
