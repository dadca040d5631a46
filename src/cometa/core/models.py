"""Models of the core app: the background job record (``cometa.core.jobs``)."""

from cometa.core.jobs.models import FINISHED, Job, JobState

__all__ = ["FINISHED", "Job", "JobState"]
