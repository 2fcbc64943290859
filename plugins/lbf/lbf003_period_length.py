"""A boligsocial helhedsplan runs four years. CFBU describes LBF's frame: LBF supports plans "der
løber over en 4-årig periode" (cfbu-overblik-2006-2010); also "et fireårigt program"
(bag-facaderne-2014) and "Som udgangspunkt er en boligsocial helhedsplan 4-årig" (fsb-indsatser).
Basis krav.
A longer period asks for money LBF does not grant: error. A shorter one is allowed but unusual
and leaves little time for forankring: warning. The period counts from `start` to the day
before the same date four years later (2013-01-01..2016-12-31, 2013-07-01..2017-06-30); it may
be off by the pack's `period.tolerance_days` (31 days) either way, so a plan starting on the
day the grant arrives is not flagged. A missing date is the core's PLN004, not repeated here.

Dansk:
En boligsocial helhedsplan løber fire år. CFBU beskriver LBF's ramme: LBF støtter planer, "der
løber over en 4-årig periode" (cfbu-overblik-2006-2010); også "et fireårigt program"
(bag-facaderne-2014) og "Som udgangspunkt er en boligsocial helhedsplan 4-årig" (fsb-indsatser).
Grundlag krav. En længere periode beder om penge, LBF ikke bevilger: fejl. En kortere er tilladt, men usædvanlig og
giver kort tid til forankring: advarsel. Perioden regnes fra `start` til dagen før samme dato fire
år senere (2013-01-01..2016-12-31, 2013-07-01..2017-06-30); den må afvige med regelpakkens
`period.tolerance_days` (31 dage) til hver side. En manglende dato er kernens PLN004.
"""

from datetime import date, timedelta

from planlint import Example, Fix, rule


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _wrote_year(ctx, path) -> bool:
    """Whether the file wrote a bare year there (format 1.1 `slut: 2017`), not a date."""
    node = ctx.document.node_at(path) if ctx.document is not None else None
    text = str(getattr(node, "text", "") or getattr(node, "value", "")).strip().strip("'\"")
    return len(text) == 4 and text.isdigit()


def _length(start: date, end: date, lang: str) -> str:
    """``4 år og 6 måneder`` / ``4 years and 6 months`` (whole months, rounded down)."""
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month - (after.day < start.day)
    years, months = divmod(max(months, 0), 12)
    if lang == "en":
        parts = [f"{years} year{'s' * (years != 1)}"] if years else []
        parts += [f"{months} month{'s' * (months != 1)}"] if months else []
        return " and ".join(parts) or "less than a month"
    parts = [f"{years} år"] if years else []
    parts += [f"{months} måned{'er' * (months != 1)}"] if months else []
    return " og ".join(parts) or "under en måned"


@rule(
    code="LBF003",
    severity="error",
    basis="krav",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Planperioden er ikke fire år", "The plan period is not four years"),
    sources=(
        ("cfbu-overblik-2006-2010", "Indledning og fremgangsmåde: LBF støtter helhedsplaner, \"der løber "
         "over en 4-årig periode\""),
        ("bag-facaderne-2014", "indledning: \"En helhedsplan er et fireårigt program\""),
        ("fsb-indsatser", "Boligsociale helhedsplaner: \"Som udgangspunkt er en boligsocial helhedsplan "
         "4-årig\""),
    ),
    bad=Example(at="plan.periode", yaml="slut: 2025-12-31"),
    good=Example(at="plan.periode", yaml="slut: 2024-12-31"),
    fix=("Sætter `plan.periode.slut` til periodens sidste dag, når perioden er præcis ét år for lang.",
         "Sets `plan.periode.slut` to the period's last day when the period is exactly one year too long."),
)
def check(plan, ctx):
    period = plan.meta.period
    if ctx.pack is None or period is None or period.start is None or period.end is None:
        return
    start, end = period.start, period.end
    if end < start:
        yield ctx.finding(period, "slut",
                          da=f"Planperioden slutter ({end}) før den begynder ({start}). Ret `plan.periode`.",
                          en=f"The plan period ends ({end}) before it begins ({start}). Correct `plan.periode`.")
        return
    rules = ctx.pack.period
    expected = _years_later(start, rules.years) - timedelta(days=1)
    off = (end - expected).days
    if abs(off) <= rules.tolerance_days:
        return
    longer = off > 0
    da_len, en_len = _length(start, end, "da"), _length(start, end, "en")
    da = (f"Planperioden {start} – {end} er {da_len}; en helhedsplan i puljen {ctx.pack.pulje} løber "
          f"{rules.years} år. " + ("LBF støtter ikke en længere periode. " if longer else "")
          + f"Ret `plan.periode.slut` til {expected}.")
    en = (f"The plan period {start} – {end} is {en_len}; a plan in the pulje {ctx.pack.pulje} runs "
          f"{rules.years} years. " + ("LBF does not fund a longer period. " if longer else "")
          + f"Set `plan.periode.slut` to {expected}.")
    # one year too long is the common slip (a fifth year counted); then the end date is certain.
    # A period written in years (1.1 `slut: 2017`) is corrected in years.
    value = expected.year if _wrote_year(ctx, period.path_of("end")) and (expected.month, expected.day) == (12, 31) \
        else expected
    fix = (Fix.set_value(period.path_of("end"), value, da=f"Sæt `plan.periode.slut` til {value}",
                         en=f"Set `plan.periode.slut` to {value}")
           if end == _years_later(expected + timedelta(days=1), 1) - timedelta(days=1) else None)
    yield ctx.finding(period, "slut", da=da, en=en, severity="error" if longer else "warning", fix=fix)
