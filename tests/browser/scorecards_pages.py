"""The scorecards pages a person can reach, and the data they show.

The data is made on first need, per test: ``scorecards(world)`` keeps a ``Scorecards`` on
the test's world, and each of its parts (the draft assessment, the annual one, the
counted assessments of the global view...) is made the first time a page asks for it.
A test that opens no scorecards page makes nothing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.urls import reverse
from playwright.sync_api import expect

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation, Person
from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.store import (
    framework_of,
    framework_sync_builtin,
    latest_published,
)
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    Evidence,
    EvidenceCategory,
    FrameworkVersion,
    IndicatorAssessment,
)
from cometa.scorecards.records import evidence
from cometa.scorecards.records import services as record_services
from tests.browser.conftest import SitePage, Ui
from tests.conftest import World
from tests.pdf import PDF

RATED_CODE = "1.1"  # rated through the engine in the draft: its page shows a trace


def rated(assessment: Assessment, levels: dict[str, str], default: str, year: int) -> None:
    """Gives every indicator a rating directly (as an import would): ``levels[code]``,
    else ``default``."""
    for code in [indicator.code for indicator in framework_of(assessment.framework).indicators]:
        level = levels.get(code, default)
        IndicatorAssessment.objects.filter(assessment=assessment, code=code).update(
            computed_level=level, agreed_level=level, rating_year=year
        )


def indicator_row(assessment: Assessment, code: str) -> IndicatorAssessment:
    return IndicatorAssessment.objects.get(assessment=assessment, code=code)


def save_answers(
    person: Person, assessment: Assessment, code: str, answers: dict[str, str], **fields: Any
) -> IndicatorAssessment:
    """Saves an indicator as its page would, with the version the person would have seen."""
    row = indicator_row(assessment, code)
    return services.indicator_update(
        actor=person,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(reassessed=True, answers=answers, **fields),
    )


class Scorecards:
    """The scorecards of a test's world; each part is made when first asked for."""

    def __init__(self, world: World) -> None:
        self.world = world

    @cached_property
    def swap(self) -> FrameworkVersion:
        framework_sync_builtin()
        return latest_published("unct-swap")

    def _assessment(
        self, organisation: Organisation, year: int, kind: str = AssessmentKind.COMPREHENSIVE
    ) -> Assessment:
        return services.assessment_create(
            actor=SYSTEM,
            new=services.NewAssessment(
                organisation=organisation, framework=self.swap, year=year, kind=kind
            ),
        )

    @cached_property
    def earlier(self) -> Assessment:
        """Kazakhstan 2021, published: every indicator rated, most of them meeting."""
        assessment = self._assessment(self.world.unct, 2021)
        rated(assessment, {"1.1": "exceeds", "2.2": "approaches", "6.1": "missing"}, "meets", 2021)
        Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.PUBLISHED)
        return assessment

    @cached_property
    def draft(self) -> Assessment:
        """Kazakhstan 2022, comprehensive, a draft with a bit of everything: two
        indicators rated through the engine (1.1 with findings), a team, an action point,
        shared evidence (a file and a good practice link) and a comment."""
        world = self.world
        self.earlier  # noqa: B018  # made first: the annual assessment carries both
        assessment = services.assessment_create(
            actor=world.aisha,
            new=services.NewAssessment(
                organisation=world.unct,
                framework=self.swap,
                year=2022,
                kind=AssessmentKind.COMPREHENSIVE,
            ),
        )
        save_answers(
            world.bolat,
            assessment,
            RATED_CODE,
            {"approaches.a": "met", "approaches.b": "met", "meets.a": "not_met"},
            findings={"approaches.a": "Gender analysis in 8 of 17 sectors."},
            justification="The analysis covers most sectors but not their root causes.",
        )
        save_answers(world.bolat, assessment, "1.2", {"approaches.a": "met", "meets.a": "met"})
        for name, entity, coordinator in (
            ("Gaukhar Nursha", "UNDP", True),
            ("Dana Abenova", "UN Women", False),
        ):
            record_services.team_member_add(
                actor=world.aisha,
                assessment=assessment,
                name=name,
                entity=entity,
                title="Gender focal point",
                is_coordinator=coordinator,
            )
        record_services.action_save(
            actor=world.bolat,
            assessment=assessment,
            content=record_services.ActionContent(
                indicator_code=RATED_CODE,
                text="Gender analysis in every sector of the next country analysis",
                responsible="RCO",
            ),
        )
        evidence.evidence_upload(
            actor=world.bolat,
            assessment=assessment,
            file=io.BytesIO(PDF),
            filename="cca-2022.pdf",
            title="Common Country Analysis 2022",
            indicator_code=RATED_CODE,
            category=EvidenceCategory.OTHER,
            shared=True,
        )
        link = evidence.evidence_link(
            actor=world.bolat,
            assessment=assessment,
            url="https://example.org/gender-budget",
            title="Gender budget tracking in the joint workplans",
            indicator_code="6.1",
            shared=True,
        )
        Evidence.objects.filter(pk=link.pk).update(is_good_practice=True)
        record_services.comment_add(
            actor=world.aisha,
            assessment=assessment,
            text="Findings for 1.1 checked with the RCO.",
            indicator_code=RATED_CODE,
        )
        return assessment

    @cached_property
    def action(self) -> ActionPoint:
        return ActionPoint.objects.get(assessment=self.draft)

    @cached_property
    def annual(self) -> Assessment:
        """Kazakhstan 2023, annual: every rating carried from 2021 or 2022."""
        self.draft  # noqa: B018
        return self._assessment(self.world.unct, 2023, AssessmentKind.ANNUAL)

    @cached_property
    def counted(self) -> list[Assessment]:
        """What the global view counts: Kazakhstan 2021 and two years of Mexico, whose
        PI 5.1 regressed from meets to missing."""
        mexico = [self._assessment(self.world.other_unct, year) for year in (2021, 2022)]
        rated(mexico[0], {"1.1": "approaches", "5.1": "meets"}, "missing", 2021)
        rated(mexico[1], {"1.1": "meets", "3.1": "exceeds", "5.1": "missing"}, "approaches", 2022)
        Assessment.objects.filter(pk=mexico[0].pk).update(status=AssessmentStatus.APPROVED)
        Assessment.objects.filter(pk=mexico[1].pk).update(status=AssessmentStatus.PUBLISHED)
        return [self.earlier, *mexico]

    @cached_property
    def submitted(self) -> Assessment:
        """Mexico 2023, annual and submitted: a reviewer may start the review or return it."""
        self.counted  # noqa: B018
        assessment = self._assessment(self.world.other_unct, 2023, AssessmentKind.ANNUAL)
        Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.SUBMITTED)
        return assessment


def scorecards(world: World) -> Scorecards:
    """The test's scorecards, kept on its world (which each test makes afresh)."""
    made = world.__dict__.get("scorecards")
    if made is None:
        made = world.__dict__["scorecards"] = Scorecards(world)
    return made


# --- paths ------------------------------------------------------------------------------------


def _page(name: str, part: str | None = None, *extra: str) -> Callable[[World], str]:
    """The path of ``scorecards:<name>``, for the assessment ``part`` of the scorecards
    (made on first need), with ``extra`` arguments after its id."""

    def path(world: World) -> str:
        if part is None:
            return reverse(f"scorecards:{name}")
        made = getattr(scorecards(world), part)
        return reverse(f"scorecards:{name}", args=[made.pk, *extra])

    return path


def _section(part: str, section: str) -> Callable[[World], str]:
    """The assessment page of ``part``, at its section ``section``."""
    page = _page("assessment", part)
    return lambda world: f"{page(world)}?section={section}"


def _after(part: str, name: str) -> Callable[[World], str]:
    """The path of ``scorecards:<name>`` (no arguments), once ``part`` is made."""

    def path(world: World) -> str:
        getattr(scorecards(world), part)
        return reverse(f"scorecards:{name}")

    return path


def _action_edit(world: World) -> str:
    return reverse("scorecards:action-edit", args=[scorecards(world).action.pk])


# --- steps after opening a page ------------------------------------------------------------


def _start_a_second_2022(ui: Ui, world: World) -> None:
    form = ui.page.locator("form", has=ui.page.get_by_role("button", name="Start the assessment"))
    form.get_by_label("Country team").select_option(label=world.unct.name)
    form.get_by_label("Year").fill("2022")
    form.get_by_label("Kind").select_option("comprehensive")
    ui.submit("Start the assessment")
    expect(ui.page.locator("#id_start_year_error")).to_contain_text("already has an assessment")


def _import_a_broken_report(ui: Ui, world: World) -> None:
    ui.page.get_by_label("Report file").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"Meeting notes\n"}]
    )
    ui.submit("Import")
    expect(ui.page.get_by_role("alert")).to_contain_text("Nothing was kept.")


def _save_after_someone_else(ui: Ui, world: World) -> None:
    """Another editor saves the indicator while this page is open; then this one saves."""
    made = scorecards(world)
    save_answers(world.aisha, made.draft, RATED_CODE, {"approaches.a": "met"})
    ui.page.get_by_label("Justification", exact=True).fill("Typed while someone else saved")
    ui.submit("Save")
    expect(ui.page.get_by_role("alert")).to_contain_text("reload the latest version")


def _agree_on_another_rating_without_a_reason(ui: Ui, world: World) -> None:
    ui.page.get_by_label("Agreed rating", exact=True).select_option("exceeds")
    ui.submit("Save")
    expect(ui.page.locator("#id_difference_reason_error")).to_be_visible()


def _ask_to_submit(ui: Ui, world: World) -> None:
    """The coordinator presses Submit: a summary page asks first."""
    ui.submit("Submit for review…")
    expect(ui.page.get_by_role("heading", name="What the quality checks say")).to_be_visible()


def _link_a_script(ui: Ui, world: World) -> None:
    ui.page.locator("#id_link_url").fill("javascript:alert(1)")
    ui.submit("Add the link")
    expect(ui.page.locator("#error-summary")).to_be_focused()


def _save_a_number_out_of_range(ui: Ui, world: World) -> None:
    ui.page.get_by_label(re.compile(r"^Share of Cooperation Framework outcome")).fill("140")
    ui.submit("Save")
    expect(ui.page.locator("#error-summary")).to_be_focused()


def _lower_the_rating(ui: Ui, world: World) -> None:
    """Unticks what made PI 1.1 reach “Approaches”: the page asks before saving."""
    ui.page.locator("#criterion-approaches-a").get_by_label("Not met", exact=True).check()
    ui.submit("Save")
    expect(ui.page.get_by_role("region", name="The rating would go down")).to_be_focused()


def _add_a_link_without_its_address(ui: Ui, world: World) -> None:
    ui.page.locator("details.add-evidence > summary").click()
    ui.page.locator("#id_link_title").fill("A link without its address")
    ui.submit("Add the link")
    expect(ui.page.locator("#error-summary")).to_contain_text("Link: ")


def _write_the_process_then_open_every_form(ui: Ui, world: World) -> None:
    """Saves the process through its form, then opens the folded forms (the process, an
    action point), which axe-core does not check while they are closed."""
    ui.page.get_by_text("Edit the process and context").click()
    ui.page.get_by_label("The process").fill("The inter-agency team met four times.")
    ui.page.locator("#process").get_by_role("button", name="Save").click()
    expect(ui.page.get_by_role("status")).to_contain_text("The process and context were saved.")
    expect(ui.page.locator("#process")).to_contain_text("The inter-agency team met four times.")
    for summary in ui.page.locator("details > summary").all():  # all folded after the save
        summary.click()
    expect(ui.page.locator("details:not([open])")).to_have_count(0)


def _delete_the_action_point(ui: Ui, world: World) -> None:
    """Deletes the action point as an editor would (confirming the question): the page
    then lists it under "Recently removed" with a button to put it back."""
    ui.page.once("dialog", lambda dialog: dialog.accept())
    ui.page.locator("#actions").get_by_role("button", name="Delete action point 1").click()
    expect(ui.page.get_by_role("status")).to_contain_text("“Recently removed”")
    parts = ui.page.get_by_role("navigation", name="Parts of the assessment")
    parts.get_by_role("link", name="Recently removed").click()
    removed = ui.page.get_by_role("region", name="Recently removed")
    expect(removed).to_contain_text("Gender analysis in every sector")
    expect(removed.get_by_role("button", name="Put back")).to_be_visible()


SCORECARDS_PAGES = [
    SitePage("scorecards-list", "aisha", _after("annual", "assessments"), "Start an assessment"),
    SitePage(
        "scorecards-start-errors",
        "aisha",
        _after("draft", "assessments"),
        "Start an assessment",
        status=400,
        then=_start_a_second_2022,
        language_switch=False,  # the form answers a POST at a URL that has no GET
    ),
    SitePage(
        "scorecards-import",
        "aisha",
        _page("assessment-import"),
        "Import a report written before Cometa",
    ),
    SitePage(
        "scorecards-import-errors",
        "aisha",
        _page("assessment-import"),
        "Import a report written before Cometa",
        status=400,
        then=_import_a_broken_report,
        language_switch=False,
    ),
    SitePage(
        "scorecards-assessment",
        "aisha",
        _page("assessment", "draft"),
        "The rating of each performance indicator, by dimension",
    ),
    SitePage(
        "scorecards-assessment-text",
        "aisha",
        _section("draft", "team"),
        "Inter-agency assessment team",
        then=_write_the_process_then_open_every_form,
        language_switch=False,  # the page is left at #process, which a language change drops
    ),
    SitePage(
        "scorecards-assessment-removed",
        "bolat",
        _section("draft", "actions"),
        "Recently removed",
        then=_delete_the_action_point,
        language_switch=False,  # the page is the answer to a POST
    ),
    SitePage(
        "scorecards-assessment-annual",
        "aisha",
        _section("annual", "review"),
        "Quality checks and review",
    ),
    SitePage(
        "scorecards-assessment-evidence", "bolat", _section("draft", "evidence"), "Add a link"
    ),
    SitePage(
        "scorecards-assessment-comments", "aisha", _section("draft", "comments"), "Add a comment"
    ),
    SitePage(
        "scorecards-assessment-errors",
        "bolat",
        _section("draft", "evidence"),
        "There is a problem",
        status=400,
        then=_link_a_script,
        language_switch=False,  # the page is the answer to a POST
    ),
    SitePage(
        "scorecards-submit-confirm",
        "aisha",
        _page("assessment", "draft"),
        "What will happen",
        then=_ask_to_submit,
        language_switch=False,
    ),
    SitePage(
        "scorecards-assessment-review", "rita", _section("submitted", "review"), "Review workflow"
    ),
    SitePage("scorecards-report", "aisha", _page("report", "draft"), "This report in other forms"),
    SitePage("scorecards-action-edit", "bolat", _action_edit, "Edit an action point"),
    SitePage(
        "scorecards-indicator",
        "bolat",
        _page("indicator", "draft", RATED_CODE),
        "Why this rating",
    ),
    SitePage(
        "scorecards-indicator-read-only",
        "sara",
        _page("indicator", "draft", RATED_CODE),
        "Why this rating",
    ),
    SitePage(
        "scorecards-indicator-preview",
        "bolat",
        _page("indicator-preview", "draft", RATED_CODE),
        "Rating preview (not saved)",
    ),
    SitePage(
        "scorecards-indicator-errors",
        "bolat",
        _page("indicator", "draft", RATED_CODE),
        "Why the agreed rating differs from the computed one",
        status=400,
        then=_agree_on_another_rating_without_a_reason,
        language_switch=False,
    ),
    SitePage(
        "scorecards-indicator-conflict",
        "bolat",
        _page("indicator", "draft", RATED_CODE),
        "Reassessment",
        status=409,
        then=_save_after_someone_else,
        language_switch=False,
    ),
    SitePage(
        "scorecards-indicator-number-errors",
        "bolat",
        _page("indicator", "draft", "1.3"),
        "There is a problem",
        status=400,
        then=_save_a_number_out_of_range,
        language_switch=False,
    ),
    SitePage(
        "scorecards-indicator-lower-rating",
        "bolat",
        _page("indicator", "draft", RATED_CODE),
        "The rating would go down",
        then=_lower_the_rating,
        language_switch=False,
    ),
    SitePage(
        "scorecards-indicator-evidence-errors",
        "bolat",
        _page("indicator", "draft", RATED_CODE),
        "There is a problem",
        status=400,
        then=_add_a_link_without_its_address,
        language_switch=False,
    ),
    SitePage("scorecards-frameworks", "ada", _after("swap", "frameworks"), "Rating frameworks"),
    SitePage("scorecards-framework", "ada", _page("framework", "swap"), "Levels, lowest first"),
    SitePage(
        "scorecards-framework-edit",
        "ada",
        _page("framework-edit", "swap"),
        "Edit the criteria wording",
    ),
    SitePage(
        "scorecards-global", "rita", _after("counted", "global"), "Scorecards across country teams"
    ),
    SitePage("scorecards-hub", "rita", _after("draft", "hub"), "Knowledge hub"),
]
