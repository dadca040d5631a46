"""Web routes of the results module (mounted under /results/)."""

from django.urls import URLPattern, path

from cometa.results.web.views import plans

app_name = "results"

urlpatterns: list[URLPattern] = [
    path("", plans.plan_list, name="plans"),
]

# The annual results report and the view across offices (results/web/views/report.py).
from cometa.results.web.views import report  # noqa: E402

urlpatterns += [
    path("overview/", report.overview, name="overview"),
    path("report/<id:office>/<year:year>/", report.report_page, name="report"),
    path("report/<id:office>/<year:year>/report.pdf", report.report_pdf, name="report-pdf"),
    path("report/<id:office>/<year:year>/report.docx", report.report_docx, name="report-docx"),
    path("report/<id:office>/<year:year>/values.csv", report.values_csv, name="values-csv"),
    path("report/<id:office>/<year:year>/values.xlsx", report.values_xlsx, name="values-xlsx"),
]
