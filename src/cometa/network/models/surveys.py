"""Survey instruments, their rounds, and the answers of each woman in each round.

An instrument is versioned: a new version is a new row, and responses point at the
version they were answered with. Its questions are rows too, each with the field of the
profile or outcome it maps to, so part 2 counts answers with ``GROUP BY question.field,
answer.code`` like any other coded column. Answers are narrow rows: one per question
answered, one per code for a question with several (no string splitting, no JSON).
A response names her by her pseudonymous participant record only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import CODE_LENGTH, QuestionType, SurveyRound
from cometa.network.models.network import Member, Network
from cometa.network.models.participants import Participant

_PERSON = settings.AUTH_USER_MODEL


class Instrument(models.Model):
    """One version of a survey instrument in a network. ``definition`` keeps what was
    published (to build its XLSForm again); ``digest`` tells an unchanged definition."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="instruments")
    code = models.CharField(_("code"), max_length=40)
    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=500)
    rounds = models.CharField(_("rounds"), max_length=100)  # codes separated by spaces
    definition = models.JSONField()
    digest = models.CharField(max_length=64)
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        _PERSON, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["network", "code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "code", "version"], name="instrument_version_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"

    @property
    def round_codes(self) -> list[str]:
        return self.rounds.split()


class Question(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=40)
    group = models.CharField(max_length=40, blank=True)
    type = models.CharField(max_length=16, choices=QuestionType.choices)
    list_name = models.CharField(max_length=40, blank=True)
    field = models.CharField(max_length=40, blank=True, db_index=True)
    required = models.BooleanField(default=False)

    class Meta:
        ordering = ["instrument", "position"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "name"], name="question_name_once")
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id}:{self.name}"


class Round(models.Model):
    """A round of a network's survey: which instrument version is answered in it, and
    (when set) the days it is open."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="survey_rounds")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+")
    round = models.CharField(_("round"), max_length=CODE_LENGTH, choices=SurveyRound.choices)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)

    class Meta:
        ordering = ["network", "instrument", "round"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "instrument", "round"], name="survey_round_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} {self.round}"


class SurveyResponse(models.Model):
    """Her answers in one round. ``member`` is the partner holding her record (the access
    filter and counts by partner read it without a join); ``source_system`` and
    ``source_id`` (Kobo's ``_uuid``, ODK's ``instanceID``) find it again on re-import."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="responses")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="responses")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    collected_on = models.DateField(_("collected on"))
    source_system = models.CharField(max_length=40, blank=True)
    source_id = models.CharField(max_length=100, blank=True)
    recorded_by = models.ForeignKey(_PERSON, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "participant"]
        indexes = [
            models.Index(fields=["member", "round"], name="response_member_round"),
            models.Index(fields=["member", "source_id"], name="response_member_source"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["round", "participant"], name="response_once"),
            models.UniqueConstraint(
                fields=["member", "source_system", "source_id"],
                condition=~models.Q(source_id=""),
                name="response_source_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} {self.round_id}"


class Answer(models.Model):
    """One answer: a code (select questions, yes/no as ``yes``/``no``), a number, a day or
    a text. A question with several codes answered has one row per code."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    code = models.CharField(max_length=CODE_LENGTH, blank=True)
    number = models.IntegerField(null=True)
    day = models.DateField(null=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "code"], name="answer_question_code")]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "code"], name="answer_code_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.response_id}:{self.question_id}"


class ColumnMapping(models.Model):
    """How a member's export names the form's fields: column -> question (or ``participant``,
    ``round``, ``collected_on``, ``source_id``), saved once and used at each import."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["instrument", "member"], name="mapping_once")
        ]

    def __str__(self) -> str:
        return f"mapping {self.instrument_id}/{self.member_id}"
