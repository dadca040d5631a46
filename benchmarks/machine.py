"""The machine a run measured: cores, memory, CPU model, OS and the software versions."""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from pathlib import Path
from typing import Any


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.lower().startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown"


def memory_gib() -> float | None:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


def operating_system() -> str:
    pretty = ""
    for line in _read("/etc/os-release").splitlines():
        if line.startswith("PRETTY_NAME="):
            pretty = line.split("=", 1)[1].strip().strip('"')
    kernel = f"{platform.system()} {platform.release()}"
    return f"{pretty} ({kernel})" if pretty else kernel


def virtualisation() -> str:
    """The hypervisor, if the CPU flags say there is one (a VM's figures vary more)."""
    if " hypervisor" in _read("/proc/cpuinfo"):
        vendor = _read("/sys/class/dmi/id/sys_vendor").strip()
        return f"virtual machine{f' ({vendor})' if vendor else ''}"
    return "none detected"


def postgres_version(url: str | None) -> str:
    if not url:
        return "not measured (no --postgres)"
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=5) as connection:
            row = connection.execute("SHOW server_version").fetchone()
        return f"PostgreSQL {row[0]}" if row else "unknown"
    except Exception as error:  # the description must not stop the run
        return f"unreachable ({type(error).__name__})"


def load_average() -> list[float] | None:
    """1, 5 and 15-minute load: other work on the machine skews every figure."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def cpu_seconds_busy() -> float | None:
    """CPU time the whole machine has spent busy since boot (all cores, /proc/stat)."""
    fields = _read("/proc/stat").split("\n", 1)[0].split()
    if not fields or fields[0] != "cpu":
        return None
    user, nice, system, _idle, _iowait, irq, softirq = (int(x) for x in fields[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def cpu_seconds_ours() -> float:
    """CPU time of this process and of every child process it has waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class OtherWork:
    """How busy the machine was with work other than this process and its children, in
    cores, between ``start()`` and ``cores()``. A PostgreSQL server's work counts as other."""

    def __init__(self) -> None:
        self.start()

    def start(self) -> None:
        self._busy, self._ours = cpu_seconds_busy(), cpu_seconds_ours()
        self._wall = time.monotonic()

    def cores(self) -> float | None:
        busy, wall = cpu_seconds_busy(), time.monotonic() - self._wall
        if busy is None or self._busy is None or wall <= 0:
            return None
        other = (busy - self._busy) - (cpu_seconds_ours() - self._ours)
        return round(max(other, 0.0) / wall, 2)


def describe(postgres_url: str | None = None) -> dict[str, Any]:
    try:
        import django

        django_version = django.get_version()
    except ImportError:
        django_version = "not installed"
    return {
        "cores": os.cpu_count(),
        "ram_gib": memory_gib(),
        "cpu": cpu_model(),
        "virtualisation": virtualisation(),
        "os": operating_system(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres_version(postgres_url),
        "django": django_version,
        "load_average": load_average(),
    }


def summary(machine: dict[str, Any]) -> str:
    return (
        f"{machine['cores']} cores, {machine['ram_gib']} GiB RAM, {machine['cpu']} "
        f"[{machine['virtualisation']}]; {machine['os']}; {machine['python']}; "
        f"SQLite {machine['sqlite']}; {machine['postgresql']}; Django {machine['django']}; "
        f"load average {machine.get('load_average')}"
    )
