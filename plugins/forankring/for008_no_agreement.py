"""A partner that is to take an activity over must be committed by a signed agreement.

fsb makes binding samarbejdsaftaler with its partners at the start of a plan (fsb-indsatser),
and LBF requires cooperation agreements from the 2011-2014 round on
(cfbu-overblik-2006-2010), though not one per forankring. A part in `hos` - other than
an afdelingsbestyrelse, the residents' own board - with no signed samarbejdsaftale that lists it has promised nothing.

The forankring's own `aftale` is judged when it names an existing agreement: that
agreement must be signed (a missing party in it is FOR009). Without `aftale`, any
signed samarbejdsaftale of the plan that lists the party commits it. An `aftale` id
that does not exist is the core's PLN009. Warning, in every round: a lesson from
practice (basis erfaring), the same in every round. (That the plan has no samarbejdsaftaler at all, which 2006-2010 did not
yet require, is LBF009 and follows the rule pack.)

The applicant's own boligorganisation needs no samarbejdsaftale with itself: forankring in its
own operations (driften) is committed by its signature on the plan, and so is a unit of a party
that signed the plan (format 1.1 `hører_under`). An agreement with `status: indgået` (1.1:
agreed, no signed document cited) commits the party; an info says a signed one is stronger.

Dansk:
En partner, der skal overtage en aktivitet, skal være forpligtet af en underskrevet
aftale. fsb indgår bindende samarbejdsaftaler med partnerne ved planens start (fsb-indsatser),
og LBF kræver samarbejdsaftaler fra 2011-2014-puljen (cfbu-overblik-2006-2010), men
ikke én pr. forankring. En part i
`hos` - bortset fra en afdelingsbestyrelse, beboernes egen bestyrelse - som ingen
underskrevet samarbejdsaftale omfatter, har ikke lovet noget.

Forankringens egen `aftale` vurderes, når den henviser til en eksisterende aftale:
den skal være underskrevet (en part, der mangler i den, er FOR009). Uden `aftale`
forpligter enhver underskrevet samarbejdsaftale i planen, der omfatter parten. Et
`aftale`-id, der ikke findes, er kernens PLN009. Advarsel i alle puljer: en erfaring fra
praksis (grundlag erfaring), den samme i alle puljer. (At planen slet ingen samarbejdsaftaler har, hvilket 2006-2010 endnu
ikke krævede, er LBF009 og følger regelpakken.)

Ansøgerens egen boligorganisation skal ikke have en samarbejdsaftale med sig selv: forankring i
dens egen drift er forpligtet af dens underskrift på planen, og det samme er en enhed af en part,
der har underskrevet planen (format 1.1 `hører_under`). En aftale med `status: indgået` (1.1:
aftalt, intet underskrevet dokument nævnt) forpligter parten; en info siger, at en underskrevet
aftale er stærkere.
"""

from planlint import Example, rule

from .anchoring import AGREED, NOT_SIGNED, NO_AGREEMENT, agreement_gaps, holders, named


def _severity(pack):
    # "with no signed aftale: warning", in every round (basis erfaring)
    return "warning"


@rule(
    code="FOR008",
    severity="warning",
    basis="erfaring",
    title=("Forankringsparten har ingen underskrevet aftale",
           "The anchoring party has no signed agreement"),
    sources=(
        ("fsb-indsatser", "Tilrettelagt med øje på forankring: \"forpligtende samarbejdsaftaler med alle "
         "relevante samarbejdspartnere ved projektstart\""),
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning: samarbejdsaftaler er \"ikke et formaliseret "
         "krav under 2006-2010 midlerne, som det er i LBF's nye midler (2011-2014)\""),
    ),
    bad=Example(at="samarbejdsaftaler[0]", yaml="status: under_forhandling",
                note="Aftalen sa-job, som forankringen henviser til, er ikke underskrevet"),
    good=Example(at="samarbejdsaftaler[0]", yaml="status: underskrevet"),
)
def check(plan, ctx):
    severity = _severity(ctx.pack)
    for activity, forankring in holders(plan):
        for gap in agreement_gaps(plan, forankring, ctx.pack, ctx.document):
            name, value = gap.anchor.name, gap.anchor.value
            if gap.problem == NOT_SIGNED:
                agreement = gap.agreement
                status = agreement.status or "ingen"
                yield ctx.finding(
                    forankring, "aftale",
                    da=f"{named(activity, 'da')}: samarbejdsaftalen '{agreement.id}', der skal forpligte "
                       f"{name} til at overtage aktiviteten, er ikke underskrevet (status: {status}); "
                       f"få den underskrevet, og skriv `status: underskrevet` og datoen i aftalen.",
                    en=f"{named(activity, 'en')}: the cooperation agreement '{agreement.id}' that is to "
                       f"commit {name} to take the activity over is not signed (status: {agreement.status or 'none'}); "
                       f"have it signed and record `status: underskrevet` and the date in the agreement.",
                    severity=severity,
                )
            elif gap.problem == AGREED:  # 1.1 status indgået: it commits, a signature commits more
                where = ((forankring, "aftale") if forankring.agreement
                         else (forankring, gap.anchor.key, gap.anchor.index))
                yield ctx.finding(
                    *where,
                    da=f"{named(activity, 'da')}: samarbejdsaftalen '{gap.agreement.id}' med {name} er "
                       f"indgået, men planen nævner intet underskrevet dokument; en underskrevet aftale "
                       f"forpligter stærkere. Skriv `status: underskrevet` og datoen, når den er underskrevet.",
                    en=f"{named(activity, 'en')}: the cooperation agreement '{gap.agreement.id}' with {name} "
                       f"is agreed, but the plan cites no signed document; a signed agreement commits more "
                       f"strongly. Write `status: underskrevet` and the date once it is signed.",
                    severity="info",
                )
            elif gap.problem == NO_AGREEMENT:
                yield ctx.finding(
                    forankring, gap.anchor.key, gap.anchor.index,
                    da=f"{named(activity, 'da')}: {name} skal overtage aktiviteten, men ingen "
                       f"underskrevet samarbejdsaftale omfatter '{value}'; indgå en aftale med parten, "
                       f"og henvis til den i forankringens `aftale`.",
                    en=f"{named(activity, 'en')}: {name} is to take the activity over, but no signed "
                       f"cooperation agreement includes '{value}'; make an agreement with the party and "
                       f"refer to it in the forankring's `aftale`.",
                    severity=severity,
                )
