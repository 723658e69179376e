"""``cchc validate``: every problem in the files checked."""

from __future__ import annotations

from typing import Any

from cchc_cli import i18n
from cchc_cli.load.problems import Problem
from cchc_cli.model import Lang, Report, ReviewMark
from cchc_cli.views.page import Note, Page
from cchc_cli.views.records import envelope


def unconfirmed(mark: ReviewMark) -> Problem:
    """A draft's guesses as a line in the problem format (a warning, not an error)."""
    field = f"{mark.field}.review" if mark.field else "review"
    return Problem(mark.position.path, mark.position.line, mark.position.column, field,
                   f"unconfirmed: {', '.join(mark.guesses)}",
                   "check each against the source, then delete the 'review' entry")
def arithmetic_problems(report: Report) -> list[Problem]:
    """The errors ``cchc check`` finds in one report, as problems at their figures.

    Warnings stay with ``cchc check``; so do checks across years, which need
    every report of a province at once.
    """
    from cchc_cli.calc.audit import audit_report
    from cchc_cli.views.audit import describe

    problems = []
    for finding in audit_report(report):
        if finding.severity != "error":
            continue
        figure = report.figure(finding.figure_id)
        where = figure.position if figure is not None else None
        problems.append(Problem(where.path if where else report.path,
                                where.line if where else 1, where.column if where else 1,
                                f"figures[{finding.figure_id}]", describe(finding, "en"),
                                "check the figure against its source; 'cchc check' shows "
                                "the arithmetic"))
    return problems


class ValidationView:
    """Files checked, the problems found in them, and what drafts leave to confirm."""

    columns = ("path", "line", "column", "field", "message", "hint", "severity")

    def __init__(self, files: list[str], problems: list[Problem],
                 marks: list[ReviewMark] | None = None) -> None:
        self.files = files
        self.problems = problems
        self.marks = marks or []

    @property
    def valid(self) -> bool:
        """Whether no problem was found."""
        return not self.problems

    @property
    def state(self) -> str:
        """``invalid``, ``draft`` (valid, with guesses left to confirm) or ``reviewed``."""
        if self.problems:
            return "invalid"
        return "draft" if self.marks else "reviewed"

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        return envelope("validate", valid=self.valid, state=self.state, files=self.files,
                        problems=[p.as_dict() for p in self.problems],
                        unconfirmed=[{**unconfirmed(m).as_dict(), "guesses": list(m.guesses)}
                                     for m in self.marks])

    def rows(self) -> list[dict[str, Any]]:
        """One row per problem, then one per draft's set of guesses."""
        return [*({**p.as_dict(), "severity": "error"} for p in self.problems),
                *({**unconfirmed(m).as_dict(), "severity": "warning"} for m in self.marks)]

    def page(self, lang: Lang) -> Page:
        """One line per problem, as ``file:line:column: field: message (fix)``: the real
        mistakes first, then one line per file that sums up the values left empty."""
        mistakes = [p for p in self.problems if not p.empty]
        page: Page = [Note(i18n.problem_text(p, lang), "error", literal=True) for p in mistakes]
        page += [Note(i18n.problem_text(unconfirmed(mark), lang), "warning", literal=True)
                 for mark in self.marks]
        page += [Note(line, "warning", literal=True) for line in self._empties(lang)]
        bad = len({p.path for p in self.problems})
        if self.problems:
            page.append(Note(i18n.word("invalid", lang).format(problems=len(self.problems),
                                                               files=bad), "error"))
        elif self.marks:
            guesses = sum(len(mark.guesses) for mark in self.marks)
            page.append(Note(i18n.word("draft", lang).format(
                files=len(self.files), guesses=guesses, marks=len(self.marks)), "warning"))
        else:
            page.append(Note(i18n.word("valid", lang).format(files=len(self.files)), "good"))
        return page

    def _empties(self, lang: Lang) -> list[str]:
        """``report_2025.yaml: 47 empty values left to fill in (sources[0].publisher, …)``."""
        by_file: dict[str, list[Problem]] = {}
        for problem in self.problems:
            if problem.empty:
                by_file.setdefault(problem.path, []).append(problem)
        lines = []
        for path, empties in by_file.items():
            first = empties[0]
            fields = ", ".join(p.field for p in empties[:3]) + (", …" if len(empties) > 3
                                                                else "")
            lines.append(i18n.word("empty_values", lang, count=len(empties), fields=fields,
                                   path=f"{path}:{first.line}:{first.column}"))
        return lines
