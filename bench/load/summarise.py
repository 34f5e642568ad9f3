"""Turn locust's ``--json`` statistics into the summary kept in docs/performance.md."""

from __future__ import annotations

import json
import sys
from typing import Any


def percentile(histogram: dict[str, int], fraction: float) -> int:
    """The response time (ms) below which ``fraction`` of the requests fall."""
    total = sum(histogram.values())
    if not total:
        return 0
    seen = 0
    for value, count in sorted((float(k), v) for k, v in histogram.items()):
        seen += count
        if seen >= fraction * total:
            return round(value)
    return 0


def summarise(stats: list[dict[str, Any]], meta: dict[str, Any]) -> dict[str, Any]:
    actions = {}
    merged: dict[str, int] = {}
    for entry in stats:
        times = entry["response_times"]
        for k, v in times.items():
            merged[k] = merged.get(k, 0) + v
        actions[entry["name"]] = {
            "requests": entry["num_requests"], "failures": entry["num_failures"],
            "median_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95),
            "max_ms": round(entry["max_response_time"]),
        }
    requests = sum(a["requests"] for a in actions.values())
    return {
        **meta,
        "requests": requests,
        "failures": sum(a["failures"] for a in actions.values()),
        "requests_per_second": round(requests / meta["seconds"], 1)
        if meta.get("seconds") else None,
        "median_ms": percentile(merged, 0.5), "p95_ms": percentile(merged, 0.95),
        "actions": dict(sorted(actions.items())),
    }


if __name__ == "__main__":
    with open(sys.argv[1]) as handle:
        raw = json.load(handle)
    meta = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    print(json.dumps(summarise(raw, meta), indent=2))
