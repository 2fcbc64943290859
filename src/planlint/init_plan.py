"""``planlint init``: a new plan skeleton for one funding round (pulje).

The skeleton is a complete, small plan in format version 1.1 (docs/format.md):
every required key, the round's allowed indsatsområde names as comments, one
complete example activity (criterion, forankring, budget line) and the
``yaml-language-server`` line that gives an editor the schema.  It must parse
with no PLN finding (the tests lint it), so an applicant starts from something
valid and edits it.  What the applicant must write is a ``<placeholder>``, and
the budget holds example amounts: LBF030 warns until both are replaced, so a
skeleton never passes as a finished plan.  The period starts in the next
funding year unless ``--start``/``--slut`` say otherwise.

It is written as text, not dumped from data, because the comments are the
point: they say what to fill in.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from .placeholders import EXAMPLE_COSTS, EXAMPLE_SOURCES, PLACEHOLDER  # noqa: F401 - what init writes

#: the schema file ``init`` points the editor at; ``planlint schema --output`` writes it
DEFAULT_SCHEMA = "planlint.schema.json"

#: (Danish, English) for every placeholder and comment init writes
_WORDS: dict[str, tuple[str, str]] = {
    "plan_name": ("<Helhedsplanens navn>", "<Name of the plan>"),
    "vision": ("<Helhedsplanens overordnede vision i én sætning>", "<The plan's overall vision in one sentence>"),
    "kommune": ("<Kommunens navn>", "<Name of the municipality>"),
    "boligorg": ("<Boligorganisationens navn>", "<Name of the housing organisation>"),
    "section_no": ("<Afdelingsnummer, fx 1-0>", "<Number of the housing section, e.g. 1-0>"),
    "section_name": ("<Afdelingens navn>", "<Name of the housing section>"),
    "mayor": ("<Borgmesterens navn>", "<Name of the mayor>"),
    "director": ("<Direktørens navn>", "<Name of the director>"),
    "chair": ("<Formandens navn>", "<Name of the chair>"),
    "area_purpose": ("<Indsatsområdets formål>", "<Purpose of the intervention area>"),
    "activity": ("<Aktivitetens navn, fx Fremskudt jobvejledning>", "<Name of the activity, e.g. Fremskudt jobvejledning>"),
    "criterion_text": ("<Succeskriteriet, som det står i planen>", "<The success criterion as the plan words it>"),
    "local_evaluation": ("<Hvordan aktiviteten evalueres lokalt>", "<How the activity is evaluated locally>"),
    "activity_text": ("<Aktivitetsboksens tekst fra planen (kontrolleres ikke)>",
                      "<The activity box's text from the plan (not checked)>"),
    "c_schema": ("Skemaet til editoren", "The schema for the editor"),
    "c_new": ("Ny boligsocial helhedsplan (planlints YAML-format, version 1.1; se docs/format.md).",
              "A new boligsocial helhedsplan (planlint's YAML format, version 1.1; see docs/format.md)."),
    "c_fill": ("Erstat hver <pladsholder> og hvert eksempel; planlint check advarer (LBF030), til de er væk.",
               "Replace every <placeholder> and example; planlint check warns (LBF030) until they are gone."),
    "c_check": ("Kontrollér planen med: planlint check <fil>", "Check the plan with: planlint check <file>"),
    "c_sections": ("én post pr. boligafdeling; godkendt_afdelingsmøde er datoen, hvor afdelingsmødet godkendte planen",
                   "one entry per housing section; godkendt_afdelingsmøde is the date the afdelingsmøde approved the plan"),
    "c_areas": ("Puljens indsatsområder", "The pulje's indsatsområder"),
    "c_closed": ("lukket liste", "closed list"),
    "c_open": ("åben liste; andre navne giver en advarsel", "open list; other names give a warning"),
    "c_activity": ("Et komplet eksempel på en aktivitet; ret det, og kopiér det for hver aktivitet.",
                   "A complete example of an activity; edit it, and copy it for every activity."),
    "c_period_target": ("eller ét mål for hele perioden: mål_periode: 40", "or one target for the whole period: mål_periode: 40"),
    "c_either": ("eller hos_en_af: [..., ...], når én af flere parter overtager",
                 "or hos_en_af: [..., ...] when one of several parties takes over"),
    "c_budget": ("hele kroner pr. år; eksempelbeløb: ret dem. LBF højst {lbf} %, lokal medfinansiering mindst {local} %",
                 "whole kroner per year; example amounts: change them. LBF at most {lbf} %, local co-financing at least {local} %"),
}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML 1.2)."""
    return json.dumps(text, ensure_ascii=False)


def _example_area(names: list[str]) -> str:
    """The round's area for the example activity (a job activity): its employment area."""
    return next((n for n in names if "beskæftigelse" in n.lower()), names[0])


def plan_years(pulje: str, start: int | None = None, end: int | None = None,
               today: date | None = None) -> tuple[int, int]:
    """The first and last year of a new plan's period.

    Given neither year: the next calendar year, but not after the round's last
    year (a round's money is committed within its years) nor so late that the
    period would run past the round's last day (``period.latest_end``).  Given
    one, the other follows from the round's period length.
    """
    from .errors import UsageError
    from .rulepack import load_packs

    pack = load_packs()[pulje]
    length = pack.period.years
    if start is None and end is None:
        first_year, last_year = int(pulje[:4]), int(pulje[-4:])
        start = min((today or date.today()).year + 1, last_year)
        if pack.period.latest_end is not None:
            start = min(start, pack.period.latest_end.year - length + 1)
        start = max(start, first_year)
    if start is None:
        start = end - length + 1  # type: ignore[operator]
    if end is None:
        end = start + length - 1
    if end < start:
        raise UsageError(f"--slut {end} ligger før --start {start}; planperioden skal slutte efter sin start.",
                         f"--slut {end} is before --start {start}; the plan period must end after it starts.")
    return start, end


def skeleton(pulje: str, kommune: str | None = None, boligorganisation: str | None = None,
             schema: str = DEFAULT_SCHEMA, *, start: int | None = None, end: int | None = None,
             lang: str | None = None, today: date | None = None) -> str:
    """The text of a new plan for ``pulje`` (a pulje with a rule pack)."""
    from .rulepack import load_packs

    en = lang == "en"

    def w(key: str) -> str:
        return _WORDS[key][1 if en else 0]

    pack = load_packs()[pulje]
    names = list(pack.areas.names)
    area = _example_area(names)
    first, last = plan_years(pulje, start, end, today)
    years = list(range(first, last + 1))
    before = first - 1  # approvals and signatures come before the period starts
    midterm = first + (len(years) - 1) // 2
    handover = f"{last - 1}-12-31" if last > first else f"{last}-06-30"

    def per_year(amount: int) -> str:
        return "{" + ", ".join(f"{year}: {amount}" for year in years) + "}"

    targets = "{" + ", ".join(f"{year}: {10 + 5 * i}" for i, year in enumerate(years)) + "}"
    allowed = w("c_closed") if pack.areas.closed else w("c_open")
    area_lines = "\n".join(f"#   - {name}" for name in names)
    budget_note = w("c_budget").format(lbf=pack.cofinancing.lbf_max_percent, local=pack.cofinancing.local_min_percent)
    sources, costs = EXAMPLE_SOURCES, EXAMPLE_COSTS
    return f"""\
# yaml-language-server: $schema={schema}
# {w("c_schema")}: planlint schema --pulje {pulje} --output {schema}
# {w("c_new")}
# {w("c_fill")}
# {w("c_check")}
version: 1.1
plan:
  navn: {w("plan_name")}
  pulje: {_q(pulje)}
  kommune: kommune
  boligorganisationer: [boligorg]
  periode: {{start: {first}-01-01, slut: {last}-12-31}}
  vision: {w("vision")}
  status: udkast
parter:
  - {{id: lbf, navn: Landsbyggefonden, type: landsbyggefond}}
  - {{id: kommune, navn: {_q(kommune or w("kommune"))}, type: kommune}}
  - {{id: boligorg, navn: {_q(boligorganisation or w("boligorg"))}, type: boligorganisation}}
  - {{id: ab, navn: Afdelingsbestyrelsen, type: afdelingsbestyrelse}}
afdelinger:
  # {w("c_sections")}
  - nummer: {_q(w("section_no"))}
    navn: {w("section_name")}
    boligorganisation: boligorg
    lejemål: 400
    beboere: 1000
    godkendt_afdelingsmøde: {before}-09-15
underskrifter:
  - {{part: kommune, navn: {w("mayor")}, dato: {before}-10-01}}
  - {{part: boligorg, navn: {w("director")}, dato: {before}-10-02}}
samarbejdsaftaler:
  - {{id: sa-job, parter: [kommune, boligorg], emne: Jobvejledning i boligområdet, status: underskrevet,
     dato: {before}-10-01, dækker: [organisering, indsatser, mål, indikatorer]}}
organisation:
  bestyrelse:
    navn: Den boligsociale bestyrelse
    medlemmer:
      - {{navn: {w("chair")}, part: kommune, rolle: formand}}
      - {{navn: {w("director")}, part: boligorg, rolle: medlem}}
  medarbejdere:
    - {{rolle: jobkonsulent, timer_pr_uge: 37, part: boligorg}}
indsatsområder:
  # {w("c_areas")} ({allowed}):
{area_lines}
  - id: io1
    navn: {_q(area)}
    formål: {w("area_purpose")}
    aktiviteter:
      # {w("c_activity")}
      - id: "1.1"
        navn: {w("activity")}
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
            baseline: {{værdi: 10, år: {before}, kilde: Jobcentrets opgørelse {before}}}
            mål: {targets}
            # {w("c_period_target")}
            datakilde: Jobcentrets registreringer, opgjort halvårligt
            kildetekst: {w("criterion_text")}
        forankring:
          hos: [kommune]          # {w("c_either")}
          hvordan: Jobcentret viderefører vejledningen i egen drift
          hvornår: {handover}
          aftale: sa-job
        lokal_evaluering: {w("local_evaluation")}
        kildetekst: {w("activity_text")}
budget:
  # {budget_note}
  finansiering:
    - {{part: lbf, type: kontant, beløb: {per_year(sources["lbf"])}}}
    - {{part: kommune, type: kontant, beløb: {per_year(sources["kommune"])}}}
    - {{part: boligorg, type: kontant, beløb: {per_year(sources["boligorg"])}}}
  udgifter:
    - {{kategori: løn, aktivitet: "1.1", beløb: {per_year(costs["løn"])}}}
    - {{kategori: evaluering, beløb: {per_year(costs["evaluering"])}}}
evaluering: {{midtvejs: {midterm}-12-31, slut: {last}-12-31, ekstern: true, metode: Målopfyldelsesskema og ekstern evaluering}}
"""


def run(file: str | None, pulje: str, kommune: str | None, boligorganisation: str | None, schema: str | None,
        lang: str | None = None, start: int | None = None, end: int | None = None) -> int:
    """The body of ``planlint init``: write the skeleton, never over an existing file."""
    from .errors import UsageError
    from .rulepack import load_packs

    packs = load_packs()
    if pulje not in packs:
        raise UsageError(f"Puljen '{pulje}' findes ikke; vælg en af: {', '.join(sorted(packs))}.",
                         f"The pulje '{pulje}' does not exist; choose one of: {', '.join(sorted(packs))}.")
    text = skeleton(pulje, kommune, boligorganisation, schema or DEFAULT_SCHEMA, start=start, end=end, lang=lang)
    if file == "-":
        sys.stdout.write(text)
        return 0
    target = Path(file or "helhedsplan.yaml")
    from .output_file import write_file

    try:
        # new=True: created whole, and never over an existing file (no check-then-write race)
        write_file(target, lambda stream: stream.write(text), new=True, what=("Planen", "The plan"))
    except FileExistsError:
        raise UsageError(f"Filen '{target}' findes allerede; planlint init overskriver ikke en plan.",
                         f"The file '{target}' already exists; planlint init does not overwrite a plan.") from None
    done = (f"{target} is created (pulje {pulje})." if lang == "en" else f"{target} er oprettet (pulje {pulje}).")
    sys.stderr.write(f"planlint: {done}\n")
    return 0
