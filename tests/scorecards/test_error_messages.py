"""A service's refusal reaches people in their language: on a page (next to the form, or as
the error page of a refusal of permission) and in the API's error body, while its code
stays the same in every language. The framework page states its rules in that language too.

The other tests run in English. These choose the language as people do: the language form
of every page (``i18n/setlang/``, which sets the language cookie) or, for programs, the
``Accept-Language`` header.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cometa.core.errors import NotPermitted
from cometa.scorecards.assessments import guards
from cometa.scorecards.assessments.workflow import NOT_YOURS, STEPS, WRONG_STATE, transition
from cometa.scorecards.models import AssessmentStatus
from cometa.scorecards.models.assessments import EDITABLE_STATUSES
from tests.conftest import https_client, signed_in

API = "/api/v1/scorecards"

NOT_EDITABLE = {
    "es": "La evaluación está enviada: no se puede modificar hasta que se devuelva.",
    "ru": "Оценка направлена: её нельзя изменить, пока её не вернут.",
}
MAY_NOT_SUBMIT = {
    "es": "No tiene permiso para enviar esta evaluación.",
    "ru": "У вас нет прав направлять эту оценку.",
}
SUBMITTED_ALREADY = {
    "es": "La evaluación no puede enviarse mientras su estado sea «Enviada».",
    "ru": "Оценку нельзя направить, пока её статус — «Направлена».",
}
YEAR_TAKEN = {
    "es": "UNCT Kazakhstan ya tiene una evaluación para 2022.",
    "ru": "У UNCT Kazakhstan уже есть оценка за 2022 год.",
}
TOKEN_INVALID = {
    "es": "El token de API no es válido.",
    "ru": "API-токен недействителен.",
}
LANGUAGES = ["es", "ru"]


def speaking(person, lang: str) -> Client:
    """A signed-in client that chose ``lang`` with the language form, as a person does."""
    client = signed_in(person)
    response = client.post(reverse("set_language"), {"language": lang, "next": "/"})
    assert response.status_code == 302
    return client


def api(person, lang: str, method: str, url: str, body: object = None):
    data = json.dumps(body) if body is not None else ""
    return signed_in(person).generic(
        method, url, data, content_type="application/json", headers={"Accept-Language": lang}
    )


def _url(name: str, *args: object) -> str:
    return reverse(f"scorecards:{name}", args=args)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_refusal_next_to_a_form_is_in_the_persons_language(world, assessment, lang):
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    client = speaking(world.aisha, lang)
    response = client.post(
        _url("assessment-text", assessment.pk), {"process_text": "Late", "text_version": 1}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert NOT_EDITABLE[lang] in page
    assert "cannot be changed" not in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_workflow_refusal_names_the_step_and_the_status_in_the_persons_language(
    world, assessment, lang
):
    client = speaking(world.aisha, lang)
    step = _url("assessment-step", assessment.pk)
    assert client.post(step, {"step": "submit", "confirmed": "yes"}).status_code == 302
    again = client.post(step, {"step": "submit"})
    assert again.status_code == 400
    assert SUBMITTED_ALREADY[lang] in again.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_refusal_of_permission_is_the_error_page_in_the_persons_language(world, assessment, lang):
    response = speaking(world.bolat, lang).post(
        _url("assessment-step", assessment.pk), {"step": "submit"}
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert MAY_NOT_SUBMIT[lang] in page
    assert "You may not" not in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_api_error_body_is_in_the_requested_language_and_keeps_its_code(
    world, assessment, swap, lang
):
    body = {"organisation": world.unct.pk, "framework": swap.pk, "year": 2022, "kind": "annual"}
    taken = api(world.aisha, lang, "POST", f"{API}/assessments/", body)
    assert taken.status_code == 400
    error = taken.json()["error"]
    assert error["code"] == "invalid"
    assert error["fields"] == {"year": [YEAR_TAKEN[lang]]}
    assert error["message"] == f"year: {YEAR_TAKEN[lang]}"

    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    url = f"{API}/assessments/{assessment.pk}/"
    late = api(world.aisha, lang, "PATCH", url, {"process_text": "Late", "text_version": 1})
    assert late.status_code == 409
    assert late.json()["error"] == {"code": "not_editable", "message": NOT_EDITABLE[lang]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_rejected_token_is_explained_in_the_requested_language(world, lang):
    response = https_client().get(
        f"{API}/frameworks/",
        headers={"Authorization": "Bearer cmt_not-a-token", "Accept-Language": lang},
    )
    assert response.status_code == 401
    assert response.json()["error"] == {"code": "token_invalid", "message": TOKEN_INVALID[lang]}


def test_the_default_refusal_is_looked_up_when_raised_not_when_imported():
    with translation.override("ru"):
        assert NotPermitted().message == "У вас нет прав на это действие."
    with translation.override("es"):
        assert NotPermitted().message == "No tiene permiso para hacer esto."
    assert NotPermitted().message == "You may not do this."


def test_every_step_and_every_locked_status_has_a_whole_sentence_in_each_language():
    assert set(NOT_YOURS) == set(WRONG_STATE) == set(STEPS)
    locked = {status for status in AssessmentStatus.values if status not in EDITABLE_STATUSES}
    assert set(guards.NOT_EDITABLE) == locked
    sentences = [*NOT_YOURS.values(), *WRONG_STATE.values(), *guards.NOT_EDITABLE.values()]
    for lang in LANGUAGES:
        with translation.override("en"):
            english = [str(sentence) for sentence in sentences]
        with translation.override(lang):
            translated = [str(sentence) for sentence in sentences]
        untranslated = [en for en, there in zip(english, translated, strict=True) if en == there]
        assert not untranslated, f"{lang}: {untranslated}"


@pytest.mark.parametrize(
    ("lang", "lowest", "percent"),
    [
        ("en", "reached when no other level", "(percent, 0–100)"),
        (
            "es",
            "se alcanza cuando no se cumple la regla de ningún otro nivel",
            "(porcentaje, 0–100)",
        ),
        (
            "ru",
            "присваивается, когда не выполняется правило ни одного другого уровня",
            "(процент, 0–100)",
        ),
    ],
)
def test_the_framework_page_states_the_rules_in_the_readers_language(
    world, swap, lang, lowest, percent
):
    page = speaking(world.sara, lang).get(_url("framework", swap.pk)).content.decode()
    assert lowest in page and percent in page
    if lang != "en":
        assert "reached when" not in page and "all of:" not in page and "(percent" not in page
