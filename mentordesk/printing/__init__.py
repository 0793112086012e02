"""PDF output with reportlab, Qt-free: label stock, QR codes, badges, schedules and reports."""
