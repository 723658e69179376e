"""Shell completion for figure ids, provinces and periods.

Completion runs on every Tab press, so each function reads only what it needs,
and any problem (no data, a broken file) means no suggestions, never an error.
"""

from __future__ import annotations

import click
from click.shell_completion import CompletionItem

from cchc_cli.catalog import Catalog


def _catalog(ctx: click.Context) -> Catalog | None:
    """The data the command line points at (``--data``, ``CCHC_DATA`` or the bundled)."""
    from cchc_cli.load.files import data_locations, find_all_report_files, load_files

    try:
        reports, _ = load_files(find_all_report_files(data_locations(ctx.params.get("data"))))
    except Exception:  # completion must never fail the shell
        return None
    return Catalog(tuple(reports))


def figure_ids(ctx: click.Context, param: click.Parameter,
               incomplete: str) -> list[CompletionItem]:
    """The figure ids of the data that start with what is typed, each with its label."""
    catalog = _catalog(ctx)
    if catalog is None:
        return []
    seen: dict[str, str] = {}
    for report in catalog.reports:
        for figure in report.figures:
            seen.setdefault(figure.id, figure.label.en)
    return [CompletionItem(figure_id, help=label) for figure_id, label in sorted(seen.items())
            if figure_id.startswith(incomplete)]


def provinces(ctx: click.Context, param: click.Parameter,
              incomplete: str) -> list[CompletionItem]:
    """Province ids: those of the data first, then every id of the registry."""
    from cchc_cli.provinces import registry

    catalog = _catalog(ctx)
    found = {p.id: p.name.vi for p in (catalog.provinces() if catalog else [])}
    known = registry()
    for entry in known.former() + known.current():
        found.setdefault(entry.id, entry.name.vi)
    return [CompletionItem(province_id, help=name) for province_id, name in found.items()
            if province_id.startswith(incomplete)]


def periods(ctx: click.Context, param: click.Parameter,
            incomplete: str) -> list[CompletionItem]:
    """The periods (for ``--year``: the years) of the data's reports."""
    catalog = _catalog(ctx)
    if catalog is None:
        return []
    keys = {str(r.year) if param.name == "year" else r.period.key for r in catalog.reports}
    return [CompletionItem(key) for key in sorted(keys) if key.startswith(incomplete)]
