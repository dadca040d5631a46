"""The network's dashboard of common indicators, shaped from stored runs without the
database (``content``, ``drill``, ``document``) and read for a person (``reading``)."""
