"""From a file to a ``PlanDocument``: read, decode, parse, validate.

Everything that can be wrong with the file itself becomes a ``PLN`` finding
here; nothing raises past ``load_file`` except a bug.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from . import yamlparse
from .document import PlanDocument
from .findings import Finding, Message
from .rule import FORMAT, Example, Rule, declare
from .validate import PLN005, validate_data

# --- the rules of the file itself: raised here ---------------------------------------

PLN001 = declare(
    code="PLN001",
    severity="error",
    basis="format",
    title=("YAML-syntaksfejl", "YAML syntax error"),
    rationale=("Filen kan ikke læses som YAML. Fejlen vises med parserens linje og kolonne; "
               "resten af planen kan ikke kontrolleres, før den er rettet.",
               "The file cannot be read as YAML. The error is shown at the parser's line and column; "
               "the rest of the plan cannot be checked until it is fixed."),
    sources=((FORMAT, "Conventions: YAML 1.2"), ("yaml-1-2", "chapter 6, syntax")),
    bad=Example(yaml="version: 1\nplan:\n  navn: Planen\n   pulje: \"2019-2026\"\n", whole_file=True),
    good=Example(yaml="version: 1\nplan:\n  navn: Planen\n  pulje: \"2019-2026\"\n", whole_file=True,
                 runnable=False, note="Korrekt indrykning (planen er ellers ufuldstændig)."),
)


PLN002 = declare(
    code="PLN002",
    severity="error",
    basis="format",
    title=("Dobbelt nøgle", "Duplicate key"),
    rationale=("En nøgle står to gange i samme mapping. YAML tillader det ikke, og man kan ikke vide, "
               "hvilken værdi der var ment; planlint bruger den første. Et år i et årskort skrevet både som "
               "2016 og '2016' er det samme år to gange.",
               "A key appears twice in one mapping. YAML does not allow it and nobody can tell which value "
               "was meant; planlint uses the first. A year of a year map written both as 2016 and '2016' is "
               "the same year twice."),
    sources=((FORMAT, "Conventions"), ("yaml-1-2", "\"mapping keys … be unique\"")),
    bad=Example(yaml="version: 1\nplan:\n  navn: Planen\n  navn: Planen igen\n", whole_file=True),
    good=Example(yaml="version: 1\nplan:\n  navn: Planen\n", whole_file=True, runnable=False,
                 note="Hver nøgle én gang (planen er ellers ufuldstændig)."),
)


PLN011 = declare(
    code="PLN011",
    severity="error",
    basis="format",
    title=("Filen kan ikke læses", "The file cannot be read"),
    rationale=("Filen findes ikke længere, kan ikke åbnes, er binær eller er ikke UTF-8 (fx Latin-1 eller UTF-16). "
               "Planer skrives i UTF-8; et BOM er tilladt.",
               "The file is gone, cannot be opened, is binary or is not UTF-8 (e.g. Latin-1 or UTF-16). "
               "Plans are written in UTF-8; a BOM is allowed."),
    sources=((FORMAT, "Conventions: UTF-8"),),
    bad=Example(note="En fil gemt som Latin-1 med æøå.", runnable=False),
    good=Example(note="Den samme fil gemt som UTF-8.", runnable=False),
)


PLN012 = declare(
    code="PLN012",
    severity="error",
    basis="format",
    title=("Filen er ikke en plan", "The file is not a plan"),
    rationale=("En plan er ét YAML-dokument, hvis top er en mapping med nøglerne version, plan, parter, ... "
               "En tom fil, en liste eller flere dokumenter er ikke en plan.",
               "A plan is one YAML document whose top is a mapping with the keys version, plan, parter, ... "
               "An empty file, a list or several documents is not a plan."),
    sources=((FORMAT, "Conventions: \"One document per file\""),),
    bad=Example(yaml="- version: 1\n- plan: {}\n", whole_file=True),
    good=Example(yaml="version: 1\n", whole_file=True, runnable=False,
                 note="En mapping (planen er ellers ufuldstændig)."),
)


PLN013 = declare(
    code="PLN013",
    severity="error",
    basis="format",
    title=("YAML-tag er ikke tilladt", "YAML tag not allowed"),
    rationale=("Tags som !!python/object kan få andre YAML-læsere til at køre kode. planlint opretter aldrig "
               "objekter fra tags; værdien ignoreres.",
               "Tags such as !!python/object can make other YAML readers run code. planlint never constructs "
               "objects from tags; the value is ignored."),
    sources=(("yaml-1-2", "10.3 Core Schema"), (FORMAT, "Conventions: YAML 1.2")),
    # a whole file: an edit of the base plan goes through a YAML dump, which drops the tag
    bad=Example(yaml="version: 1\nplan:\n  vision: !!python/object/apply:os.system [\"echo\"]\n", whole_file=True),
    good=Example(at="plan", yaml="vision: Et trygt boligområde"),
)


PLN014 = declare(
    code="PLN014",
    severity="error",
    basis="format",
    title=("Aliasser, der ikke kan foldes ud", "Aliases that cannot be expanded"),
    rationale=("Ankre og aliasser (&navn, *navn) foldes ud, men et alias, der henviser til sig selv, eller "
               "aliasser, der vokser eksponentielt ('billion laughs'), afvises.",
               "Anchors and aliases (&name, *name) are expanded, but an alias that refers to itself, or aliases "
               "that grow exponentially ('billion laughs'), are refused."),
    sources=(("yaml-1-2", "3.2.2.2 Anchors and Aliases"),),
    bad=Example(yaml="version: 1\nplan: &p\n  navn: Planen\n  igen: *p\n", whole_file=True),
    good=Example(yaml="version: 1\n", whole_file=True, runnable=False, note="Ingen selvhenvisende aliasser."),
)


PLN015 = declare(
    code="PLN015",
    severity="error",
    basis="format",
    title=("Filen overskrider en grænse", "The file exceeds a limit"),
    rationale=("Filer over --max-file-size (5 MB), YAML indlejret mere end 100 niveauer og filer med mere end "
               "50.000 YAML-værdier afvises, og tal med mere end 100 cifre læses ikke, så planlint aldrig hænger "
               "eller løber tør for hukommelse i CI.",
               "Files over --max-file-size (5 MB), YAML nested more than 100 levels and files of more than "
               "50,000 YAML values are refused, and numbers of more than 100 digits are not read, so planlint "
               "never hangs or runs out of memory in CI."),
    sources=(("planlint-readme", "Grænser / Limits"),),
    bad=Example(yaml="version: 1\nplan: " + "[" * 150 + "]" * 150 + "\n", whole_file=True),
    good=Example(yaml="version: 1\n", whole_file=True, runnable=False, note="En plan med almindelig dybde."),
)


#: Default size limit for one plan file (``--max-file-size``).
MAX_FILE_SIZE = 5 * 1024 * 1024
#: Bytes read at a time: reading never reserves the whole limit up front.
READ_CHUNK = 1024 * 1024


def read_at_most(stream, limit: int) -> bytes:  # type: ignore[no-untyped-def]
    """Up to ``limit`` bytes of a binary stream, read in chunks (``read(limit)`` allocates ``limit``)."""
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = stream.read(min(READ_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)

_YAML_PROBLEMS_DA = {
    "found character '\\t' that cannot start any token":
        "et tabulatortegn kan ikke stå her; YAML indrykkes med mellemrum",
    "mapping values are not allowed": "et kolon står et sted, hvor YAML ikke tillader det (forkert indrykning, eller en tekst med kolon, der skal i anførselstegn)",
    "could not find expected ':'": "der mangler et ':' efter nøglen",
    "did not find expected key": "en nøgle mangler, eller indrykningen er forkert",
    "did not find expected '-' indicator": "et listepunkt ('-') mangler, eller indrykningen er forkert",
    "found unexpected end of stream": "filen slutter midt i en værdi (mangler et anførselstegn eller en parentes?)",
    "found undefined alias": "et alias (*navn) henviser til et anker, der ikke findes",
    "found unknown escape character": "en ukendt escape-sekvens i en tekst i anførselstegn",
    "did not find expected node content": "her mangler en værdi",
    "found a tab character where an indentation space is expected":
        "et tabulatortegn står, hvor YAML kræver mellemrum til indrykning",
    "found a tab character that violates indentation":
        "et tabulatortegn står, hvor YAML kræver mellemrum til indrykning",
    "found character that cannot start any token": "et tegn, der ikke kan indlede en YAML-værdi",
    "did not find expected ',' or ']'": "der mangler et ',' eller ']' i en liste",
    "did not find expected ',' or '}'": "der mangler et ',' eller '}' i en mapping",
    "found duplicate anchor": "det samme anker (&navn) er defineret to gange",
    "control characters are not allowed": "filen indeholder kontroltegn, som YAML ikke tillader",
}


def _problem_da(problem: str) -> str:
    for english, danish in _YAML_PROBLEMS_DA.items():
        if english in problem:
            return danish
    return f"parseren siger: {problem}"


def _file_finding(rule: Rule, da: str, en: str, line: int | None = 1, column: int | None = 1) -> Finding:
    return Finding(code=rule.code, message=Message(da, en), path=(), line=line, column=column)


def read_file(path: Path, max_size: int = MAX_FILE_SIZE) -> tuple[bytes | None, Finding | None]:
    """The file's bytes, or a finding saying why they cannot be had.

    Only regular files are read: a pipe or a device named ``plan.yaml`` could
    block the run forever or never end.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, _folder_finding(path)
        if not stat.S_ISREG(info.st_mode):
            return None, _file_finding(
                PLN011, "Stien er ikke en almindelig fil (men fx et rør, en socket eller en enhed); den læses ikke.",
                "The path is not a regular file (but e.g. a pipe, a socket or a device); it is not read.", None, None)
        size = info.st_size
        if size > max_size:
            return None, _file_finding(
                PLN015,
                f"Filen er {size:,} byte; planlint læser højst {max_size:,} byte (--max-file-size).".replace(",", "."),
                f"The file is {size:,} bytes; planlint reads at most {max_size:,} bytes (--max-file-size).",
            )
        with open(path, "rb") as handle:
            raw = read_at_most(handle, max_size + 1)
        if len(raw) > max_size:
            return None, _file_finding(
                PLN015,
                f"Filen er større end {max_size:,} byte (--max-file-size).".replace(",", "."),
                f"The file is larger than {max_size:,} bytes (--max-file-size).",
            )
        return raw, None
    except FileNotFoundError:
        if path.is_symlink():
            return None, _file_finding(PLN011, "Filen er et symbolsk link til noget, der ikke findes.",
                                       "The file is a symbolic link to something that does not exist.", None, None)
        return None, _file_finding(PLN011, "Filen forsvandt, mens planlint kørte.",
                                   "The file disappeared while planlint was running.", None, None)
    except IsADirectoryError:
        return None, _folder_finding(path)
    except PermissionError:
        return None, _file_finding(PLN011, "Filen kan ikke læses: adgang nægtet.",
                                   "The file cannot be read: permission denied.", None, None)
    except OSError as exc:
        from .oserrors import reason

        da, en = reason(exc)
        return None, _file_finding(PLN011, f"Filen kan ikke læses: {da}.", f"The file cannot be read: {en}.",
                                   None, None)


def _folder_finding(path: Path) -> Finding:
    """A directory where a file was expected: one that cannot be searched, or a ``*.yaml`` folder."""
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        from .oserrors import reason

        da, en = reason(exc)
        return _file_finding(PLN011, f"Mappen kan ikke gennemsøges: {da}; planerne i den er ikke kontrolleret.",
                             f"The folder cannot be searched: {en}; the plans in it are not checked.", None, None)
    return _file_finding(PLN011, "Stien er en mappe, ikke en fil.", "The path is a directory, not a file.", None, None)


def decode(raw: bytes) -> tuple[str | None, Finding | None]:
    """UTF-8 text (with or without BOM), or a finding saying what the file is instead."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, _file_finding(
            PLN011, "Filen er gemt som UTF-32; planlint læser kun UTF-8. Gem den som UTF-8.",
            "The file is saved as UTF-32; planlint reads UTF-8 only. Save it as UTF-8.")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, _file_finding(
            PLN011, "Filen er gemt som UTF-16; planlint læser kun UTF-8. Gem den som UTF-8.",
            "The file is saved as UTF-16; planlint reads UTF-8 only. Save it as UTF-8.")
    nul = raw.find(b"\0")
    if nul >= 0:
        if _looks_like_utf16(raw):
            return None, _file_finding(
                PLN011, "Filen ser ud til at være gemt som UTF-16 (uden BOM); planlint læser kun UTF-8. Gem den som UTF-8.",
                "The file looks saved as UTF-16 (without a BOM); planlint reads UTF-8 only. Save it as UTF-8.")
        line, column = _byte_position(raw, nul)
        return None, _file_finding(
            PLN011,
            f"Filen indeholder NUL-byte (linje {line}); det er en binær fil, ikke en YAML-plan.",
            f"The file contains NUL bytes (line {line}); it is a binary file, not a YAML plan.",
            line, column)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        return None, _file_finding(
            PLN011,
            f"Linje {line} er ikke UTF-8 (måske Latin-1/Windows-1252); gem filen som UTF-8.",
            f"Line {line} is not UTF-8 (perhaps Latin-1/Windows-1252); save the file as UTF-8.",
            line, column)


def _byte_position(raw: bytes, index: int) -> tuple[int, int]:
    """1-based (line, column) of a byte, lines counted as an editor does (LF, CRLF, CR), columns in characters."""
    line_start = max(raw.rfind(b"\n", 0, index), raw.rfind(b"\r", 0, index)) + 1
    line = raw.count(b"\n", 0, index) + raw.count(b"\r", 0, index) - raw.count(b"\r\n", 0, index) + 1
    return line, len(raw[line_start:index].decode("utf-8", "replace")) + 1


def _looks_like_utf16(raw: bytes) -> bool:
    """Text saved as UTF-16 without a BOM: every other byte of the first ones is NUL."""
    head = raw[:200]
    return len(head) >= 4 and (head[1::2].count(0) * 4 >= len(head) or head[0::2].count(0) * 4 >= len(head))


def load_file(path: Path, display: str, max_size: int = MAX_FILE_SIZE,
              backend: str | None = None) -> PlanDocument:
    """Read, decode, parse and validate one plan file."""
    raw, problem = read_file(path, max_size)
    if problem is not None:
        return PlanDocument(path=display, findings=[problem])
    return load_bytes(raw, display, max_size, backend)  # type: ignore[arg-type]


def load_bytes(raw: bytes, display: str, max_size: int = MAX_FILE_SIZE,
               backend: str | None = None) -> PlanDocument:
    """Decode, parse and validate a plan's bytes (a file's, or standard input's)."""
    if len(raw) > max_size:
        return PlanDocument(path=display, findings=[_file_finding(
            PLN015,
            f"Planen er større end {max_size:,} byte (--max-file-size).".replace(",", "."),
            f"The plan is larger than {max_size:,} bytes (--max-file-size).")])
    text, problem = decode(raw)
    if problem is not None:
        return PlanDocument(path=display, findings=[problem])
    return load_text(text, display, backend)  # type: ignore[arg-type]


def load_text(text: str, display: str = "<plan>", backend: str | None = None) -> PlanDocument:
    """Parse and validate plan text (already decoded)."""
    document = PlanDocument(path=display, text=text)
    findings = document.findings
    try:
        root, notices = yamlparse.parse(text, backend)
    except yamlparse.YamlError as exc:
        findings.append(_yaml_error_finding(exc, document.line_text(exc.line)))
        return document
    findings.extend(_notice_finding(notice) for notice in notices if notice.kind != "anchor")
    if root is None or (isinstance(root, yamlparse.ScalarNode) and root.value is None):
        findings.append(_file_finding(
            PLN012, "Filen indeholder ingen plan (den er tom eller har kun kommentarer).",
            "The file holds no plan (it is empty or only has comments)."))
        return document
    if not isinstance(root, yamlparse.MappingNode):
        kind_da, kind_en = ("en liste", "a list") if isinstance(root, yamlparse.SequenceNode) else ("en enkelt værdi", "a single value")
        findings.append(_file_finding(
            PLN012,
            f"Filen er {kind_da}, men en plan er en mapping med nøglerne version, plan, parter, ...",
            f"The file is {kind_en}, but a plan is a mapping with the keys version, plan, parter, ...",
            root.line, root.column))
        document.root = root
        return document
    document.root = root
    try:
        data, duplicates, bad_keys = yamlparse.to_data(root)
    except yamlparse.YamlError as exc:
        findings.append(_yaml_error_finding(exc))
        return document
    for dup in duplicates:
        name = yamlparse.path_key(dup.key)
        if name.isascii() and name.isdigit():  # a year map: 2016 and '2016' are the same year
            message = Message(
                f"Året {name} står to gange (første gang i linje {dup.first_line}; 2016 og '2016' er samme år); "
                "den anden forekomst ignoreres.",
                f"The year {name} appears twice (first on line {dup.first_line}; 2016 and '2016' are the same year); "
                "the second is ignored.")
        else:
            message = Message(
                f"Nøglen '{dup.key}' står to gange (første gang i linje {dup.first_line}); den anden forekomst ignoreres.",
                f"The key '{dup.key}' appears twice (first on line {dup.first_line}); the second is ignored.")
        findings.append(Finding(code=PLN002.code, message=message, path=dup.path + (name,), line=dup.line,
                                column=dup.column))
    for bad in bad_keys:
        findings.append(Finding(
            code=PLN005.code,
            message=Message("En nøgle skal være en enkel tekst, ikke en liste, mapping eller et decimaltal.",
                            "A key must be a plain text, not a list, mapping or decimal number."),
            path=bad.path, line=bad.line, column=bad.column))
    document.data = data
    document.plan, problems = validate_data(data, document)
    findings.extend(problems)
    return document


def _yaml_error_finding(exc: yamlparse.YamlError, line_text: str = "") -> Finding:
    if exc.kind == "documents":
        da = "Filen indeholder flere YAML-dokumenter (---); en plan er ét dokument pr. fil."
        en = "The file holds several YAML documents (---); a plan is one document per file."
        rule = PLN012
    elif exc.kind == "depth":
        da = f"YAML'en er indlejret mere end {yamlparse.MAX_DEPTH} niveauer dybt; en plan bruger omkring 10."
        en = f"The YAML is nested more than {yamlparse.MAX_DEPTH} levels deep; a plan uses about 10."
        rule = PLN015
    elif exc.kind == "aliases":
        da = (f"Aliasser (*navn) folder sig ud til mere end {int(exc.detail):,} værdier; "
              "filen afvises (en 'billion laughs'-bombe?).").replace(",", ".")
        en = (f"Aliases (*name) expand to more than {int(exc.detail):,} values; "
              "the file is refused (a 'billion laughs' bomb?).")
        rule = PLN014
    elif exc.kind == "nodes":
        da = (f"Filen har mere end {int(exc.detail):_} YAML-værdier; en plan har nogle tusinde, "
              "så filen afvises.").replace("_", ".")
        en = f"The file has more than {int(exc.detail):,} YAML values; a plan has a few thousand, so the file is refused."
        rule = PLN015
    elif "\t" in line_text[: exc.column]:
        # libyaml says only "cannot start any token"; the user needs to hear "tab"
        da = "YAML-syntaksfejl: linjen er indrykket med tabulatortegn; YAML indrykkes med mellemrum."
        en = f"YAML syntax error: the line is indented with tab characters; YAML is indented with spaces ({exc.detail})."
        rule = PLN001
    else:
        da = f"YAML-syntaksfejl: {_problem_da(exc.detail)}."
        en = f"YAML syntax error: {exc.detail}."
        rule = PLN001
    return _file_finding(rule, da, en, exc.line, exc.column)


def _notice_finding(notice: yamlparse.Notice) -> Finding:
    if notice.kind == "recursive_alias":
        return _file_finding(
            PLN014, f"Aliasset *{notice.detail} henviser til sig selv; værdien ignoreres.",
            f"The alias *{notice.detail} refers to itself; the value is ignored.", notice.line, notice.column)
    if notice.kind == "number":
        return _file_finding(
            PLN015, f"Tallet har mere end {notice.detail} cifre; planlint læser ikke så store tal, og værdien ignoreres.",
            f"The number has more than {notice.detail} digits; planlint does not read numbers that large, "
            "and the value is ignored.", notice.line, notice.column)
    tag = notice.detail.replace(yamlparse.CORE_TAG, "!!")
    return _file_finding(
        PLN013,
        f"YAML-tagget {tag} er ikke tilladt i en plan; værdien bruges ikke (planlint opretter aldrig objekter fra tags).",
        f"The YAML tag {tag} is not allowed in a plan; the value is not used (planlint never constructs objects from tags).",
        notice.line, notice.column)


def is_plan_file(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")
