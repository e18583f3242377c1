"""Reading the benchmarks' JSONL files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file, lazily; the first ``limit`` if given; blank lines skipped."""
    count = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and count >= limit:
                return
            if line.strip():
                count += 1
                yield json.loads(line)
