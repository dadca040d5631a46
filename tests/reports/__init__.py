"""Shared sample data for the reports adapter tests (plain data, no ORM)."""

from __future__ import annotations

from functools import cache

from cometa.reports.charts import Chart, ratings_by_dimension_chart
from cometa.reports.document import (
    BulletList,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)

LEVELS = ["exceeds", "meets", "approaches", "missing"]
LEVEL_LABELS = {
    "exceeds": "Exceeds requirements",
    "meets": "Meets requirements",
    "approaches": "Approaches requirements",
    "missing": "Missing requirements",
}
DIMENSIONS = [
    "Planning",
    "Programming and M&E",
    "Partnerships",
    "Leadership and organizational culture",
    "Gender architecture and capacities",
    "Financial resources",
    "Results",
]
COUNTS = {
    "Planning": {"exceeds": 1, "meets": 2},
    "Programming and M&E": {"meets": 1, "approaches": 1, "missing": 1},
    "Partnerships": {"exceeds": 1, "approaches": 1},
    "Leadership and organizational culture": {"meets": 2, "approaches": 1},
    "Gender architecture and capacities": {"exceeds": 1, "missing": 1},
    "Financial resources": {"approaches": 1},
    "Results": {"meets": 1},
}
RUSSIAN = "Страновая группа ООН укрепила гендерную архитектуру и подотчётность."
SPANISH = "El equipo de país logró avances en la planificación conjunta con enfoque de género."
RUSSIAN_CELL = "Гендерный анализ"
RUSSIAN_HEADING = "Выводы и рекомендации"

_INDICATORS = [
    ("1.1", "Common Country Analysis", "Meets requirements"),
    ("1.2", "Cooperation Framework outcomes", "Exceeds requirements"),
    ("1.3", "Cooperation Framework indicators", "Meets requirements"),
    ("2.1", "Joint programmes", "Approaches requirements"),
    ("2.2", "Communication and advocacy", "Meets requirements"),
    ("2.3", "Cooperation Framework monitoring and evaluation", "Missing requirements"),
    ("3.1", "Government engagement", "Exceeds requirements"),
    ("3.2", "Engagement with women's/gender equality CSOs", "Approaches requirements"),
    ("4.1", "Leadership", "Meets requirements"),
    ("4.2", "Organizational culture", "Meets requirements"),
    ("4.3", "Gender parity", "Approaches requirements"),
    ("5.1", "Coordination mechanism", "Exceeds requirements"),
    ("5.2", "Gender capacities", "Missing requirements"),
    ("6.1", "Financial resources", "Approaches requirements"),
    ("7.1", RUSSIAN_CELL, "Meets requirements"),
]


def ratings_chart() -> Chart:
    return ratings_by_dimension_chart(
        DIMENSIONS,
        LEVELS,
        COUNTS,
        title="UNCT-SWAP ratings by dimension",
        level_labels=LEVEL_LABELS,
        x_label="Number of indicators",
    )


def ratings_rows() -> list[list[str]]:
    evidence = "Evidence reviewed by the inter-agency team; see annex for sources and dates."
    return [[code, name, level, evidence] for code, name, level in _INDICATORS]


@cache
def sample_document() -> Document:
    chart = ratings_chart()
    return Document(
        title="UNCT-SWAP Scorecard 2024 — Colombia",
        subtitle="Annual report of the United Nations Country Team",
        metadata=[("Country", "Colombia"), ("Year", "2024"), ("Status", "Submitted")],
        lang="en",
        blocks=[
            Heading("Summary", 1),
            Paragraph("The country team met or exceeded 9 of 15 performance indicators."),
            BulletList(["Strong government engagement", "Gender parity still lagging"]),
            Heading("Ratings by indicator", 2),
            Table(
                headers=["Indicator", "Name", "Rating", "Evidence"],
                rows=ratings_rows(),
                caption="Table 1. Ratings by performance indicator",
            ),
            Figure(
                png=chart.png,
                svg=chart.svg,
                alt="Stacked bar chart of ratings by dimension",
                caption="Figure 1. Ratings by dimension",
            ),
            Heading("Resumen en español", 2),
            Paragraph(SPANISH),
            Heading("Detalle de la planificación", 3),
            Paragraph("Año, niño, acción: caracteres acentuados ¿correctos? ¡Sí!"),
            PageBreak(),
            Heading(RUSSIAN_HEADING, 1),
            Paragraph(RUSSIAN),
        ],
    )
