"""Document kinds, one module per family; each registers with :func:`mentordesk.printing.catalog.register`."""
