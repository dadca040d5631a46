"""Web routes of the scorecards module, one list per group of pages."""

from cometa.scorecards import urls_assessments, urls_frameworks, urls_global, urls_reports

app_name = "scorecards"

urlpatterns = [
    *urls_assessments.urlpatterns,
    *urls_reports.urlpatterns,
    *urls_global.urlpatterns,
    *urls_frameworks.urlpatterns,
]
