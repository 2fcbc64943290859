"""A hand-over before the plan period starts is a typo, or a hand-over the plan does not make.

The plan's staff support the new owner during the period (FOR006 covers a hand-over after
it); a `hvornår` before `plan.periode.start` falls before the plan has any staff or money,
so it is almost always a wrong year (2012 for 2021) or a date copied from an earlier plan.
The message gives the date and the period. A bare year counts as before the period only
when the whole year is. Warning, as FOR006.

Dansk:
En overdragelse, før planperioden begynder, er en tastefejl eller en overdragelse, planen
ikke står for. Planens medarbejdere støtter den nye ejer i perioden (FOR006 dækker en
overdragelse efter den); et `hvornår` før `plan.periode.start` ligger, før planen har
medarbejdere eller penge, så det er næsten altid et forkert år (2012 for 2021) eller en dato
kopieret fra en tidligere plan. Meddelelsen nævner datoen og perioden. Et årstal alene tæller
kun som før perioden, når hele året er det. Advarsel, som FOR006.
"""

from planlint import Example, rule

from .anchoring import handover_span, period_end, period_start, when_text


@rule(
    code="FOR012",
    severity="warning",
    basis="erfaring",
    title=("Overdragelsen ligger før planperioden", "The hand-over falls before the plan period"),
    sources=(
        ("haervaerk-netvaerk-2012", "8.1 Resultater i afdelingerne og forankringen heraf: the hand-over happens "
         "while the plan's staff are there"),
        ("bag-facaderne-2014", "forankring is thought in from the start of the plan"),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hvornår: 2012-12-31",
                note="2012 for 2021: før perioden 2021-01-01 – 2024-12-31"),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hvornår: 2023-12-31"),
)
def check(plan, ctx):
    start, end = period_start(plan), period_end(plan)
    if start is None:
        return
    period = f"{start.isoformat()} – {end.isoformat() if end else '?'}"
    for _area, activity in plan.activities():
        forankring = activity.forankring
        span = handover_span(forankring.when) if forankring is not None else None
        if span is None or span[1] >= start:
            continue
        when = when_text(forankring.when)
        yield ctx.finding(
            forankring, "hvornår",
            da=f"Aktivitet {activity.label}: overdragelsen ({when}) ligger før planperioden ({period}); "
               f"ret `hvornår` til en dato i perioden.",
            en=f"Activity {activity.label}: the hand-over ({when}) falls before the plan period ({period}); "
               f"correct `hvornår` to a date in the period.",
        )
