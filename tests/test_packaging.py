"""Tests for packaging: the README's commands, .ci/run, and what an install contains."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
CI_RUN = REPO / ".ci" / "run"

INSTALL_AND_SCAN = (
    "python3 -m venv .venv && .venv/bin/pip install . && "
    ".venv/bin/treatywatch scan examples/treaty-news.xml"
)
INSTALL_AND_TEST = (
    'python3 -m venv .venv && .venv/bin/pip install ".[test]" && .venv/bin/python -m pytest -q'
)


def quick_start_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_quick_start_is_exactly_the_two_commands() -> None:
    assert quick_start_commands() == [INSTALL_AND_SCAN, INSTALL_AND_TEST]


def test_ci_runs_the_readme_test_command() -> None:
    # .ci/run takes the first README line holding this marker and runs what follows it.
    marker = 'pip install ".[test]" && .venv/bin/'
    ci = CI_RUN.read_text(encoding="utf-8")
    assert f"grep -m1 -F '{marker}' README.md" in ci
    assert "${readme_line##*&& .venv/bin/}" in ci
    first = next(line for line in README.read_text(encoding="utf-8").splitlines()
                 if marker in line)
    assert first == INSTALL_AND_TEST
    assert first.rsplit("&& .venv/bin/", 1)[1] == "python -m pytest -q"


def test_ci_script_is_strict_executable_bash() -> None:
    ci = CI_RUN.read_text(encoding="utf-8")
    assert ci.startswith("#!/usr/bin/env bash\n")
    assert "\nset -euo pipefail\n" in ci
    assert os.access(CI_RUN, os.X_OK)
    assert "((status == 5))" in ci, "pytest collecting no tests must fail CI"
    installs = [line for line in ci.splitlines() if "pip\" install" in line]
    assert installs, "CI must pip install the project"
    assert all('".[test]"' in line and "-e" not in line.split() and "--editable" not in line
               for line in installs), "CI must install the project, not an editable link"
    subprocess.run(["bash", "-n", str(CI_RUN)], check=True)


def test_every_package_in_the_tree_is_listed_for_setuptools() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    in_tree = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("bot", "cogs")
        for init in (REPO / top).rglob("__init__.py")
    }
    missing = in_tree - listed
    assert not missing, f"add these to [tool.setuptools] packages, or installs lack them: {missing}"


def test_a_built_package_carries_every_module_and_finds_its_seeds(tmp_path: Path) -> None:
    """Build the install layout (setuptools build_py, offline) and use it from elsewhere."""
    pytest.importorskip("setuptools")
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".ci-venv", "build", "dist", "*.egg-info", "__pycache__",
        ".mypy_cache", ".ruff_cache", ".pytest_cache", "*.sqlite3*",
    ))
    lib = tmp_path / "lib"
    subprocess.run(
        [sys.executable, "-c", "import setuptools; setuptools.setup()",
         "-q", "build_py", "--build-lib", str(lib)],
        cwd=source, check=True, capture_output=True,
    )
    for module in [*REPO.glob("bot/**/*.py"), *REPO.glob("cogs/**/*.py")]:
        assert (lib / module.relative_to(REPO)).is_file(), f"{module} is not packaged"

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "from bot.seeds import load_seed_documents, seed_dir; "
        "print(seed_dir()); print(len(load_seed_documents()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=elsewhere, check=True, capture_output=True,
        text=True, env={**os.environ, "PYTHONPATH": str(lib)},
    )
    found_in, count = result.stdout.split()
    assert Path(found_in) == lib / "bot" / "seeds"
    assert count == "5"
