"""PDF documents (reportlab) and charts (matplotlib); no Qt widgets."""
