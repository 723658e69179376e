"""Allow ``python -m cchc_cli``."""

from cchc_cli.cli.main import main

main(prog_name="cchc")
