"""The Preferences dialog (Edit ▸ Preferences…, or the application menu on macOS): every setting of
``mentordesk/settings.py`` in the app, one tab per subject."""
