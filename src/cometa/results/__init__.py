"""Results (planned, issue 9): an office's results framework, values and narratives, IATI
in and out. A domain module: imports ``accounts``, ``core`` and the shared floors, never
another domain module (they meet in ``links``)."""
