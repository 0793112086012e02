"""Everything Qt: the main window, one package per screen, item models, shared widgets.

Screens read and write through ``mentordesk.services`` and never hold SQL; long work goes
through ``tasks.py``. Nothing outside this package (and ``mentordesk/app.py``) imports PySide6.
"""
