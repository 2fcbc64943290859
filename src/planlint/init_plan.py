"""``planlint init``: a new plan skeleton for one funding round (pulje).

The skeleton is a complete, small plan in FORMAT.md v1: every required key,
the round's allowed indsatsområde names as comments, one complete example
activity (criterion, forankring, budget line) and the ``yaml-language-server``
line that gives an editor the schema.  It must parse with no PLN finding (the
tests lint it), so an applicant starts from something valid and edits it.

It is written as text, not dumped from data, because the comments are the
point: they say what to fill in.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: the schema file ``init`` points the editor at; ``planlint schema --output`` writes it
DEFAULT_SCHEMA = "planlint.schema.json"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML 1.2)."""
    return json.dumps(text, ensure_ascii=False)


def _example_area(names: list[str]) -> str:
    """The round's area for the example activity (a job activity): its employment area."""
    return next((n for n in names if "beskæftigelse" in n.lower()), names[0])


def skeleton(pulje: str, kommune: str, boligorganisation: str, schema: str = DEFAULT_SCHEMA) -> str:
    """The text of a new plan for ``pulje`` (a pulje with a rule pack)."""
    from .rulepack import load_packs

    pack = load_packs()[pulje]
    names = list(pack.areas.names)
    area = _example_area(names)
    first = int(pulje[:4])
    last = first + pack.period.years - 1
    years = list(range(first, last + 1))
    lbf, kom, bo = 300_000, 50_000, 50_000  # LBF 75 %, local co-financing 25 % (FORMAT.md's example)
    wages, evaluation = 360_000, 40_000

    def per_year(amount: int) -> str:
        return "{" + ", ".join(f"{year}: {amount}" for year in years) + "}"

    targets = "{" + ", ".join(f"{year}: {10 + 5 * i}" for i, year in enumerate(years)) + "}"
    allowed = "lukket liste" if pack.areas.closed else "åben liste; andre navne giver en advarsel"
    area_lines = "\n".join(f"#   - {name}" for name in names)
    return f"""\
# yaml-language-server: $schema={schema}
# Skemaet til editoren: planlint schema --pulje {pulje} --output {schema}
# Ny boligsocial helhedsplan (planlints YAML-format, version 1).
# Ret alle værdier; kontrollér planen med: planlint check <fil>
version: 1
plan:
  navn: Helhedsplanens navn
  pulje: {_q(pulje)}
  kommune: kommune
  boligorganisationer: [boligorg]
  periode: {{start: {first}-01-01, slut: {last}-12-31}}
  vision: Skriv helhedsplanens overordnede vision her
  status: udkast
parter:
  - {{id: lbf, navn: Landsbyggefonden, type: landsbyggefond}}
  - {{id: kommune, navn: {_q(kommune)}, type: kommune}}
  - {{id: boligorg, navn: {_q(boligorganisation)}, type: boligorganisation}}
  - {{id: ab, navn: Afdelingsbestyrelsen, type: afdelingsbestyrelse}}
afdelinger:
  # én linje pr. boligafdeling; godkendt_afdelingsmøde er datoen, hvor afdelingsmødet godkendte planen
  - {{nummer: "1-0", navn: Afdelingens navn, boligorganisation: boligorg, lejemål: 400, beboere: 1000,
     godkendt_afdelingsmøde: {first - 1}-09-15}}
underskrifter:
  - {{part: kommune, navn: Borgmesteren, dato: {first - 1}-10-01}}
  - {{part: boligorg, navn: Direktøren, dato: {first - 1}-10-02}}
samarbejdsaftaler:
  - {{id: sa-job, parter: [kommune, boligorg], emne: Jobvejledning i boligområdet, status: underskrevet,
     dato: {first - 1}-10-01, dækker: [organisering, indsatser, mål, indikatorer]}}
organisation:
  bestyrelse:
    navn: Den boligsociale bestyrelse
    medlemmer:
      - {{navn: Kommunaldirektøren, part: kommune, rolle: formand}}
      - {{navn: Direktøren, part: boligorg, rolle: medlem}}
  medarbejdere:
    - {{rolle: jobkonsulent, timer_pr_uge: 37, part: boligorg}}
indsatsområder:
  # Puljens indsatsområder ({allowed}):
{area_lines}
  - id: io1
    navn: {_q(area)}
    formål: Skriv indsatsområdets formål her
    aktiviteter:
      # Et komplet eksempel på en aktivitet; kopiér det for hver aktivitet.
      - id: "1.1"
        navn: Fremskudt jobvejledning
        hovedaktivitet: true
        formål: Flere beboere i job eller uddannelse
        målgruppe: Ledige beboere 18-64 år
        ansvarlig: jobkonsulent
        samarbejdspartnere: [kommune, ab]
        medarbejderressourcer: [{{rolle: jobkonsulent, timer_pr_uge: 37}}]
        succeskriterier:
          - beskrivelse: Flere ledige beboere starter i job eller uddannelse
            indikator: Antal deltagere, der starter i job eller uddannelse
            niveau: resultat
            enhed: personer
            baseline: {{værdi: 10, år: {first - 1}, kilde: Jobcentrets opgørelse {first - 1}}}
            mål: {targets}
            datakilde: Jobcentrets registreringer, opgjort halvårligt
        forankring:
          hos: [kommune]
          hvordan: Jobcentret viderefører vejledningen i egen drift
          hvornår: {last - 1}-12-31
          aftale: sa-job
budget:
  # hele kroner pr. år; LBF højst {pack.cofinancing.lbf_max_percent} %, lokal medfinansiering mindst {pack.cofinancing.local_min_percent} %
  finansiering:
    - {{part: lbf, type: kontant, beløb: {per_year(lbf)}}}
    - {{part: kommune, type: kontant, beløb: {per_year(kom)}}}
    - {{part: boligorg, type: kontant, beløb: {per_year(bo)}}}
  udgifter:
    - {{kategori: løn, aktivitet: "1.1", beløb: {per_year(wages)}}}
    - {{kategori: evaluering, beløb: {per_year(evaluation)}}}
evaluering: {{midtvejs: {first + 1}-12-31, slut: {last}-12-31, ekstern: true, metode: Målopfyldelsesskema og ekstern evaluering}}
"""


def run(file: str | None, pulje: str, kommune: str, boligorganisation: str, schema: str | None,
        lang: str | None = None) -> int:
    """The body of ``planlint init``: write the skeleton, never over an existing file."""
    from .engine import UsageError
    from .rulepack import load_packs

    packs = load_packs()
    if pulje not in packs:
        raise UsageError(f"Puljen '{pulje}' findes ikke; vælg en af: {', '.join(sorted(packs))}.",
                         f"The pulje '{pulje}' does not exist; choose one of: {', '.join(sorted(packs))}.")
    text = skeleton(pulje, kommune, boligorganisation, schema or DEFAULT_SCHEMA)
    if file == "-":
        sys.stdout.write(text)
        return 0
    target = Path(file or "helhedsplan.yaml")
    try:
        # "x": create, and fail if the file exists (no check-then-write race)
        with open(target, "x", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except FileExistsError:
        raise UsageError(f"Filen '{target}' findes allerede; planlint init overskriver ikke en plan.",
                         f"The file '{target}' already exists; planlint init does not overwrite a plan.") from None
    except OSError as exc:
        raise UsageError(f"Filen '{target}' kan ikke oprettes: {exc.strerror}.",
                         f"The file '{target}' cannot be created: {exc.strerror}.") from None
    done = (f"{target} is created (pulje {pulje})." if lang == "en" else f"{target} er oprettet (pulje {pulje}).")
    sys.stderr.write(f"planlint: {done}\n")
    return 0
