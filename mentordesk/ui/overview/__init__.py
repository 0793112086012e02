"""The Overview screen: the event's details and live counts."""
