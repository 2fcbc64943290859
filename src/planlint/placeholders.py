"""What ``planlint init`` writes until the plan's author replaces it, and LBF030 looks for.

Its own small module: the placeholder rule runs on every plan, and importing
all of ``init_plan`` for these three values would cost every ``check``.
"""

import re

#: A value a plan author must replace is written as ``<what to write>``: a whole
#: string in angle brackets (no plan text looks like that), so LBF030 finds every
#: one init writes, and any the author adds in the same style.
PLACEHOLDER = re.compile(r"^<[^<>]+>$")

#: The example budget's amounts per year (LBF 75 %, local co-financing 25 %, as
#: the format reference's minimal plan): LBF030 recognises a budget whose every
#: line still holds them.
EXAMPLE_SOURCES = {"lbf": 300_000, "kommune": 50_000, "boligorg": 50_000}
EXAMPLE_COSTS = {"løn": 360_000, "evaluering": 40_000}
