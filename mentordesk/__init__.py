"""MentorDesk: run mentoring events offline.

This module holds only the version and the application's names; it never imports Qt, so the
command line, the services and the tests can import the package without a display.
"""

__version__ = "0.1.0"

APP_NAME = "MentorDesk"
APP_ID = "mentordesk"
ORGANIZATION = "MentorDesk"

#: Suffix of an event file (one SQLite database per event).
EVENT_SUFFIX = ".mentordesk"
