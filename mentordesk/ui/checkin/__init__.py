"""The Check-in screen."""
