"""An activity's `ansvarlig` and the `rolle` of its medarbejderressourcer name who does the work:
a post in organisation.medarbejdere or a party id (the plan format, aktiviteter; basis format). A name that is neither
is usually a typo ("jobkonsulenten" for "jobkonsulent") or a post the plan forgot to finance; the
plan then does not say who is responsible, and the hours cannot be checked against any post. The
closest post or party id is suggested.

Dansk:
En aktivitets `ansvarlig` og `rolle` i dens medarbejderressourcer siger, hvem der udfører
arbejdet: en stilling i organisation.medarbejdere eller et part-id (planformatet, aktiviteter; grundlag format). Et
navn, der ingen af delene er, er som regel en stavefejl ("jobkonsulenten" for "jobkonsulent")
eller en stilling, planen har glemt at finansiere; så siger planen ikke, hvem der er ansvarlig, og
timerne kan ikke holdes op mod en stilling. Den nærmeste stilling eller part foreslås.
"""

from planlint import Example, closest, rule


@rule(
    code="LBF015",
    severity="error",
    basis="format",
    title=("Ansvarlig eller rolle er hverken en stilling eller en part",
           "Responsible or role is neither a post nor a party"),
    sources=(
        ("planlint-format", "aktiviteter: ansvarlig is a rolle from organisation.medarbejdere or a party "
         "id"),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0]", yaml="ansvarlig: jobkonsulenten"),
    good=Example(at="indsatsområder[0].aktiviteter[0]", yaml="ansvarlig: jobkonsulent"),
)
def check(plan, ctx):
    roles = plan.staff_roles()
    names = sorted(roles | {p.id for p in plan.parties or [] if p.id})

    def unknown(value) -> bool:
        return isinstance(value, str) and value not in roles and plan.party(value) is None

    def fix(value, lang: str) -> str:
        guess = closest(value, names)
        if lang == "en":
            return (f"Did you mean '{guess}'?" if guess else
                    "Write a post from `organisation.medarbejdere` or a party id, or add the post there.")
        return (f"Mente du '{guess}'?" if guess else
                "Skriv en stilling fra `organisation.medarbejdere` eller et part-id, eller tilføj stillingen dér.")

    for _, activity in plan.activities():
        if unknown(activity.responsible):
            value = activity.responsible
            yield ctx.finding(activity, "ansvarlig",
                              da=f"Aktivitet {activity.label}: ansvarlig '{value}' er hverken en stilling i "
                                 f"`organisation.medarbejdere` eller en part. {fix(value, 'da')}",
                              en=f"Activity {activity.label}: ansvarlig '{value}' is neither a post in "
                                 f"`organisation.medarbejdere` nor a party. {fix(value, 'en')}")
        for resource in activity.staff or []:
            if unknown(resource.role):
                value = resource.role
                yield ctx.finding(resource, "rolle",
                                  da=f"Aktivitet {activity.label}: medarbejderressourcen '{value}' er hverken en "
                                     f"stilling i `organisation.medarbejdere` eller en part. {fix(value, 'da')}",
                                  en=f"Activity {activity.label}: the staff resource '{value}' is neither a post in "
                                     f"`organisation.medarbejdere` nor a party. {fix(value, 'en')}")
