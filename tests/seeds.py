"""Where the seed documents are: the three texts Cometa was built from (not committed, as
their wording is not ours). Tests that read them skip when they are absent.

Looked for in $COMETA_SEEDS_DIR, then in ``shared/seeds`` beside the repository or any
folder above it (a CI clone may sit deeper than the working copy), then /work/shared/seeds.
"""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
KAZAKHSTAN_2022 = "001_537e9a5bf0bea773.txt"


def seeds_dir() -> Path | None:
    candidates = (
        [Path(os.environ["COMETA_SEEDS_DIR"])] if os.environ.get("COMETA_SEEDS_DIR") else []
    )
    candidates += [folder / "shared" / "seeds" for folder in REPOSITORY.parents]
    candidates.append(Path("/work/shared/seeds"))
    return next((folder for folder in candidates if (folder / KAZAKHSTAN_2022).is_file()), None)


SEEDS = seeds_dir()
SEED = (SEEDS or REPOSITORY / "shared" / "seeds") / KAZAKHSTAN_2022

# Table 1 of the Kazakhstan 2022 annual progress report (the seed): each indicator's rating
# in 2022, and the five indicators the team reassessed that year.
KAZAKHSTAN_2022_LEVELS = {
    "1.1": "approaches",
    "1.2": "exceeds",
    "1.3": "meets",
    "2.1": "meets",
    "2.2": "exceeds",
    "2.3": "approaches",
    "3.1": "exceeds",
    "3.2": "meets",
    "4.1": "meets",
    "4.2": "meets",
    "4.3": "approaches",
    "5.1": "missing",
    "5.2": "approaches",
    "6.1": "approaches",
    "7.1": "approaches",
}
KAZAKHSTAN_2022_REASSESSED = ["2.2", "3.2", "5.2", "6.1", "7.1"]
