"""Loading and validating report files (the data layer)."""
