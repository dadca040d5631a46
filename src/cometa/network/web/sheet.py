"""The attendance sheet's ticks turned into marks (pure).

The sheet asks one thing per woman, whether she attended, so that it is quick on a
phone: a tick is "present", no tick "absent". Finer marks given before (by an import or
the API) survive a second save when the tick agrees with them: a woman marked late and
still ticked stays late, one absent with an excuse and still not ticked keeps her
excuse."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cometa.network.codes import AttendanceStatus as Mark

ATTENDED = frozenset({Mark.PRESENT.value, Mark.LATE.value})


def parse_ids(values: Iterable[str]) -> set[int]:
    """Enrolment ids from the form; anything that is not a whole number is left out."""
    return {int(value) for value in values if value.isdigit()}


def marks_from_ticks(
    listed: Iterable[int], ticked: Iterable[int], before: Mapping[int, str]
) -> dict[int, str]:
    """A mark for every woman listed on the sheet (ticks of women not listed are left out)."""
    chosen = set(ticked)
    marks = {}
    for enrolment in listed:
        earlier = before.get(enrolment, "")
        if enrolment in chosen:
            marks[enrolment] = earlier if earlier in ATTENDED else Mark.PRESENT.value
        else:
            marks[enrolment] = earlier if earlier == Mark.EXCUSED else Mark.ABSENT.value
    return marks
