"""Web routes of the scorecards module (mounted under /scorecards/): assessments and their
records, reports, the global pages (the view across country teams and the knowledge hub) and
the framework pages."""

from django.urls import URLPattern, path

from cometa.scorecards.web.views import (
    assessments,
    frameworks,
    global_jobs,
    global_pages,
    importing,
    indicators,
    records,
    reports,
    suggestions,
    workflow,
)

app_name = "scorecards"

urlpatterns: list[URLPattern] = [
    # assessments
    path("", assessments.assessment_list, name="assessments"),
    path("new/", assessments.assessment_create, name="assessment-create"),
    path("import/", importing.assessment_import_page, name="assessment-import"),
    path("<id:pk>/", assessments.assessment_detail, name="assessment"),
    path("<id:pk>/text/", assessments.assessment_text, name="assessment-text"),
    path("<id:pk>/workflow/", workflow.assessment_step, name="assessment-step"),
    path("<id:pk>/team/", records.team_add, name="team-add"),
    path("team/<id:pk>/remove/", records.team_remove, name="team-remove"),
    path("<id:pk>/comments/", records.comment_add, name="comment-add"),
    path("<id:pk>/actions/", records.action_add, name="action-add"),
    path("actions/<id:pk>/edit/", records.action_edit, name="action-edit"),
    path("actions/<id:pk>/delete/", records.action_delete, name="action-delete"),
    path("<id:pk>/evidence/upload/", records.evidence_upload, name="evidence-upload"),
    path("<id:pk>/evidence/link/", records.evidence_link, name="evidence-link"),
    path("evidence/<id:pk>/delete/", records.evidence_delete, name="evidence-delete"),
    path("evidence/<id:pk>/download/", records.evidence_download, name="evidence-download"),
    path("removed/<id:pk>/restore/", records.removed_restore, name="removed-restore"),
    path("<id:pk>/indicators/<str:code>/", indicators.indicator_detail, name="indicator"),
    path(
        "<id:pk>/indicators/<str:code>/preview/",
        indicators.indicator_preview,
        name="indicator-preview",
    ),
    path(
        "<id:pk>/indicators/<str:code>/suggestion/",
        suggestions.suggestion_decide,
        name="indicator-suggestion",
    ),
    path(
        "<id:pk>/indicators/<str:code>/evidence/upload/",
        indicators.indicator_evidence_upload,
        name="indicator-evidence-upload",
    ),
    path(
        "<id:pk>/indicators/<str:code>/evidence/link/",
        indicators.indicator_evidence_link,
        name="indicator-evidence-link",
    ),
    # reports
    path("<id:pk>/report/", reports.report_page, name="report"),
    path("<id:pk>/report.pdf", reports.report_pdf, name="report-pdf"),
    path("<id:pk>/report.docx", reports.report_docx, name="report-docx"),
    path("<id:pk>/ratings.csv", reports.ratings_csv, name="ratings-csv"),
    path("<id:pk>/ratings.xlsx", reports.ratings_xlsx, name="ratings-xlsx"),
    # global
    path("global/", global_pages.global_overview, name="global"),
    path("global/export.xlsx", global_pages.global_export, name="global-export"),
    path("global/workbook/", global_jobs.global_workbook, name="global-workbook"),
    path("hub/", global_pages.knowledge_hub, name="hub"),
    path(
        "hub/<id:pk>/good-practice/",
        global_pages.hub_good_practice,
        name="hub-good-practice",
    ),
    # frameworks
    path("frameworks/", frameworks.framework_list, name="frameworks"),
    path("frameworks/<id:pk>/", frameworks.framework_detail, name="framework"),
    path("frameworks/<id:pk>/edit/", frameworks.framework_edit, name="framework-edit"),
    path("frameworks/<id:pk>/publish/", frameworks.framework_publish, name="framework-publish"),
]
