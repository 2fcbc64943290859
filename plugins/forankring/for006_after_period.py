"""A hand-over after the end of the plan period is no planned hand-over.

"Tænke forankring fra start" (haervaerk-netvaerk-2012; bag-facaderne-2014): the hand-over has to
happen while the plan's staff are still there to support the new owner. A
`hvornår` after `plan.periode.slut` leaves the activity without anyone between the
end of the money and the hand-over. A bare year counts as after the period only
when the whole year is. Warning.

Dansk:
En overdragelse efter planperiodens slutning er ingen planlagt overdragelse. "Tænke
forankring fra start" (haervaerk-netvaerk-2012; bag-facaderne-2014): overdragelsen skal ske,
mens planens medarbejdere endnu er der til at støtte den nye ejer. Et `hvornår`
efter `plan.periode.slut` efterlader aktiviteten uden nogen mellem pengenes ophør og
overdragelsen. Et årstal alene tæller kun som efter perioden, når hele året er det.
Advarsel.
"""

from planlint import Example, rule

from .anchoring import handover_span, holders, named, period_end, when_text


@rule(
    code="FOR006",
    severity="warning",
    basis="erfaring",
    title=("Overdragelsen ligger efter planperioden", "The hand-over falls after the plan period"),
    sources=(
        ("haervaerk-netvaerk-2012", "8.3 Metodeudvikling: \"tænke forankring ind i aktiviteter fra "
         "starten af indsatsen\""),
        ("bag-facaderne-2014", "kap. 1 Børn, unge og familier: \"Overvej gerne allerede fra begyndelsen, "
         "hvordan projektet kan forankres i området efter projektperioden\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hvornår: 2025-06-30"),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hvornår: 2023-12-31"),
)
def check(plan, ctx):
    end = period_end(plan)
    if end is None:
        return
    for activity, forankring in holders(plan):
        span = handover_span(forankring.when) if forankring is not None else None
        if span is None or span[0] <= end:
            continue
        when = when_text(forankring.when)
        yield ctx.finding(
            forankring, "hvornår",
            da=f"{named(activity, 'da')}: overdragelsen ({when}) ligger efter planperiodens "
               f"slutning {end.isoformat()}; flyt `hvornår` ind i perioden, så planens medarbejdere "
               f"kan støtte den nye ejer.",
            en=f"{named(activity, 'en')}: the hand-over ({when}) falls after the end of the plan "
               f"period, {end.isoformat()}; move `hvornår` into the period so the plan's staff can "
               f"support the new owner.",
        )
