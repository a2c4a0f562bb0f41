"""Counts of the schemathesis cases, printed at the end of the run."""

from __future__ import annotations

from collections import Counter, defaultdict


class CaseStats:
    """How many generated cases each actor sent, and the status codes they got."""

    def __init__(self) -> None:
        self.cases: Counter[str] = Counter()
        self.statuses: defaultdict[str, Counter[int]] = defaultdict(Counter)
        self.operations: defaultdict[str, set[str]] = defaultdict(set)

    def record(self, actor: str, operation: str, status: int) -> None:
        self.cases[actor] += 1
        self.statuses[actor][status] += 1
        self.operations[actor].add(operation)

    def lines(self) -> list[str]:
        lines = []
        for actor in sorted(self.cases):
            codes = ", ".join(f"{code}: {n}" for code, n in sorted(self.statuses[actor].items()))
            lines.append(
                f"{actor}: {self.cases[actor]} cases over {len(self.operations[actor])} "
                f"operations ({codes})"
            )
        lines.append(f"total: {sum(self.cases.values())} cases")
        return lines


STATS = CaseStats()


def pytest_terminal_summary(terminalreporter) -> None:
    if STATS.cases:
        terminalreporter.write_sep("-", "schemathesis cases sent to the API")
        for line in STATS.lines():
            terminalreporter.write_line(line)
