"""The results module's web pages (mounted under /results/)."""
