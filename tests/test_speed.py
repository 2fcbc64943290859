"""The run engine's promises about speed and memory that a test can check without a clock:
parallel output equals serial output, and a linted plan is released when its file is done."""

from __future__ import annotations

import gc
import json
import shutil
import weakref

from conftest import EXAMPLES, run_cli

VALID = ("komplet_plan.yaml", "rum_for_liv.yaml", "tryg_og_aktiv_2016.yaml")


def folder_of_plans(root, count: int = 10):
    """``count`` plans: the example plans (one with defects among them) in two folders."""
    sources = [EXAMPLES / name for name in VALID] + [EXAMPLES / "defekter" / "ukendt_noegle.yaml"]
    for index in range(count):
        target = root / ("a" if index % 2 else "b") / f"plan_{index:02d}.yaml"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(sources[index % len(sources)], target)
    return root


def test_jobs_2_gives_the_same_whole_output_as_jobs_1(tmp_path):
    folder = folder_of_plans(tmp_path)
    serial = run_cli("check", "--format", "json", "--jobs", "1", str(folder))
    parallel = run_cli("check", "--format", "json", "--jobs", "2", str(folder))
    assert serial.returncode == parallel.returncode == 1, (serial.stderr, parallel.stderr)
    assert parallel.stdout == serial.stdout
    files = json.loads(parallel.stdout)["files"]
    assert len(files) == 10 and [f["path"] for f in files] == sorted(f["path"] for f in files)
    assert any(f["findings"] for f in files)


def test_lint_paths_in_workers_equals_serial_in_process(tmp_path):
    from planlint.engine import Linter

    folder = folder_of_plans(tmp_path, 9)
    linter = Linter()
    serial = [(r.path, r.findings, r.rules_run) for r in linter.lint_paths([str(folder)], jobs=1)]
    parallel = [(r.path, r.findings, r.rules_run) for r in linter.lint_paths([str(folder)], jobs=2)]
    assert parallel == serial


def test_jobs_0_is_a_usage_error():
    done = run_cli("check", "--jobs", "0", str(EXAMPLES / "komplet_plan.yaml"))
    assert done.returncode == 2


def test_each_plan_is_released_when_its_file_is_done(tmp_path):
    """``check`` keeps findings, not documents: memory must not grow with the number of plans."""
    from planlint.engine import Linter

    folder = folder_of_plans(tmp_path, 4)
    linter = Linter()
    documents: list[weakref.ref] = []
    finish = linter._finish

    def remembering(document, settings):
        documents.append(weakref.ref(document))
        return finish(document, settings)

    linter._finish = remembering  # type: ignore[method-assign]
    results = list(linter.lint_paths([str(folder)], jobs=1))
    gc.collect()
    assert len(documents) == 4
    assert [ref() for ref in documents] == [None] * 4
    # what the output needs is still there: the findings and the lines they point at
    [defective] = [r for r in results if r.path.endswith("plan_03.yaml")]  # ukendt_noegle.yaml
    [finding] = [f for f in defective.findings if f.code == "PLN003"]
    assert "succeskriterer" in defective.document.line_text(finding.line)
