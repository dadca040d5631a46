"""Narratives with their assessment and the facts they report."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.indicators.periods import parse_period
from cometa.indicators.texts import Text
from cometa.results.inputs import FactContent, NarrativeContent
from cometa.results.models import Narrative
from cometa.results.services.reporting import fact_add, fact_remove, narrative_save

STORY = NarrativeContent(
    Text("Second Chance Education reached 2,763 women in 15 learning centres."), "on_track"
)


def write(offices, content: NarrativeContent = STORY, expected: int = 0, who=None) -> Narrative:
    return narrative_save(
        actor=who or offices.elena,
        outcome=offices.outcome,
        year=2022,
        content=content,
        expected_version=expected,
    )


def test_a_narrative_is_written_then_changed(offices) -> None:
    first = write(offices)
    assert (first.version, first.progress, first.updated_by) == (1, "on_track", offices.elena)
    changed = write(offices, NarrativeContent(STORY.text, "partly"), expected=1)
    assert (changed.pk, changed.version, changed.progress) == (first.pk, 2, "partly")
    [_created, update] = AuditEntry.objects.filter(action="results.narrative.save").order_by("seq")
    assert update.changes == {"progress": ["on_track", "partly"]}


def test_a_save_from_an_older_version_is_a_conflict(offices) -> None:
    write(offices)
    write(offices, NarrativeContent(STORY.text, "partly"), expected=1)
    with pytest.raises(Conflict, match="Reload"):
        write(offices, NarrativeContent(Text("Mine."), "off_track"), expected=1)
    with pytest.raises(Conflict):  # someone else wrote it first
        write(offices, expected=0)
    stored = Narrative.objects.get()
    assert (stored.version, stored.progress) == (2, "partly")


@pytest.mark.parametrize(
    ("content", "year", "field"),
    [
        (NarrativeContent(Text("x"), "late"), 2022, "progress"),
        (NarrativeContent(Text(""), "on_track"), 2022, "text"),
        (STORY, 2021, "year"),
        (STORY, 2026, "year"),
    ],
)
def test_narratives_are_validated(offices, content, year: int, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        narrative_save(
            actor=offices.elena,
            outcome=offices.outcome,
            year=year,
            content=content,
            expected_version=0,
        )
    assert field in refused.value.errors


@pytest.mark.parametrize("who", ["vic", "kai", "rita"])
def test_only_the_office_editors_write_narratives(offices, who: str) -> None:
    person = getattr(offices, who, None) or getattr(offices.world, who)
    with pytest.raises(NotPermitted):
        write(offices, who=person)


def test_facts_name_the_cell_they_claim(offices) -> None:
    narrative = write(offices)
    linked = fact_add(
        actor=offices.elena,
        narrative=narrative,
        content=FactContent(
            Decimal(2763), "women enrolled", "persons", offices.enrolled.pk, key="age=Y15T24"
        ),
    )
    loose = fact_add(
        actor=offices.elena,
        narrative=narrative,
        content=FactContent(Decimal(15), "learning centres", "centres"),
    )
    assert (linked.indicator, linked.key, str(linked.period)) == (
        offices.enrolled,
        "age=Y15T24",
        "2022",
    )
    assert (loose.indicator, loose.position) == (None, 1)
    fact_remove(actor=offices.elena, fact=loose)
    assert list(narrative.facts.all()) == [linked]


def test_a_fact_may_claim_another_period(offices) -> None:
    narrative = write(offices)
    fact = fact_add(
        actor=offices.elena,
        narrative=narrative,
        content=FactContent(
            Decimal(7787),
            "women since the start",
            indicator=offices.enrolled.pk,
            period=parse_period("2022-01-01/2022-12-31"),
        ),
    )
    assert str(fact.period) == "2022"


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (FactContent(Decimal(1), " "), "label"),
        (FactContent(Decimal("NaN"), "x"), "value"),
        (FactContent(Decimal(1), "x", kind="estimate"), "kind"),
        (FactContent(Decimal(1), "x", key="age=Y15T24"), "key"),  # a key without indicator
        (FactContent(Decimal(1), "x", indicator=0), "indicator"),
    ],
)
def test_facts_are_validated(offices, content: FactContent, field: str) -> None:
    narrative = write(offices)
    with pytest.raises(ValidationFailed) as refused:
        fact_add(actor=offices.elena, narrative=narrative, content=content)
    assert field in refused.value.errors


def test_a_fact_refuses_a_key_the_indicator_lacks(offices) -> None:
    narrative = write(offices)
    with pytest.raises(ValidationFailed, match="sex"):
        fact_add(
            actor=offices.elena,
            narrative=narrative,
            content=FactContent(Decimal(1), "x", indicator=offices.enrolled.pk, key="sex=F"),
        )


def test_a_fact_refuses_an_indicator_of_another_outcome(offices) -> None:
    from cometa.results.services import framework

    other = framework.outcome_create(
        actor=offices.elena, plan=offices.plan, code="D_1.1", statement_text=Text("x")
    )
    elsewhere = framework.indicator_attach(
        actor=offices.elena, to=other, version=offices.enrolled.version
    )
    with pytest.raises(ValidationFailed) as refused:
        fact_add(
            actor=offices.elena,
            narrative=write(offices),
            content=FactContent(Decimal(1), "x", indicator=elsewhere.pk),
        )
    assert "indicator" in refused.value.errors


def test_two_first_saves_at_once_the_second_is_a_conflict(offices, monkeypatch) -> None:
    """On PostgreSQL a lock on no row locks nothing: both may read "no narrative yet". The
    table's unique constraint then refuses the second insert, and it is a 409 too."""
    write(offices)
    monkeypatch.setattr(  # the second writer read before the first one's commit
        Narrative.objects, "select_for_update", lambda: Narrative.objects.none()
    )
    with pytest.raises(Conflict):
        write(offices, NarrativeContent(Text("Mine."), "off_track"), expected=0)
    assert Narrative.objects.get().progress == "on_track"
