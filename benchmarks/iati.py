"""IATI 2.03 import and export: throughput on a generated ~50 MB file against a bare lxml
iterparse of the same file in the same run, and peak memory for 5 MB and 50 MB files.

The file is generated (seeded) with many results: each activity has 5 results × 4
indicators × 3 periods, each period 3 targets and 3 actuals (total, female, male) with
comments, and baselines by sex. Cases, taking turns over several rounds (fastest kept):

* ``lxml iterparse`` (**the reference**): ``etree.iterparse(tag="iati-activity")``, each
  activity cleared and freed as the reader does, nothing else: what parsing alone costs;
* ``lxml iterparse + walk``: the same, touching every element and its attributes once;
* ``import``: ``cometa.interchange.iati.check`` — the hardened reader building the model of
  every activity, every code, number and date checked, what is not held reported;
* ``export``: ``write`` of as many activities as the file has (the file's first 20, cycled,
  so the input takes no memory), built and streamed to ``/dev/null``;
* ``export + checks``: the same with every activity checked against the XSD and the rules.

``× lxml`` is the case's MB/s over the reference's (1.0 = as fast as parsing alone).
Peak memory is each case's maximum resident set size in a fresh process (``ru_maxrss``),
for a 5 MB and a 50 MB file; ``import only`` is the interpreter with the modules loaded
and nothing read, the floor under every figure.

    .venv/bin/python -m benchmarks.iati [--quick]
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from lxml import etree

from benchmarks import ROOT, Options, Result, Table, format_table
from cometa.interchange.iati import Report, check, read, read_activities, write
from cometa.interchange.iati.model import (
    Activity,
    ActivityDate,
    Baseline,
    Description,
    Dimension,
    Indicator,
    Narrative,
    Organisation,
    Period,
    Text,
    Value,
)
from cometa.interchange.iati.model import (
    Result as IatiResult,
)

MB = 1024 * 1024
SEED = 2026
SIZES_FULL, SIZES_QUICK = (5, 50), (2, 10)  # MB: memory at each; throughput on the last
ROUNDS_FULL, ROUNDS_QUICK = 3, 1
SEXES = (None, "female", "male")


def _text(draw: random.Random, words: str) -> Text:
    return Text((Narrative(f"{words} {draw.randint(1, 9999)}"), Narrative(f"{words} (es)", "es")))


def _cells(draw: random.Random) -> tuple[Value, ...]:
    total = draw.randint(100, 5000)
    female = draw.randint(0, total)
    parts = (total, female, total - female)
    return tuple(
        Value(
            str(amount),
            dimensions=() if sex is None else (Dimension("sex", sex),),
            comment=_text(draw, "Counted from the register") if sex is None else None,
        )
        for sex, amount in zip(SEXES, parts, strict=True)
    )


def _indicator(draw: random.Random) -> Indicator:
    periods = tuple(
        Period(date(year, 1, 1), date(year, 12, 31), _cells(draw), _cells(draw))
        for year in (2022, 2023, 2024)
    )
    baselines = tuple(
        Baseline(2021, value=str(draw.randint(0, 100)), dimensions=(Dimension("sex", sex),))
        for sex in ("female", "male")
    )
    return Indicator(
        "1", _text(draw, "Women trained"), ascending=True, baselines=baselines, periods=periods
    )


def make_activity(draw: random.Random, number: int) -> Activity:
    results = tuple(
        IatiResult(
            draw.choice(("1", "2")),
            _text(draw, "Result"),
            tuple(_indicator(draw) for _ in range(4)),
            description=_text(draw, "What the result is about"),
        )
        for _ in range(5)
    )
    return Activity(
        identifier=f"XM-DAC-41146-B{number:06d}_D_1.1",
        reporting_org=Organisation("XM-DAC-41146", "40", name=(Narrative("UN Women"),)),
        title=_text(draw, "Outcome"),
        descriptions=(Description(_text(draw, "Statement")),),
        participating_orgs=(Organisation(role="4"),),
        status="2",
        dates=(ActivityDate("1", date(2022, 1, 1)),),
        results=results,
        lang="en",
    )


def generate(path: Path, megabytes: float, seed: int = SEED) -> int:
    """Writes a file of about ``megabytes``; returns how many activities it holds."""
    draw = random.Random(seed)
    sample = [make_activity(draw, n) for n in range(20)]
    probe = path.with_suffix(".probe")
    write(sample, str(probe), validate=False)
    per_activity = probe.stat().st_size / len(sample)
    probe.unlink()
    count = max(1, round(megabytes * MB / per_activity))
    write(_cycled(sample, count), str(path), validate=False)
    return count


def _cycled(sample: list[Activity], count: int) -> Iterator[Activity]:
    return itertools.islice(itertools.cycle(sample), count)


# --- The cases ---------------------------------------------------------------------------


def lxml_iterparse(path: Path) -> int:
    count = 0
    for _, element in etree.iterparse(str(path), tag="iati-activity", resolve_entities=False):
        count += 1
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]
    return count


def lxml_walk(path: Path) -> int:
    count = 0
    for _, element in etree.iterparse(str(path), tag="iati-activity", resolve_entities=False):
        count += 1
        for node in element.iter():
            node.attrib.items()
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]
    return count


def import_(path: Path) -> int:
    report = check(path)
    if not report.ok:
        raise RuntimeError(report.summary()[:3])
    return report.activities


def _export(path: Path, validate: bool) -> int:
    count = _count(path)
    sample = list(itertools.islice(read_activities(path, Report()), 20))
    with open(os.devnull, "wb") as out:
        report: Report = write(_cycled(sample, count), out, validate=validate)
    if not report.ok:
        raise RuntimeError(report.summary()[:3])
    return report.activities


def export(path: Path) -> int:
    return _export(path, validate=False)


def export_checked(path: Path) -> int:
    return _export(path, validate=True)


def _count(path: Path) -> int:
    return int(path.with_suffix(".count").read_text())


CASES: dict[str, Callable[[Path], int]] = {
    "lxml iterparse (reference)": lxml_iterparse,
    "lxml iterparse + walk": lxml_walk,
    "import (check)": import_,
    "export": export,
    "export + checks": export_checked,
}


def read_all(path: Path) -> int:
    """For contrast in the memory table only: every activity kept as a list."""
    return len(read(path).activities)


MEMORY_CASES: dict[str, Callable[[Path], int]] = CASES | {"import, all kept (read)": read_all}


def _throughput(path: Path, rounds: int) -> dict[str, tuple[float, float, int]]:
    best = {name: (float("inf"), float("inf"), 0) for name in CASES}
    for _ in range(rounds):
        for name, case in CASES.items():
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            counted = case(path)
            wall, used = time.perf_counter() - start, time.process_time() - cpu
            best[name] = (min(best[name][0], wall), min(best[name][1], used), counted)
    return best


def _peaks(case: str, path: Path) -> tuple[float, float]:
    """Peak resident set size and peak Python heap (tracemalloc), in MB, of a fresh
    process running ``case`` on ``path``. RSS counts libxml2's memory too, but its floor
    (the interpreter and modules) can hide a small growth; the Python heap shows it."""
    code = (
        "import json, resource, sys, tracemalloc; from benchmarks import iati; "
        "name, path = sys.argv[1], sys.argv[2]; tracemalloc.start(); "
        "iati.MEMORY_CASES[name](iati.Path(path)) if name != 'none' else None; "
        "print(json.dumps([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "tracemalloc.get_traced_memory()[1]]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, case, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rss, heap = json.loads(done.stdout.strip().splitlines()[-1])
    return rss / 1024, heap / MB  # Linux reports ru_maxrss in KiB


def run(options: Options) -> Result:
    sizes = SIZES_QUICK if options.quick else SIZES_FULL
    rounds = ROUNDS_QUICK if options.quick else ROUNDS_FULL
    with tempfile.TemporaryDirectory(prefix="cometa-bench-iati-") as folder:
        files = {}
        for size in sizes:
            path = Path(folder) / f"activities-{size}mb.xml"
            options.log(f"iati: generating {size} MB")
            path.with_suffix(".count").write_text(str(generate(path, size)))
            files[size] = path
        largest = files[sizes[-1]]
        options.log(f"iati: throughput on {largest.stat().st_size / MB:.1f} MB, {rounds} rounds")
        measured = _throughput(largest, rounds)
        options.log("iati: peak memory")
        memory = {
            size: {name: _peaks(name, path) for name in ["none", *MEMORY_CASES]}
            for size, path in files.items()
        }
        return _result(largest, measured, memory)


def _result(
    path: Path,
    measured: dict[str, tuple[float, float, int]],
    memory: dict[int, dict[str, tuple[float, float]]],
) -> Result:
    megabytes = path.stat().st_size / MB
    reference = measured["lxml iterparse (reference)"][0]
    speed = Table(
        f"IATI import and export, {megabytes:.1f} MB, {_count(path):,} activities",
        ["case", "seconds", "CPU s", "MB/s", "activities/s", "× lxml", "× lxml CPU"],
    )
    reference_cpu = measured["lxml iterparse (reference)"][1]
    for name, (wall, cpu, counted) in measured.items():
        speed.rows.append(
            [
                name,
                wall,
                cpu,
                megabytes / wall,
                counted / wall,
                round(reference / wall, 2),
                round(reference_cpu / cpu, 2),
            ]
        )
    speed.notes.append("× lxml: the case's speed over the bare iterparse's (1.0 = as fast)")
    speed.notes.append("× lxml CPU: the same on CPU time, steadier when the machine is busy")
    sizes = sorted(memory)
    columns = [f"{kind}, {size} MB file" for kind in ("RSS MB", "heap MB") for size in sizes]
    peak = Table("IATI peak memory (fresh process each)", ["case", *columns])
    for name in ["none", *MEMORY_CASES]:
        label = "import only (floor)" if name == "none" else name
        rss = [round(memory[size][name][0], 1) for size in sizes]
        heap = [round(memory[size][name][1], 2) for size in sizes]
        peak.rows.append([label, *rss, *heap])
    peak.notes.append("the same figure at both sizes means memory does not grow with the file")
    peak.notes.append("'all kept' holds every activity in a list: the contrast, not a way in")
    return Result([speed, peak], {"throughput": measured, "memory": memory})


def main(argv: list[str] | None = None) -> int:
    quick = "--quick" in (argv if argv is not None else sys.argv[1:])
    result = run(Options(quick=quick, log=lambda message: print(message, file=sys.stderr)))
    for table in result.tables:
        print(format_table(table) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
