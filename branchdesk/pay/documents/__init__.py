"""The monthly statement as an A4 document, built from plain data with the pdf toolkit."""
