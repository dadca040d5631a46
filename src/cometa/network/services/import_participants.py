"""Importing participants: each new row checked by the same function as a registration
on the page (``participants.registration_checked``), then written a thousand at a time
with bulk inserts (a file of 100,000 women is one transaction, not 100,000). A row already
imported (its source id, or her code) is compared with her record: equal, it changes
nothing; different, it is an error (an import does not change a record behind the
partner's back: that is done on her page, where it is audited field by field)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, person_or_none
from cometa.core.errors import ValidationFailed
from cometa.network.codes import ConsentPurpose
from cometa.network.models import Consent, Identity, Member, Participant
from cometa.network.services.import_rows import (
    Counts,
    Tell,
    batches,
    error,
    named,
    participants_named,
    refusal_errors,
)
from cometa.network.services.participants import (
    IDENTITY_FIELDS,
    PROFILE_FIELDS,
    new_code,
    registration_checked,
)
from cometa.network.tabular.checking import Row, RowError

CONSENTS: dict[str, str] = {
    "consent_take_part": ConsentPurpose.TAKE_PART,
    "consent_share_backbone": ConsentPurpose.SHARE_BACKBONE,
    "consent_count_reports": ConsentPurpose.COUNT,
    "consent_transfer": ConsentPurpose.TRANSFER,
}
COMPARED = ("registered_on", *sorted(PROFILE_FIELDS))
BATCH = 1000


class _New:
    __slots__ = ("consents", "identity", "profile", "row", "source")

    def __init__(
        self,
        row: Row,
        profile: dict[str, Any],
        identity: dict[str, str],
        consents: dict[str, date],
        source: tuple[str, str],
    ) -> None:
        self.row, self.profile, self.identity = row, profile, identity
        self.consents, self.source = consents, source


def run(
    actor: Actor, member: Member, rows: Iterable[Row], errors: list[RowError], tell: Tell
) -> Counts:
    """Checks and writes a batch at a time (memory stays flat however long the file);
    after the first error nothing more is written, and the caller rolls back."""
    counts = Counts()
    seen: dict[tuple[str, str], int] = {}
    done = 0
    for batch in batches(rows, BATCH):
        new = _batch(member, batch, errors, counts, seen)
        counts.created += len(new)
        if not errors:
            _write(actor, member, new)
        done += len(batch)
        tell(done, done, _("Checking and writing"))
    return counts


def _batch(
    member: Member,
    batch: list[Row],
    errors: list[RowError],
    counts: Counts,
    seen: dict[tuple[str, str], int],
) -> list[_New]:
    refs = [r.values.get("source_id") or "" for r in batch]
    known = participants_named(member, refs + [r.values.get("code") or "" for r in batch])
    new: list[_New] = []
    for row in batch:
        source = (row.values.get("source_system") or "", row.values.get("source_id") or "")
        if source[1] and source in seen:
            message = _("This id is given twice in the file (row %(row)s).")
            errors.append(error(row, "source_id", message % {"row": seen[source]}))
            continue
        seen[source] = row.number
        named_well, found = _existing(row, known, errors)
        if not named_well:
            continue
        if found is not None:
            _compare(row, found, errors, counts)
        else:
            checked = _checked(row, errors, source)
            if checked is not None:
                new.append(checked)
    return new


def _existing(
    row: Row, known: dict[str, Participant], errors: list[RowError]
) -> tuple[bool, Participant | None]:
    """Her record when the row names one; False first when it names one not found."""
    source_id, code = row.values.get("source_id") or "", row.values.get("code") or ""
    by_source = known.get(source_id) if source_id else None
    if by_source is not None and by_source.source_system != (row.values.get("source_system") or ""):
        by_source = None
    if not code:
        return True, by_source
    by_code = named(known, code)
    if by_code is None or (by_source is not None and by_source.pk != by_code.pk):
        errors.append(error(row, "code", _("No participant of your organisation has this code.")))
        return False, None
    return True, by_code


def _compare(row: Row, found: Participant, errors: list[RowError], counts: Counts) -> None:
    differ = [
        name
        for name in COMPARED
        if row.values.get(name) is not None and row.values[name] != getattr(found, name)
    ]
    for name in differ:
        errors.append(
            error(
                row, name, _("She is already imported with another value; change it on her page.")
            )
        )
    if not differ:
        counts.unchanged += 1


def _checked(row: Row, errors: list[RowError], source: tuple[str, str]) -> _New | None:
    values = row.values
    consents = {
        purpose: values[column] for column, purpose in CONSENTS.items() if values.get(column)
    }
    identity = {name: values.get(name) or "" for name in IDENTITY_FIELDS}
    profile = {name: values[name] for name in PROFILE_FIELDS if values.get(name) is not None}
    try:
        clean, who = registration_checked(
            registered_on=values["registered_on"],
            identity=identity,
            consents=consents,
            profile=profile,
        )
    except ValidationFailed as refusal:
        late = next(
            (
                c
                for c, p in CONSENTS.items()
                if values.get(c) and values[c] > values["registered_on"]
            ),
            "consent_take_part",
        )
        errors.extend(refusal_errors(row, refusal, {"consents": late}, "registered_on"))
        return None
    return _New(row, clean, who, consents, source)


def _codes(count: int) -> list[str]:
    """``count`` fresh codes, none already taken."""
    codes: set[str] = set()
    while len(codes) < count:
        drawn = sorted({new_code() for _ in range(count - len(codes))} - codes)
        taken = set(Participant.objects.filter(code__in=drawn).values_list("code", flat=True))
        codes |= set(drawn) - taken
    return sorted(codes)


def _write(actor: Actor, member: Member, new: list[_New]) -> None:
    by = person_or_none(actor)
    made = Participant.objects.bulk_create(
        Participant(
            network_id=member.network_id,
            member=member,
            code=code,
            registered_on=item.row.values["registered_on"],
            created_by=by,
            source_system=item.source[0],
            source_id=item.source[1],
            **item.profile,
        )
        for code, item in zip(_codes(len(new)), new, strict=True)
    )
    Identity.objects.bulk_create(
        Identity(participant=person, **item.identity)
        for person, item in zip(made, new, strict=True)
    )
    Consent.objects.bulk_create(
        Consent(participant=person, purpose=purpose, given_on=day, recorded_by=by)
        for person, item in zip(made, new, strict=True)
        for purpose, day in item.consents.items()
    )
