"""The People page's import dialog: choose an attendee file, check how it is read, import it, see what happened."""
