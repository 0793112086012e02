"""Command families of the ``mentordesk`` command line, one module each (export, groups …).

Each module registers its sub-commands with :func:`mentordesk.cli.command`; ``cli.build_parser``
imports every module here. Like the rest of the command line, they never import Qt.
"""
