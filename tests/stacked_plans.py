"""A sheet of one risk plan rated again and again down the page (classes58b, classes61b): the tests of which
table's ratings an import keeps, by the captions over them."""

from __future__ import annotations


def stacked_plans(captions: list[list[object]]) -> list[list[object]]:
    """The same three risks rated in one table after another down a sheet, each under its caption and the
    header written again: "Supplier fails" rises to High in the second table and falls back in the third, which
    rates the first two risks Low × Medium."""
    header = ["Risk", "Likelihood", "Impact", "Preventive action", "Action if it happens"]
    risks = [("Supplier fails", "Ask two vendors for quotes early", "Rent servers from the cloud"),
             ("Key staff leave", "Pair every role with a deputy", "Hire a contractor for the gap"),
             ("Scope grows", "Change board approves every request", "Renegotiate the deadline")]
    ratings = [[("Low", "Medium"), ("Medium", "High"), ("Low", "Low")],
               [("High", "High"), ("Medium", "High"), ("Low", "Low")],
               [("Low", "Medium"), ("Low", "Medium"), ("Low", "Low")]]
    rows: list[list[object]] = []
    for k, caption in enumerate(captions):
        rows += [*([[], []] if k else []), caption, [], header]
        rows += [[title, *ratings[k][j], prevent, cure] for j, (title, prevent, cure) in enumerate(risks)]
    return rows
