"""Recorded background jobs: who asked for what, its state and progress, its result file
or error. Runs on Django's Tasks API (the ``django-tasks`` backport and its database
backend); modules register the kinds of job they offer (``registry.register``) in their
``AppConfig.ready()``. This package knows no module and imports none (docs/jobs.md)."""
