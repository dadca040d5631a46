"""Demo data for the embedded default: organisations and people for every role, and
scorecards (the Kazakhstan country team's years, fictional country teams, the Co-Meta
network's self-assessment).

Everything here is fictional except facts taken from the public documents the
platform is built from (country names, the UN country team of Kazakhstan).

The top layer: it may import every module and nothing imports it. ``build.build_demo``
builds it all; ``cometa demo`` (management/commands/demo.py) builds it and serves it.
"""
