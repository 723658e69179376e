"""The national public-service portal (dichvucong.gov.vn) and its Decision 766 index.

- ``response``: read a saved or fetched answer, and say clearly what it is when
  it is not the portal's JSON (a firewall page, an error object, another shape);
- ``checks``: match its rows to the provinces registry by code and check the numbers;
- ``request``: the request the portal expects for a period;
- ``client``: one careful HTTP request (``urllib`` from the standard library);
- ``store``: where captures and tables go, written atomically, never overwritten;
- ``convert``: the checked rows as a national table.

Only ``cchc import`` and ``cchc fetch`` import this package, so no other
command pays for HTTP or JSON parsing of portal answers.
"""

from __future__ import annotations

from decimal import Decimal

INDEX_ID = "service-index-766"
"""The index the portal publishes, as cchc names it."""

GROUPS: tuple[tuple[str, Decimal], ...] = (
    ("CKMB", Decimal(18)), ("TDGQ", Decimal(20)), ("CLGQ", Decimal(12)),
    ("TTTT", Decimal(10)), ("MDHL", Decimal(18)), ("MDSH", Decimal(22)),
)
"""The portal's six group scores and their maxima (the decision's online-service
group of 22 points is split into CLGQ 12 and TTTT 10 by the portal)."""

TOTAL_MAX = Decimal(100)

SUM_TOLERANCE = Decimal("0.01")
"""How far the group scores may add up from the total (the portal rounds each to 0.01)."""
