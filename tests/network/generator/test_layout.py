from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.network.generator import layout


@settings(deadline=None, max_examples=40)  # large layouts take a while on a busy machine
@given(st.integers(min_value=1, max_value=120_000))
def test_every_woman_has_one_cohort_and_cohorts_stay_within_capacity(women):
    plan = layout.layout(women)
    assert plan.women == women
    assert all(1 <= cohort.women <= layout.CAPACITY for cohort in plan.cohorts)
    assert len({cohort.code for cohort in plan.cohorts}) == len(plan.cohorts)


@pytest.mark.parametrize(("women", "partners", "centres"), [(1500, 3, 6), (100_000, 20, 400)])
def test_the_shape_grows_with_the_network(women, partners, centres):
    plan = layout.layout(women)
    assert (len(plan.partners), len(plan.centres)) == (partners, centres)
    assert len(set(plan.partners)) == partners


def test_cohorts_run_inside_the_three_years_with_their_sessions():
    plan = layout.layout(1500)
    end = layout.START + timedelta(days=365 * layout.YEARS)
    for cohort in plan.cohorts:
        assert layout.START <= cohort.starts_on < cohort.ends_on <= end
        assert len(cohort.sessions) == layout.SESSIONS
        assert cohort.sessions[0] == cohort.starts_on and cohort.sessions[-1] < cohort.ends_on
    # some cohorts are still running on the day the data stands
    assert any(cohort.ends_on > layout.AS_OF for cohort in plan.cohorts)


def test_no_network_without_women():
    with pytest.raises(ValueError):
        layout.layout(0)
