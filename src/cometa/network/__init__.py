"""Shared measurement for a collective-impact network (issue 10).

Owns: the network and its members (periods, onboarding, data-sharing agreements, exit
surveys, the shared member page, meetings and decisions), sites, programmes, pathways,
cohorts, sessions and attendance, staff and their training, participants (pseudonymous
record, restricted identity, consent by purpose), enrolments through their states,
mentoring, psychosocial flags and referrals, graduation, exits and follow-ups; the access
rules over all of it (``access``), its selectors and its services.

May import ``cometa.accounts`` and ``cometa.core`` only. Must not import
``cometa.scorecards`` or ``cometa.results``: indicators over these tables are computed
by ``cometa.indicators`` through queries this module registers with it (part 2).
"""
