"""A deterministic generator of Co-Meta-like networks, all synthetic.

``layout`` decides the network's shape from the number of women (partners, centres,
cohorts, sessions, staff) and ``draw`` each woman's profile and path through the
programme; both are pure functions of (size, seed), so the same command gives the same
network on any machine. ``writer`` puts the structure in through the network's services
(audited like any set-up) and the volume (women, enrolments, attendance, follow-ups) in
batches of bulk inserts, which is what makes 100,000 women take minutes, not hours.
"""
