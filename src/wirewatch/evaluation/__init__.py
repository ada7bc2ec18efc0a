"""Measuring extraction against human-annotated gold data."""
