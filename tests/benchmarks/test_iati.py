"""The IATI benchmark's generator and cases on a small file (no timings)."""

from __future__ import annotations

from benchmarks import iati
from cometa.interchange.iati import read


def test_the_generated_file_is_valid_and_about_the_size_asked(tmp_path):
    path = tmp_path / "a.xml"
    count = iati.generate(path, 0.5)
    path.with_suffix(".count").write_text(str(count))
    assert 0.4 * iati.MB < path.stat().st_size < 0.6 * iati.MB
    reading = read(path)
    assert reading.report.ok and len(reading.activities) == count
    period = reading.activities[0].results[0].indicators[0].periods[0]
    assert [len(a.dimensions) for a in period.actuals] == [0, 1, 1]
    for name, case in iati.CASES.items():
        assert case(path) == count, name
