"""Web routes of the results module (mounted under /results/)."""

from django.urls import URLPattern, path

from cometa.results.web.views import outcomes, plans, registers, report, values

app_name = "results"

OUTCOME = "outcomes/<id:pk>/"

urlpatterns: list[URLPattern] = [
    path("", plans.plan_list, name="plans"),
    path("plans/<id:pk>/", plans.plan_detail, name="plan"),
    path(OUTCOME, outcomes.outcome_detail, name="outcome"),
    path(OUTCOME + "narratives/<year:year>/", outcomes.narrative_save, name="narrative"),
    path(OUTCOME + "narratives/<year:year>/facts/", outcomes.fact_add, name="fact-add"),
    path("facts/<id:pk>/remove/", outcomes.fact_remove, name="fact-remove"),
    path(OUTCOME + "partners/", outcomes.partner_add, name="partner-add"),
    path(
        OUTCOME + "partners/<id:partner_pk>/remove/",
        outcomes.partner_remove,
        name="partner-remove",
    ),
    path("outputs/<id:pk>/budget/", outcomes.budget_save, name="budget-save"),
    path("indicators/<id:pk>/values/", values.value_grid, name="values"),
    path("indicators/<id:pk>/values/check/", values.value_check, name="values-check"),
    path("indicators/<id:pk>/values/reason/", values.total_reason, name="values-reason"),
    path("knowledge/", registers.knowledge_list, name="knowledge"),
    path("budgets/", registers.budget_totals, name="budgets"),
    # The annual results report and the view across offices.
    path("overview/", report.overview, name="overview"),
    path("report/<id:office>/<year:year>/", report.report_page, name="report"),
    path("report/<id:office>/<year:year>/report.pdf", report.report_pdf, name="report-pdf"),
    path("report/<id:office>/<year:year>/report.docx", report.report_docx, name="report-docx"),
    path("report/<id:office>/<year:year>/values.csv", report.values_csv, name="values-csv"),
    path("report/<id:office>/<year:year>/values.xlsx", report.values_xlsx, name="values-xlsx"),
]
