"""The built wheel works as a user installs it: from a fresh virtual environment, outside the checkout.

The wheel is built with pip (the project's own build backend, as `pip install .` and pipx do) and
installed without its dependencies into a new virtual environment; the dependencies are the ones of
the environment running the tests, made visible through a .pth line (that keeps the test offline
and fast, and the wheel's own Requires-Dist is checked with `pip check`). Every command then runs
with the working directory outside the checkout and no PYTHONPATH, so ontology/, queries/ and the
reference data can only come from inside the installed package.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import sysconfig
import time
import tomllib
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.wheel


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 240) -> str:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)], out, env)
    (whl,) = out.glob("kg-*.whl")
    return whl


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """A fresh venv with the wheel installed; yields (its bin folder, the environment to run in)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    bindir = venv / "bin"
    py = bindir / "python"
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    # The dependencies: this environment's site-packages, after the venv's own (so kg comes from the wheel).
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "_kg_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "200"
    work = tmp_path_factory.mktemp("analyst")
    _run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], work, env)
    yield bindir, env


def test_the_wheel_holds_every_package_ontology_and_queries(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for rq in (ROOT / "queries").glob("*.rq"):
        assert f"kg/_queries/{rq.name}" in names
    for f in ("kg.ttl", "shapes.ttl", "vocabularies.ttl", "vocabularies.yaml"):
        assert f"kg/_ontology/{f}" in names
    for f in (ROOT / "kg").rglob("*"):
        if f.is_file() and "__pycache__" not in f.parts:
            assert f.relative_to(ROOT).as_posix() in names, f"{f} is not in the wheel"
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("__init__.py")}
    assert on_disk <= listed, f"add {sorted(on_disk - listed)} to [tool.setuptools] packages"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_installed_kg_works_outside_the_checkout(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bindir, env = installed
    kg = str(bindir / "kg")
    where = _run([str(bindir / "python"), "-c", "import kg; print(kg.__file__)"], tmp_path, env)
    assert not where.startswith(str(ROOT)), f"kg was imported from the checkout: {where}"
    _run([str(bindir / "python"), "-m", "pip", "check"], tmp_path, env)

    out = _run([kg, "build", str(ROOT / "examples")], tmp_path, env)
    assert "5 added, 0 changed, 0 removed, 0 unchanged" in out, out
    assert re.search(r"Read 5 documents; \d+ statements in output/store", out), out
    assert (tmp_path / "output" / "store" / "current").exists()

    listing = _run([kg, "queries"], tmp_path, env)
    assert "inspections" in listing and "authority_card" in listing
    table = _run([kg, "query", "inspections", "-f", "csv"], tmp_path, env)
    assert "inadequate" in table and "/authority/E06000002" in table

    shown = _run([kg, "show", "Middlesbrough"], tmp_path, env)
    assert "kg:LocalAuthority" in shown and "E06000002" in shown
    report = _run([kg, "validate"], tmp_path, env)
    assert "conforms" in report
    data = ROOT / "tests" / "data"
    scores = _run([kg, "eval", str(data / "gold"), str(data / "minutes")], tmp_path, env)
    assert re.search(r"micro \(15 documents\): P=\d\.\d+ R=\d\.\d+ F1=\d\.\d+", scores), scores

    site = _run([kg, "viz", "-o", "site"], tmp_path, env)
    assert "wrote" in site and (tmp_path / "site" / "index.html").exists()

    port = _free_port()
    server = subprocess.Popen(
        [kg, "serve", "--port", str(port), "-q"], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/sparql?query=" + urllib.parse.quote(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        )
        deadline, answer = time.monotonic() + 60, None
        while answer is None and time.monotonic() < deadline:
            assert server.poll() is None, server.communicate()[1].decode()
            try:
                req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
                with urllib.request.urlopen(req, timeout=10) as resp:
                    answer = json.load(resp)
            except OSError:
                time.sleep(0.3)
        assert answer is not None, "kg serve did not answer within 60 s"
        assert int(answer["results"]["bindings"][0]["n"]["value"]) > 1000
    finally:
        server.terminate()
        server.wait(timeout=30)
