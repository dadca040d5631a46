"""Web routes of the scorecards module: reports pages."""

from django.urls import URLPattern, path

from cometa.scorecards.views import reports

urlpatterns: list[URLPattern] = [
    path("<int:pk>/report/", reports.report_page, name="report"),
    path("<int:pk>/report.pdf", reports.report_pdf, name="report-pdf"),
    path("<int:pk>/report.docx", reports.report_docx, name="report-docx"),
    path("<int:pk>/ratings.csv", reports.ratings_csv, name="ratings-csv"),
    path("<int:pk>/ratings.xlsx", reports.ratings_xlsx, name="ratings-xlsx"),
]
