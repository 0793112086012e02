"""The People screen."""
