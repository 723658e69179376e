"""cchc: a command-line statistics reporter for provincial administrative-reform results.

The package is layered so that each layer can be read on its own:

- ``cchc_cli.load``: reading and validating report files into typed objects;
- ``cchc_cli.model``: those objects;
- ``cchc_cli.calc``: pure calculators that derive figures and never print;
- ``cchc_cli.views``: turning results into documents, tidy rows and text tables;
- ``cchc_cli.render``: writing those as JSON, CSV, Markdown or Rich tables;
- ``cchc_cli.cli``: the thin click layer.
"""
