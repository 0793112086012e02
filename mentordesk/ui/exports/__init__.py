"""The Print & export screen."""
