"""Anonymised export bundles, supervisor import and the central analysis (issue #8)."""
