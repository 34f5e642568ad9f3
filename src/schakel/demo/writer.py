"""Writing an exchange file in one pass with bounded memory.

The format wants every person before every household, every household before
every episode, and so on. The generator produces a household with its
persons, episodes and events together, so each section streams to a scratch
file next to the output; ``finish`` writes the header and the head lines
(tenant and staff, known only at the end) and appends the sections in order.
The output appears under its final name only when complete.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from schakel.demo.clock import iso

SECTIONS = ("person", "household", "episode", "event", "short_contact")
FORMAT = "schakel-exchange"
VERSION = 1

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class SectionWriter:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._scratch = {s: path.with_name(f".{path.name}.{s}.part") for s in SECTIONS}
        self._files: dict[str, IO[str]] = {
            s: p.open("w", encoding="utf-8", buffering=1 << 20) for s, p in self._scratch.items()
        }
        self.counts = dict.fromkeys(SECTIONS, 0)

    def write(self, section: str, line: dict[str, Any]) -> None:
        self._files[section].write(_encode(line) + "\n")
        self.counts[section] += 1

    def finish(self, exported_at: dt.datetime, head: Iterable[dict[str, Any]]) -> int:
        """Assemble the file; returns the number of lines written."""
        for f in self._files.values():
            f.close()
        partial = self.path.with_name(f".{self.path.name}.partial")
        lines = 1
        with partial.open("w", encoding="utf-8") as out:
            header = {"type": "header", "format": FORMAT, "version": VERSION,
                      "exported_at": iso(exported_at)}
            out.write(_encode(header) + "\n")
            for line in head:
                out.write(_encode(line) + "\n")
                lines += 1
            for section in SECTIONS:
                out.flush()
                with self._scratch[section].open("r", encoding="utf-8") as part:
                    shutil.copyfileobj(part, out, 1 << 20)
                lines += self.counts[section]
        os.replace(partial, self.path)
        self.cleanup()
        return lines

    def cleanup(self) -> None:
        for f in self._files.values():
            f.close()
        for p in self._scratch.values():
            p.unlink(missing_ok=True)
