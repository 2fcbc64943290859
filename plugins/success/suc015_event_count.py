"""Count unique persons, not registrations. A job project reported 280 young people placed in
jobs, but "some are repeaters ... every participant is registered anew at job start"
(bag-facaderne-2014): a count of events (deltagelser, besøg, fremmøder, registreringer,
tilmeldinger, henvendelser) overstates how many persons were reached. Reported when the enhed
is an event count (rule pack success.event_units) while the indikator is about persons,
families, young people or residents (success.person_terms); without an indikator the
beskrivelse is read instead, and the message says which of the two it read. An info: counting
events can be right for an output, but then the indicator should not read as a number of persons.

Dansk:
Tæl unikke personer, ikke registreringer. Et jobprojekt opgjorde 280 unge formidlet til job,
men "Nogle unge er gengangere ... alle deltagere registreres på ny ved jobstart" (bag-facaderne-2014): en optælling af hændelser (deltagelser, besøg, fremmøder, registreringer,
tilmeldinger, henvendelser) overdriver, hvor mange personer der blev nået. Meldes, når enheden
er en optælling af hændelser (regelpakkens success.event_units), mens indikatoren handler om
personer, familier, unge eller beboere (success.person_terms); uden indikator læses
beskrivelsen i stedet, og meddelelsen siger, hvilken af de to den læste. En info: at tælle
hændelser kan være rigtigt for et output, men så bør indikatoren ikke lyde som et antal personer.
"""

from planlint import Example, rule

from .criteria import criterion_name, each_criterion, mentions, terms

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC015",
    severity="info",
    basis="erfaring",
    title=("Enheden tæller hændelser, ikke personer", "The unit counts events, not persons"),
    sources=(
        ("bag-facaderne-2014", "kap. 1 Børn, unge og familier: \"alle deltagere registreres på ny ved "
         "jobstart\""),
    ),
    bad=Example(at=_CRITERION, yaml="enhed: fremmøder"),
    good=Example(at=_CRITERION, yaml="enhed: personer"),
)
def check(plan, ctx):
    words = terms(ctx)
    if words is None:
        return
    for _area, activity, index, criterion in each_criterion(plan):
        unit = criterion.unit or ""
        about = criterion.indicator or criterion.description
        if not mentions(words.event_units, unit) or not mentions(words.person_terms, about):
            continue
        # say what was read: the indikator, or the beskrivelse when there is none
        read_da, read_en = (("indikatoren", "the indicator") if criterion.indicator
                            else ("beskrivelsen", "the description"))
        yield ctx.finding(
            criterion, "enhed",
            da=f"{criterion_name(activity, index, criterion, 'da')}: Enheden '{unit.strip()}' tæller "
               f"hændelser, men {read_da} handler om personer. Tæl unikke personer (fx `enhed: "
               "personer` og `indikator: Antal unikke deltagere ...`), så gengangere ikke tælles flere gange.",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The unit '{unit.strip()}' counts "
               f"events, but {read_en} is about persons. Count unique persons (e.g. `enhed: "
               "personer` and `indikator: Antal unikke deltagere ...`), so that repeaters are not counted twice.",
        )
