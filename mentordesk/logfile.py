"""The log file: private, bounded, and free of people's contact details.

Used by the app (``ui/errors.py``) and the command line alike. The file is readable by the user
only (POSIX), rotates at :data:`MAX_BYTES` keeping :data:`BACKUP_COUNT` older files, so a desk
that runs for days cannot fill the disk with it, and e-mail addresses are masked in every
record as a safety net: the records themselves name ids, not people, and database errors carry
no values (``hide_parameters`` in ``models/store.py``).
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import re
from pathlib import Path

from mentordesk import paths

MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MARK = "_mentordesk_log"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotating file handler whose files are created readable by their owner only."""

    def _open(self) -> io.TextIOWrapper:
        if os.name == "posix":
            # Create (or keep) the file private before the handler opens it for appending.
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.close(fd)
            with contextlib.suppress(OSError):
                os.chmod(self.baseFilename, 0o600)
        return super()._open()


class _MaskEmails(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return _EMAIL.sub("<e-mail>", super().format(record))


def attach(logger: logging.Logger, target: Path | None = None) -> Path | None:
    """Send ``logger``'s records to the log file (once; again if the file moved). Returns the file.

    A log that cannot be opened (read-only home folder …) must not stop anything: None then.
    """
    try:
        target = (target or paths.log_file()).resolve()
    except OSError:
        return None
    for handler in list(logger.handlers):
        if getattr(handler, _MARK, False):
            if getattr(handler, "baseFilename", None) == str(target):
                return target
            logger.removeHandler(handler)
            handler.close()
    handler = _PrivateRotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                          encoding="utf-8", delay=True)
    setattr(handler, _MARK, True)
    handler.setFormatter(_MaskEmails(_FORMAT))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return target
