from __future__ import annotations

from datetime import date

from django.utils import translation

from cometa.scorecards.assessments.qa import ActionFacts, IndicatorFacts, check

LEVELS = ("missing", "approaches", "meets", "exceeds")


def facts(code="1.1", **overrides):
    base = {
        "code": code,
        "reassessed": True,
        "computed": "meets",
        "agreed": "meets",
        "difference_reason": "",
        "justification": "",
        "answers": {},
        "findings": {},
        "inputs": {},
        "input_ranges": {},
        "evidence_count": 1,
        "previous": None,
    }
    return IndicatorFacts(**(base | overrides))


def codes(findings):
    return sorted(f.code for f in findings)


def run(indicators, actions=(), annual=False):
    return check(
        annual=annual, levels=LEVELS, indicators=indicators, actions=actions, today=date(2023, 1, 1)
    )


def test_a_clean_assessment_has_no_findings():
    assert run([facts(str(n)) for n in range(5)], annual=True) == []


def test_each_check_has_its_code():
    assert codes(run([facts()] * 4, annual=True)) == ["QA001"]
    assert codes(run([facts(agreed="exceeds")])) == ["QA002"]
    assert codes(run([facts(answers={"meets.a": "met"})])) == ["QA003"]
    assert codes(run([facts(evidence_count=0)])) == ["QA004"]
    assert codes(run([facts(previous="missing")])) == ["QA005"]
    assert codes(run([facts(previous="exceeds")])) == ["QA005"]
    overdue = ActionFacts("1.1", "x", date(2022, 6, 1), done=False)
    assert codes(run([facts()], [overdue])) == ["QA006"]
    assert codes(run([facts(inputs={"p": 120.0}, input_ranges={"p": (0, 100)})])) == ["QA007"]


def test_explained_changes_and_done_actions_pass():
    assert run([facts(previous="missing", justification="New gender unit.")]) == []
    assert run([facts(agreed="exceeds", difference_reason="See annex")]) == []
    assert run([facts()], [ActionFacts("1.1", "x", date(2022, 6, 1), done=True)]) == []
    assert run([facts(reassessed=False, evidence_count=0, previous="exceeds")]) == []


def test_every_message_is_in_the_reader_s_language():
    """Each check's message comes from the catalogue: in Spanish and Russian, none of them is
    the English text."""
    everything = [
        facts(
            "1.1",
            agreed="exceeds",
            computed="approaches",
            answers={"meets.a": "met"},
            evidence_count=0,
            previous="missing",
            inputs={"pct": 120.0},
            input_ranges={"pct": (0.0, 100.0)},
        ),
        facts("1.2", agreed="missing", computed="missing", previous="meets"),
    ]
    actions = [ActionFacts("1.1", "Train staff", date(2022, 6, 30), False)]
    english = {f.code + str(f.indicator): f.message for f in run(everything, actions, True)}
    assert sorted({key[:5] for key in english}) == [f"QA00{n}" for n in range(1, 8)]
    for language in ("es", "ru"):
        with translation.override(language):
            translated = {
                f.code + str(f.indicator): f.message for f in run(everything, actions, True)
            }
        assert translated.keys() == english.keys()
        same = [key for key in english if translated[key] == english[key]]
        assert not same, f"{language}: untranslated {same}"
        for key, message in translated.items():
            assert key.startswith("QA001") or key[5:] in message, (key, message)
