"""What each command asks of the data: choose, load, calculate, and hand back a view.

Between ``views/`` and ``cli/``: a command parses its options and calls one
function here; that function picks the province, period, tables or files,
runs the calculators of ``calc/`` and returns the view that ``render/``
writes. A choice the data cannot meet is a ``click.UsageError`` (exit 2).
"""
