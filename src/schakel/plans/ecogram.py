"""Layout of the network map (ecogram): the household in the middle, its network around it.

Pure geometry for a server-rendered SVG. The line says how someone affects the
household (solid green supports, dashed red burdens, dotted both, thin grey
neither); the same facts are in a table next to it, so colour is never the
only cue.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from schakel.plans.constants import Influence, NetworkKind
from schakel.plans.models import NetworkEntry

WIDTH, HEIGHT = 680, 500
CENTRE_X, CENTRE_Y = WIDTH / 2, HEIGHT / 2
ORBIT = 190
NODE = 40

LINE_STYLES: dict[str, tuple[str, float, str]] = {
    Influence.SUPPORTS: ("#1e6b35", 4, ""),
    Influence.BURDENS: ("#b3261e", 3, "9 6"),
    Influence.BOTH: ("#8a5a00", 3, "2 5"),
    Influence.NEUTRAL: ("#6b7785", 1.5, ""),
}


@dataclass(frozen=True)
class Node:
    entry: NetworkEntry
    x: float
    y: float
    is_person: bool
    stroke: str
    width: float
    dash: str
    name: str
    role: str


@dataclass(frozen=True)
class Ecogram:
    width: int
    height: int
    cx: float
    cy: float
    node: int
    nodes: list[Node]


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def layout(entries: Sequence[NetworkEntry]) -> Ecogram:
    """Current entries evenly around the household, starting at the top."""
    shown = [e for e in entries if e.ended_on is None]
    nodes = []
    for i, entry in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(shown), 1)
        stroke, width, dash = LINE_STYLES.get(entry.influence, LINE_STYLES[Influence.NEUTRAL])
        nodes.append(Node(
            entry=entry,
            x=round(CENTRE_X + ORBIT * math.cos(angle), 1),
            y=round(CENTRE_Y + ORBIT * 0.82 * math.sin(angle), 1),
            is_person=entry.kind == NetworkKind.PERSON,
            stroke=stroke, width=width, dash=dash,
            name=_short(entry.name), role=_short(entry.role),
        ))
    return Ecogram(WIDTH, HEIGHT, CENTRE_X, CENTRE_Y, NODE, nodes)
