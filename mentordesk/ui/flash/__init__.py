"""The Flash rounds screens: planning, the run console and the projector window."""
