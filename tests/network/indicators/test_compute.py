"""The common indicators counted in the database against a plain-Python reference, on
small generated networks; disclosure control on what leaves; who reads what."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import Http404

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.accounts.roles import Role
from cometa.indicators.disclosure import small_counts
from cometa.indicators.models import IndicatorVersion
from cometa.indicators.periods import custom, parse_period
from cometa.network.generator.run import generate
from cometa.network.indicators.compute import Scope, count
from cometa.network.indicators.definitions import COMMON, DIMENSIONS
from cometa.network.indicators.selectors import controlled_tables, indicator_tables
from cometa.network.models import (
    Answer,
    Cohort,
    Consent,
    CriterionResult,
    Enrolment,
    EnrolmentFact,
    ExitReason,
    GraduationAssessment,
    GraduationCriterion,
    PsychosocialFlag,
    Question,
    Referral,
    Round,
    SurveyResponse,
)
from cometa.network.services.indicators import recompute
from tests.conftest import make_person
from tests.network.indicators import reference

pytestmark = pytest.mark.django_db
EVERYTHING = custom(date(2020, 1, 1), date(2027, 12, 31))


@pytest.fixture
def network():
    made = generate(women=260, seed=11, name="Counted")
    recompute(actor=SYSTEM, network=made.network)
    return made.network


def _database(network, period):
    found = {}
    families: dict[str, list] = {}
    for common in COMMON:
        families.setdefault(common.family, []).append(common)
    for group in families.values():
        counts = count(group, Scope(network.pk), period, dimensions=DIMENSIONS)
        for place, common in enumerate(group):
            for dimension in DIMENSIONS:
                found[(common.code, dimension)] = {
                    key: (values[2 * place], values[2 * place + 1])
                    for key, values in counts[dimension].items()
                    if values[2 * place + 1] or values[2 * place]
                }
    return found


@pytest.mark.parametrize("period", [EVERYTHING, parse_period("2024"), parse_period("2023-Q2")])
def test_every_indicator_by_site_and_dimension_matches_the_python_reference(network, period):
    facts = reference.facts(network.pk)
    database = _database(network, period)
    assert set(reference.INDICATORS) == {common.code for common in COMMON}
    for (code, dimension), cells in database.items():
        expected = reference.counts(facts, code, dimension, period.start, period.end)
        expected = {key: value for key, value in expected.items() if any(value)}
        assert cells == expected, (code, dimension)
    assert any(cells for cells in database.values())  # the comparison compared something


def test_women_without_consent_to_be_counted_count_nowhere(network):
    before = EnrolmentFact.objects.filter(network=network).count()
    consent = Consent.objects.filter(
        participant__network=network, purpose="count_reports", withdrawn_on__isnull=True
    ).first()
    consent.withdrawn_on = date(2025, 1, 1)
    consent.save()
    recompute(actor=SYSTEM, network=network)
    assert not EnrolmentFact.objects.filter(participant_id=consent.participant_id).exists()
    assert EnrolmentFact.objects.filter(network=network).count() < before


def test_definitions_are_versioned_on_the_floor_and_tables_name_their_version(network):
    assert IndicatorVersion.objects.filter(indicator__code="CI-05", number=1).exists()
    [table] = controlled_tables(network, EVERYTHING, codes=["CI-05"], dimensions=["sex"])
    assert (table.code, table.version, table.dimension) == ("CI-05", 1, "sex")


def test_nothing_that_leaves_holds_a_count_between_1_and_k_minus_1(network):
    tables = controlled_tables(network, parse_period("2024"))
    assert len(tables) == len(COMMON) * len(DIMENSIONS)
    for table in tables:
        assert small_counts(table.cells(), table.k) == [], (table.code, table.dimension)
    hidden = sum(len(table.control.hidden) for table in tables)
    assert hidden > 0  # small sites and groups exist at this size, and were hidden


def test_outside_tables_use_the_strict_threshold(network):
    [inside] = controlled_tables(network, EVERYTHING, codes=["CI-01"], dimensions=["age"])
    [outside] = controlled_tables(
        network, EVERYTHING, codes=["CI-01"], dimensions=["age"], leaves_network=True
    )
    assert (inside.k, outside.k) == (5, 10)
    assert small_counts(outside.cells(), 10) == []
    middling = [
        (i, j)
        for i, row in enumerate(outside.denominators)
        for j, n in enumerate(row)
        if 5 <= n < 10
    ]
    assert middling  # groups of 5 to 9 women exist: shown inside, hidden outside
    assert all(outside.control.reasons[entry] == "small" for entry in middling)


def test_an_outsider_finds_no_network_and_a_partner_reads_only_its_own(network):
    with pytest.raises(Http404):
        indicator_tables(make_person("out@example.org", "Out"), network, EVERYTHING)
    member = network.members.exclude(organisation=network.backbone).first()
    staff = make_person("staff@example.org", "Staff")
    accounts.membership_add(
        actor=SYSTEM, organisation=member.organisation, person=staff, role=Role.VIEWER
    )
    [table] = indicator_tables(staff, network, EVERYTHING, codes=["CI-01"], dimensions=["sex"])
    own = set(member.sites.values_list("pk", flat=True))
    assert {row for row, _ in table.rows} <= own


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GROUPING SETS: PostgreSQL")
@pytest.mark.parametrize("family", ["enrolled", "ended", "fu6"])
def test_grouping_sets_give_the_same_counts(network, family):
    group = [c for c in COMMON if c.family == family]
    one = count(group, Scope(network.pk), EVERYTHING, dimensions=DIMENSIONS, grouping_sets=True)
    each = count(group, Scope(network.pk), EVERYTHING, dimensions=DIMENSIONS, grouping_sets=False)
    assert one == each


def test_every_indicator_counts_someone_in_the_generated_network(network):
    # the generator draws no reason "other": one drop-out says so here
    reason = ExitReason.objects.filter(exit__enrolment__network=network, first=True)[0]
    reason.code = "other"
    reason.save()
    recompute(actor=SYSTEM, network=network)
    database = _database(network, EVERYTHING)
    for common in COMMON:
        cells = database[(common.code, "sex")].values()
        assert sum(d for _, d in cells) > 0, common.code
        if common.is_rate:
            assert sum(n for n, _ in cells) > 0, common.code


def _counted(network, **where) -> Enrolment:
    """An enrolment of the network that has facts (her consent to be counted is open)."""
    ids = EnrolmentFact.objects.filter(network=network).values("enrolment_id")
    return Enrolment.objects.filter(pk__in=ids, **where).select_related("cohort").order_by("pk")[0]


def _fact(enrolment: Enrolment) -> EnrolmentFact:
    return EnrolmentFact.objects.get(enrolment=enrolment)


def test_a_woman_enrolled_twice_counts_twice_in_ci01_and_once_in_ci01w(network):
    first = _counted(network)
    other = Cohort.objects.filter(member_id=first.member_id).exclude(pk=first.cohort_id)[0]
    again = Enrolment.objects.create(
        network=network, member_id=first.member_id, participant=first.participant, cohort=other,
        status="enrolled", enrolled_on=first.enrolled_on + timedelta(days=1),
        status_on=first.enrolled_on + timedelta(days=1),
    )  # fmt: skip
    recompute(actor=SYSTEM, network=network)
    assert (_fact(first).first_enrolment, _fact(again).first_enrolment) == (True, False)
    facts = reference.facts(network.pk)
    database = _database(network, EVERYTHING)
    for code in ("CI-01", "CI-01-W"):
        expected = reference.counts(facts, code, "sex", EVERYTHING.start, EVERYTHING.end)
        assert database[(code, "sex")] == {k: v for k, v in expected.items() if any(v)}
    women = sum(d for _, d in database[("CI-01-W", "sex")].values())
    assert sum(d for _, d in database[("CI-01", "sex")].values()) == women + 1


def test_a_flag_is_in_time_when_acted_on_or_referred_within_14_days(network):
    enrolment = _counted(network)
    PsychosocialFlag.objects.filter(participant=enrolment.participant).delete()
    day = enrolment.enrolled_on

    def flag(after: int, acted: int | None) -> PsychosocialFlag:
        return PsychosocialFlag.objects.create(
            member_id=enrolment.member_id, participant=enrolment.participant,
            trigger="mentor_concern", severity="routine", raised_on=day + timedelta(days=after),
            first_action_on=None if acted is None else day + timedelta(days=after + acted),
        )  # fmt: skip

    flag(0, 14)  # acted on the 14th day: in time
    flag(1, 15)  # a day late
    referred = flag(2, None)
    Referral.objects.create(flag=referred, service="psychology", referred_on=day + timedelta(16))
    after = (enrolment.cohort.ends_on - day).days + 1
    flag(after, 0)  # raised after her cohort ended: not a flag of this enrolment
    recompute(actor=SYSTEM, network=network)
    fact = _fact(enrolment)
    assert (fact.flags, fact.flags_in_time) == (3, 2)
    assert reference._flags(enrolment) == (3, 2)


def test_endline_answers_count_up_to_30_days_after_her_cohort_ended(network):
    enrolment = _counted(network, status__in=["completed", "graduated"])
    SurveyResponse.objects.filter(participant=enrolment.participant).delete()
    endline = Round.objects.get(network=network, round="endline")
    response = SurveyResponse.objects.create(
        round=endline, participant=enrolment.participant, member_id=enrolment.member_id,
        collected_on=enrolment.cohort.ends_on + timedelta(days=30),
    )  # fmt: skip
    question = Question.objects.get(instrument=endline.instrument, name="work_status")
    Answer.objects.create(response=response, question=question, code="self_employed")
    recompute(actor=SYSTEM, network=network)
    assert (_fact(enrolment).endline_answered, _fact(enrolment).endline_works) == (True, True)
    response.collected_on += timedelta(days=1)
    response.save()
    recompute(actor=SYSTEM, network=network)
    assert (_fact(enrolment).endline_answered, _fact(enrolment).endline_works) == (False, None)


def test_graduation_criteria_are_read_from_her_latest_assessment(network):
    enrolment = _counted(network, assessments__passed=True)
    assert _fact(enrolment).criteria_computed is True
    earlier = enrolment.assessments.get()
    later = GraduationAssessment.objects.create(
        enrolment=enrolment, assessed_on=earlier.assessed_on + timedelta(days=1), passed=False
    )
    criteria = {c.method: c for c in GraduationCriterion.objects.filter(network=network)}
    CriterionResult.objects.create(
        assessment=later, criterion=criteria["computed"], result="not_met"
    )
    CriterionResult.objects.create(
        assessment=later, criterion=criteria["verification"], result="n_a"
    )
    recompute(actor=SYSTEM, network=network)
    fact = _fact(enrolment)
    assert fact.criteria_computed is False
    assert (fact.criteria_verified, fact.criteria_self_report, fact.criteria_observed) == (
        None, None, None
    )  # fmt: skip
    assert reference._criteria(enrolment) == {"computed": False}


def test_the_command_recomputes_one_network_or_all(network):
    EnrolmentFact.objects.all().delete()
    said = StringIO()
    call_command("network", "recompute", "--network", str(network.pk), stdout=said)
    assert "enrolments counted" in said.getvalue()
    assert EnrolmentFact.objects.filter(network=network).exists()
    with pytest.raises(CommandError, match="--network"):
        call_command("network", "recompute", "--network", "999999")
    assert AuditEntry.objects.filter(action="network.recompute").count() == 2
