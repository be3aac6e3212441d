"""The operation guides' printable document: one guide as an A4 PDF."""
