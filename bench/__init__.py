"""Benchmarks for the targets table of PRODUCT.md; ``make bench`` (``python -m bench``) prints them."""
