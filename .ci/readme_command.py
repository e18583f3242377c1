"""Print command N (1-based) of the README's Quick start block, so CI runs what readers run."""

import re
import sys
from pathlib import Path

readme = Path(__file__).resolve().parent.parent.joinpath("README.md").read_text()
section = re.search(r"^## Quick start\s*$(.*?)(?=^## )", readme, re.M | re.S)
block = section and re.search(r"```(?:bash|sh|shell)?\n(.*?)```", section.group(1), re.S)
if not block:
    sys.exit("README has no '## Quick start' shell block")
commands = [c for c in block.group(1).splitlines() if c.strip() and not c.lstrip().startswith("#")]
print(commands[int(sys.argv[1]) - 1])
