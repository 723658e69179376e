"""``cchc draft``: a draft report from an article."""

from __future__ import annotations

import click

from cchc_cli.cli.options import Command
from cchc_cli.errors import DataProblems


@click.command(cls=Command)
@click.argument("article", type=click.Path(dir_okay=False))
@click.option("-p", "--province", metavar="NAME",
              help="The province, by id or name [default: the one the article names].")
@click.option("--period", metavar="PERIOD",
              help="2024, 2024-h1, 2024-q3, 2024-07 or 2026-ytd [default: the one the "
                   "article states, else the year of its date].")
@click.option("--source-url", metavar="URL", help="The article's address [default: the "
              "page's own, or a '# SOURCE:' line].")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def draft(*, article: str, province: str | None, period: str | None, source_url: str | None,
          output: str | None, force: bool) -> None:
    """A draft report from an article: every stated number as a figure, guesses marked.

    Reads UTF-8 text or an HTML page saved from a browser. Each figure lists
    under 'review:' the fields that are guesses; numbers that state no fact
    (dates, years, document numbers) are listed under 'set_aside:'. Check the
    draft with 'cchc validate' and 'cchc verify --source ARTICLE'.

    \b
    Examples:
      cchc draft article.txt -o report_2023.yaml
      cchc draft page.html --province ha-giang --period 2023-q1 > report_2023.yaml
    """
    from cchc_cli.draft.run import DraftRequest, run_draft
    from cchc_cli.load.problems import DataError

    request = DraftRequest(article, province, period, source_url)
    try:
        text, notes = run_draft(request)
    except DataError as error:
        raise DataProblems(error.problems, "no draft was written") from None
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    for note in notes:
        click.echo(f"cchc: {note}", err=True)
    from cchc_cli.render.files import write_text

    write_text(text, output, force)
