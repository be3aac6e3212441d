"""Training's printable documents: the copy-out sheet (默写) with its answer key."""
