"""Framework administration: new criteria wording makes a new draft version; publishing it
changes nothing for assessments made before; only platform administrators may do either."""

from __future__ import annotations

import pytest
import yaml

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted, ServiceError, ValidationFailed
from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.admin import (
    framework_edit_wording,
    framework_load,
    provenance_counts,
    suggest_version,
    wording,
)
from cometa.scorecards.frameworks.store import (
    framework_of,
    framework_version_publish,
    latest_published,
)
from cometa.scorecards.models import AssessmentKind, FrameworkVersion

NEW_EN = "The joint advocacy campaign on gender equality ran during the past twelve months."
KEY = "2.2|meets.b|en"


def _edit(world, swap, version="2018.1", texts=None, official=None):
    return framework_edit_wording(
        actor=world.ada,
        base=swap,
        version=version,
        texts={KEY: NEW_EN} if texts is None else texts,
        official=official,
    )


def test_new_wording_makes_a_draft_with_only_the_text_changed(world, swap):
    draft = _edit(world, swap, texts={KEY: NEW_EN, "2.2|meets.b|es": "Campaña conjunta."})
    assert (draft.identifier, draft.version, draft.is_published) == ("unct-swap", "2018.1", False)
    assert draft.based_on == swap and draft.created_by == world.ada
    old, new = framework_of(swap), framework_of(draft)
    assert new.indicator("2.2").criterion("meets.b").text.en == NEW_EN
    assert new.indicator("2.2").criterion("meets.b").text.es == "Campaña conjunta."
    changed = {KEY, "2.2|meets.b|es"}
    assert {k: v for k, v in wording(new).items() if k not in changed} == {
        k: v for k, v in wording(old).items() if k not in changed
    }
    for before, after in zip(old.indicators, new.indicators, strict=True):
        assert [level.rule for level in before.levels] == [level.rule for level in after.levels]
        assert [c.provenance for c in before.criteria] == [c.provenance for c in after.criteria]
    assert (new.levels, new.dimensions, new.sources) == (old.levels, old.dimensions, old.sources)
    assert yaml.safe_load(draft.source)["version"] == "2018.1"
    assert draft.source.startswith("# UNCT-SWAP")  # the file's comments are kept at the top
    assert AuditEntry.objects.filter(action="framework.wording", object_id=str(draft.pk)).exists()


def test_an_assessment_made_before_keeps_its_version_and_wording(world, swap):
    assessment = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2021, kind=AssessmentKind.COMPREHENSIVE
        ),
    )
    row = assessment.indicators.get(code="2.2")
    services.indicator_update(
        actor=world.aisha,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True, answers={"meets.b": "met", "meets.c": "met"}
        ),
    )
    old_text = framework_of(swap).indicator("2.2").criterion("meets.b").text.en
    draft = _edit(world, swap)
    framework_version_publish(actor=world.ada, version=draft)
    assert latest_published("unct-swap") == draft
    assessment.refresh_from_db()
    assert assessment.framework == swap
    assert framework_of(assessment.framework).indicator("2.2").criterion("meets.b").text.en == (
        old_text
    )
    assert assessment.indicators.get(code="2.2").level == "meets"
    later = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct,
            framework=latest_published("unct-swap"),
            year=2022,
            kind=AssessmentKind.ANNUAL,
        ),
    )
    assert later.framework == draft
    assert later.indicators.get(code="2.2").agreed_level == "meets"  # carried across versions


def test_only_platform_administrators_edit_or_publish(world, swap):
    for person in (world.aisha, world.rita, world.sara):
        with pytest.raises(NotPermitted):
            framework_edit_wording(actor=person, base=swap, version="2018.9", texts={KEY: NEW_EN})
    draft = _edit(world, swap)
    with pytest.raises(NotPermitted):
        framework_version_publish(actor=world.rita, version=draft)
    assert not FrameworkVersion.objects.filter(version="2018.9").exists()


@pytest.mark.parametrize(
    ("texts", "version", "field", "message"),
    [
        ({KEY: "  "}, "2018.1", "texts", "English text is required"),
        ({"9.9|meets.a|en": "x"}, "2018.1", "texts", "is not a text of"),
        ({KEY: "x", "2.2|meets.b|fr": "y"}, "2018.1", "texts", "is not a text of"),
        ({}, "2018.1", "texts", "Nothing was changed"),
        ({KEY: NEW_EN}, "2018", "version", "exists already"),
        ({KEY: NEW_EN}, "not a version", "source", "version"),
    ],
)
def test_refusals_write_nothing(world, swap, texts, version, field, message):
    before = FrameworkVersion.objects.count()
    with pytest.raises(ValidationFailed) as caught:
        framework_edit_wording(actor=world.ada, base=swap, version=version, texts=texts)
    assert field in caught.value.errors
    assert message in " ".join(caught.value.errors[field])
    assert FrameworkVersion.objects.count() == before


def test_emptying_a_translation_removes_it(world, swap):
    first = _edit(world, swap, texts={"2.2|meets.b|ru": "Совместная кампания."})
    second = _edit(world, first, version="2018.2", texts={"2.2|meets.b|ru": ""})
    assert framework_of(first).indicator("2.2").criterion("meets.b").text.ru
    assert framework_of(second).indicator("2.2").criterion("meets.b").text.ru is None
    assert suggest_version(swap) == "2018.3"


def test_publishing_twice_is_refused(world, swap):
    draft = _edit(world, swap)
    framework_version_publish(actor=world.ada, version=draft)
    with pytest.raises(ServiceError) as caught:
        framework_version_publish(actor=world.ada, version=draft)
    assert caught.value.code == "already_published"


def test_provenance_counts_add_up(swap):
    counts = provenance_counts(framework_of(swap))
    assert counts.to_verify > 0 and counts.sourced > 0


def test_loading_a_file_stores_it_once(world, swap):
    source = swap.source.replace('version: "2018"', 'version: "2018-x"', 1)
    loaded = framework_load(actor=SYSTEM, source=source, name="x.yaml")
    assert loaded.created and loaded.version.is_published
    again = framework_load(actor=SYSTEM, source=source, name="x.yaml")
    assert not again.created and again.version == loaded.version
    with pytest.raises(ValidationFailed):
        framework_load(actor=SYSTEM, source=source + "\n# changed\n", name="x.yaml")
    with pytest.raises(NotPermitted):
        framework_load(actor=world.aisha, source=source, name="x.yaml")


# --- The pages ------------------------------------------------------------------------------


def test_the_pages_show_versions_and_provenance(world, swap, client_for):
    draft = _edit(world, swap)
    page = client_for(world.sara).get("/scorecards/frameworks/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "2018.1" in body and "Draft" in body and "collective-impact" in body
    detail = client_for(world.sara).get(f"/scorecards/frameworks/{draft.pk}/")
    text = detail.content.decode()
    assert detail.status_code == 200 and "to verify" in text and "PI 2.2" in text
    assert "Publish" not in text  # only administrators see the buttons
    admin = client_for(world.ada).get(f"/scorecards/frameworks/{draft.pk}/").content.decode()
    assert "Publish" in admin


def test_an_administrator_edits_and_publishes_through_the_pages(world, swap, client_for):
    client = client_for(world.ada)
    form = client.get(f"/scorecards/frameworks/{swap.pk}/edit/")
    assert form.status_code == 200 and 'value="2018.1"' in form.content.decode()
    data = dict(wording(framework_of(swap)))
    data.update({"version": "2018.1", KEY: NEW_EN})
    response = client.post(f"/scorecards/frameworks/{swap.pk}/edit/", data)
    draft = FrameworkVersion.objects.get(version="2018.1")
    assert response.status_code == 302 and response["Location"].endswith(f"/{draft.pk}/")
    assert framework_of(draft).indicator("2.2").criterion("meets.b").text.en == NEW_EN
    assert client.post(f"/scorecards/frameworks/{draft.pk}/publish/").status_code == 302
    draft.refresh_from_db()
    assert draft.is_published


def test_an_emptied_english_text_is_shown_on_the_form(world, swap, client_for):
    response = client_for(world.ada).post(
        f"/scorecards/frameworks/{swap.pk}/edit/", {"version": "2018.1", KEY: ""}
    )
    assert response.status_code == 400
    assert "English text is required" in response.content.decode()
    assert not FrameworkVersion.objects.filter(version="2018.1").exists()


def test_others_get_403_on_the_edit_and_publish_pages(world, swap, client_for):
    for person in (world.sara, world.aisha, world.rita, world.oscar):
        client = client_for(person)
        assert client.get(f"/scorecards/frameworks/{swap.pk}/edit/").status_code == 403
        assert client.post(f"/scorecards/frameworks/{swap.pk}/publish/").status_code == 403
    assert client_for(world.ada).get("/scorecards/frameworks/999999/").status_code == 404


# --- every text, and which translations are official ---------------------------------------


def test_every_kind_of_text_is_edited_and_the_name_follows(world, swap):
    draft = _edit(
        world,
        swap,
        texts={
            "@title|es": "Cuadro de mando UNCT-SWAP",
            "@level:meets|ru": "Соответствует требованиям",
            "@dimension:3|es": "Asociaciones",
            "1.3|input:pct_indicators|es": "Porcentaje de indicadores",
            "1.1|statement|ru": "",
        },
    )
    new = framework_of(draft)
    assert new.title.es == "Cuadro de mando UNCT-SWAP"
    assert draft.title_translations["es"] == "Cuadro de mando UNCT-SWAP"
    assert new.levels[2].label.ru == "Соответствует требованиям"
    assert new.dimension("3").title.es == "Asociaciones"
    assert new.indicator("1.3").inputs[0].label.es == "Porcentaje de indicadores"
    assert new.indicator("1.1").statement.ru is None


def test_a_translation_is_marked_official_and_loses_the_mark_when_changed(world, swap):
    key = "1.1|approaches.a|es"
    marked = _edit(world, swap, texts={}, official={key})
    assert framework_of(marked).indicator("1.1").criterion("approaches.a").text.official == {"es"}
    entry = AuditEntry.objects.get(action="framework.wording", object_id=str(marked.pk))
    assert entry.changes == {f"{key}|official": [False, True]}
    changed = framework_edit_wording(
        actor=world.ada, base=marked, version="2018.2", texts={key: "Otro texto."}
    )
    text = framework_of(changed).indicator("1.1").criterion("approaches.a").text
    assert (text.es, text.official) == ("Otro texto.", frozenset())


def test_the_form_ticks_a_translation_official(world, swap, client_for):
    client = client_for(world.ada)
    form = client.get(f"/scorecards/frameworks/{swap.pk}/edit/").content.decode()
    assert 'name="@title|es|official"' in form and 'name="1.1|approaches.a|ru|official"' in form
    response = client.post(
        f"/scorecards/frameworks/{swap.pk}/edit/",
        {"version": "2018.1", "@title|ru|official": "on"},
    )
    assert response.status_code == 302
    draft = FrameworkVersion.objects.get(version="2018.1")
    assert framework_of(draft).title.official == {"ru"}
