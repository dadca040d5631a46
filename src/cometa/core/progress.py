"""Progress lines for long commands: on a terminal they rewrite one line, in logs they
print every step, so an operator on a slow link can see work moving."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None) -> None:
        self.label, self.total = label, total
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.tty = self.stream.isatty()

    def update(self, done: int, note: str = "") -> None:
        share = (
            f" {done}/{self.total} ({100 * done // max(self.total, 1)}%)"
            if self.total
            else f" {done}"
        )
        line = f"{self.label}:{share}{' ' + note if note else ''}"
        self.stream.write(("\r" + line) if self.tty else line + "\n")
        self.stream.flush()

    def done(self, note: str = "done") -> None:
        seconds = time.monotonic() - self.started
        self.stream.write(("\n" if self.tty else "") + f"{self.label}: {note} in {seconds:.1f} s\n")
        self.stream.flush()


class Phases:
    """One progress line per phase of a long command ("Backup database", "Backup files"),
    fed by ``report(phase, done, total)`` callbacks; a total of 0 means unknown."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label, self.stream = label, stream
        self.phase: str | None = None
        self.current: Progress | None = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != self.phase or self.current is None:
            self.finish()
            self.phase = phase
            self.current = Progress(f"{self.label} {phase}", total or None, self.stream)
        self.current.update(done)

    def finish(self) -> None:
        if self.current is not None:
            self.current.done()
        self.current = None
