"""Synthetic disclosures for load tests, and the catalogue of known discrepancies they inject."""
