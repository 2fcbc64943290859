"""The prækvalifikationsansøgning the examples of LBF019 and LBF020 are made from."""

_APPLICATION = """version: 1
plan:
  navn: Tryg i Birkely
  pulje: "2011-2014"
  status: prækvalifikation
  kommune: vk
  boligorganisationer: [bb]
  periode: {start: 2012-01-01, slut: 2015-12-31}
parter:
  - {id: vk, navn: Vejle Kommune, type: kommune}
  - {id: bb, navn: Boligselskabet Birkely, type: boligorganisation}
afdelinger:
  - {nummer: "12-0", navn: Birkely, boligorganisation: bb}
prækvalifikation:
  problembeskrivelse: {sider: %d}
  nøgletal:
    - {navn: Beboere under 18 år, værdi: 38, enhed: procent, år: 2010}
"""

_RECOMMENDATION = "  kommunal_anbefaling: {part: vk, dato: 2011-08-15}\n"


def application(pages: int = 4, recommendation: bool = True) -> str:
    """A whole prækvalifikationsansøgning (2011-2014) whose problem description has ``pages`` pages."""
    return _APPLICATION % pages + (_RECOMMENDATION if recommendation else "")
