"""``python -m mentordesk``: the same as the ``mentordesk`` command."""

from mentordesk.cli import main

raise SystemExit(main())
