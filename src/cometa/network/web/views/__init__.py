"""Views of the network's pages: ``home`` (the networks, one network), ``participants``
(the list, her page, state changes, removal and erasure) and ``followups`` (the
worklist). A row the person may not see answers 404, a refused change 403 (no
permission) or 400/409 with the service's message."""
