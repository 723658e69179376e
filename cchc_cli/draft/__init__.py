"""From an article to a draft report: ``cchc draft``.

The steps are small modules of pure functions: ``intake`` turns the bytes of a
file into text (refusing what is not an article), ``article`` takes the text
out of an HTML page, ``sentences`` splits it, ``numbers`` reads Vietnamese
number forms, ``aside`` sets aside numbers that are not facts, ``classify``
reads kind, unit and qualifier, ``relations`` groups numbers into figures,
``place`` finds the province and the period, and ``writer`` writes the
draft as a ``cchc-report/1`` file with every guess marked for review.
``build`` ties them together.
"""
