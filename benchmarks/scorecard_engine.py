"""The rating engine: UNCT-SWAP assessments rated per second, and µs per indicator.

Rates 10,000 assessments (1,000 with ``--quick``) × the 15 UNCT-SWAP indicators with
``engine.rate_assessment``; answers and numeric inputs are random but seeded, so every run
rates the same data. Data generation is not timed. The cases take turns over several
rounds and each keeps its fastest round (the least disturbed by the rest of the machine).

References, measured in the same run on the same data:

* ``trivial call``: the same loop calling a function that returns an empty dict — the
  loop and call overhead that any per-assessment work pays;
* ``dict of 15``: the same loop building a dict of 15 entries per assessment (as large as
  the engine's answer) without evaluating any rule.

``× dict of 15`` is how many times the engine costs what merely building its result costs
(on CPU time, which other work on the machine disturbs least). Pure Python, no database,
no Django.

    .venv/bin/python -m benchmarks.scorecard_engine [--quick]
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from benchmarks import Options, Result, Table, format_table
from cometa.scorecards.frameworks.engine import Answer, rate, rate_assessment
from cometa.scorecards.frameworks.loading import load_builtin, load_framework_text
from cometa.scorecards.frameworks.model import Framework

SEED = 2026
FULL, QUICK = 10_000, 1_000
REPEATS_FULL, REPEATS_QUICK = 5, 3
# How often each answer is drawn: most criteria are answered, some are not known.
ANSWER_WEIGHTS = ((Answer.MET, 45), (Answer.NOT_MET, 40), (Answer.UNKNOWN, 15))
MISSING_INPUT = 0.1  # share of numeric inputs left empty

AnswersByIndicator = dict[str, dict[str, Answer]]
InputsByIndicator = dict[str, dict[str, float | None]]


@dataclass(frozen=True)
class Sample:
    answers: AnswersByIndicator
    inputs: InputsByIndicator


def make_samples(framework: Framework, count: int, seed: int = SEED) -> list[Sample]:
    """``count`` assessments with seeded random answers to every criterion and inputs."""
    draw = random.Random(seed)
    choices = [answer for answer, _ in ANSWER_WEIGHTS]
    weights = [weight for _, weight in ANSWER_WEIGHTS]
    samples = []
    for _ in range(count):
        answers: AnswersByIndicator = {}
        inputs: InputsByIndicator = {}
        for indicator in framework.indicators:
            criteria = [criterion.id for criterion in indicator.criteria]
            picked = draw.choices(choices, weights, k=len(criteria))
            answers[indicator.code] = dict(zip(criteria, picked, strict=True))
            if indicator.inputs:
                inputs[indicator.code] = {
                    item.key: None
                    if draw.random() < MISSING_INPUT
                    else round(draw.uniform(item.min, item.max), 1)
                    for item in indicator.inputs
                }
        samples.append(Sample(answers, inputs))
    return samples


# --- The loops measured ----------------------------------------------------------------------


def _trivial(framework: Framework, answers: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict:
    return {}


def _engine_loop(framework: Framework, samples: list[Sample]) -> int:
    rated = 0
    for sample in samples:
        rated += len(rate_assessment(framework, sample.answers, sample.inputs))
    return rated


def _per_indicator_loop(framework: Framework, samples: list[Sample]) -> int:
    """The same ratings through ``rate`` (one call per indicator)."""
    rated = 0
    for sample in samples:
        for indicator in framework.indicators:
            rate(
                indicator,
                sample.answers.get(indicator.code),
                sample.inputs.get(indicator.code),
            )
            rated += 1
    return rated


def _trivial_loop(framework: Framework, samples: list[Sample]) -> int:
    rated = 0
    for sample in samples:
        rated += len(_trivial(framework, sample.answers, sample.inputs)) + 15
    return rated


def _dict_loop(framework: Framework, samples: list[Sample]) -> int:
    codes = [indicator.code for indicator in framework.indicators]
    rated = 0
    for sample in samples:
        built = {code: (code, sample.answers.get(code)) for code in codes}
        rated += len(built)
    return rated


def _measure(
    cases: list[tuple[str, Callable[[Framework, list[Sample]], int]]],
    framework: Framework,
    samples: list[Sample],
    repeats: int,
) -> dict[str, tuple[float, float, int]]:
    """Each case's fastest wall time and smallest CPU time over ``repeats`` rounds, and what
    its loop counted. The cases take turns within each round, so a burst of other work on
    the machine falls on all of them rather than on one; CPU time is the steadier figure
    when the machine is busy."""
    best: dict[str, tuple[float, float, int]] = {
        name: (float("inf"), float("inf"), 0) for name, _ in cases
    }
    for _ in range(repeats):
        for name, loop in cases:
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            counted = loop(framework, samples)
            wall, used = time.perf_counter() - start, time.process_time() - start_cpu
            old_wall, old_cpu, _ = best[name]
            best[name] = (min(old_wall, wall), min(old_cpu, used), counted)
    return best


def _cold_compile_ms(framework: Framework) -> float:
    """Rating one assessment with a framework object never rated before: the rules are
    compiled on that first call (then kept while the object lives)."""
    fresh = load_framework_text(_source_of(framework), name="bench")
    sample = make_samples(fresh, 1, seed=SEED + 1)[0]
    start = time.perf_counter()
    rate_assessment(fresh, sample.answers, sample.inputs)
    return (time.perf_counter() - start) * 1000


def _source_of(framework: Framework) -> str:
    from importlib import resources

    folder = resources.files("cometa.scorecards.frameworks.loading") / "data"
    return (folder / f"{framework.identifier}-{framework.version}.yaml").read_text("utf-8")


# --- The benchmark ---------------------------------------------------------------------------


def run(quick: bool, *, echo: bool = True) -> list[dict[str, Any]]:
    """Measures every case; prints the table (unless ``echo`` is false) and returns its rows."""
    framework = load_builtin("unct-swap")
    indicators = len(framework.indicators)
    count = QUICK if quick else FULL
    repeats = REPEATS_QUICK if quick else REPEATS_FULL
    samples = make_samples(framework, count)
    _engine_loop(framework, samples[:50])  # compile the rules before timing
    cases: list[tuple[str, Callable[[Framework, list[Sample]], int]]] = [
        ("engine: rate_assessment", _engine_loop),
        ("engine: rate, one call per indicator", _per_indicator_loop),
        ("reference: trivial call", _trivial_loop),
        ("reference: dict of 15", _dict_loop),
    ]
    measured = _measure(cases, framework, samples, repeats)
    for name, (_, _, counted) in measured.items():
        if counted != count * indicators:
            raise RuntimeError(f"{name}: counted {counted}, expected {count * indicators}")
    dict_cpu = measured["reference: dict of 15"][1]
    rows = [
        {
            "case": name,
            "assessments": count,
            "seconds": seconds,
            "assessments_per_s": count / seconds,
            "us_per_indicator": seconds / (count * indicators) * 1e6,
            "cpu_us_per_indicator": cpu / (count * indicators) * 1e6,
            "vs_dict_of_15": cpu / dict_cpu,
        }
        for name, (seconds, cpu, _) in measured.items()
    ]
    levels = _level_shares(framework, samples)
    rows.append(
        {
            "case": "cold: first rating with a new framework object",
            "assessments": 1,
            "ms": _cold_compile_ms(framework),
            "levels": levels,
        }
    )
    if echo:
        print(format_table(table(rows, count, repeats, levels)))
    return rows


def _level_shares(framework: Framework, samples: list[Sample]) -> dict[str, float]:
    """How the random data spread over the levels (a check that every level is reached)."""
    counts = dict.fromkeys(framework.level_keys, 0)
    for sample in samples:
        for rating in rate_assessment(framework, sample.answers, sample.inputs).values():
            counts[rating.level] += 1
    total = sum(counts.values())
    return {level: round(100 * n / total, 1) for level, n in counts.items()}


def table(rows: list[dict[str, Any]], count: int, repeats: int, levels: dict[str, float]) -> Table:
    timed = [row for row in rows if "seconds" in row]
    cold = next(row for row in rows if "ms" in row)
    return Table(
        title=f"Rating engine: {count:,} UNCT-SWAP assessments × 15 indicators (pure Python)",
        columns=[
            "case",
            "assessments/s",
            "µs/indicator",
            "CPU µs/indicator",
            "× dict of 15 (CPU)",
        ],
        rows=[
            [
                row["case"],
                row["assessments_per_s"],
                row["us_per_indicator"],
                row["cpu_us_per_indicator"],
                row["vs_dict_of_15"],
            ]
            for row in timed
        ],
        notes=[
            f"best of {repeats} rounds over the same seeded data (seed {SEED}), the cases "
            "taking turns; data generation not timed",
            "assessments/s and µs/indicator: wall clock; CPU µs/indicator: process CPU time, "
            "steadier when the machine is busy",
            f"first rating with a new framework object (rules compiled): {cold['ms']:.2f} ms",
            "levels reached: " + ", ".join(f"{k} {v}%" for k, v in levels.items()),
        ],
    )


def bench(options: Options) -> Result:
    """The entry point for benchmarks/run.py: ``lazy("benchmarks.scorecard_engine:bench")``."""
    rows = run(options.quick, echo=False)
    timed = [row for row in rows if "seconds" in row]
    count = timed[0]["assessments"]
    repeats = REPEATS_QUICK if options.quick else REPEATS_FULL
    return Result(tables=[table(rows, count, repeats, rows[-1]["levels"])], data={"rows": rows})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scorecard_engine")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK:,} assessments")
    run(parser.parse_args(argv).quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
