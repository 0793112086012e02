"""The Groups screen: group programmes, their sessions and attendance."""
