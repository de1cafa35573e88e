"""Rerun issue 11's probes against a freshly built store in a temporary folder, in a few minutes.

    python bench/probes.py [--seed 11] [--texts 300] [--pdfs 60]

One line per probe (ok/FAIL, kind, name, what happened), then a summary; the exit status is 1
when any probe failed. Only 127.0.0.1 is used, and every step has a time bound: malformed
requests, SERVICE and a foreign Host header against `kg serve` (its log must hold no traceback);
hostile `kg query -p` values; mutated PDFs and special files through `kg build`; fuzzed texts
through every extractor; `kg push` and `kg query --endpoint` against stores that never answer,
trickle, or answer HTML or garbage. A bench script, not a test: tests/test_hardening_*.py hold
the regression tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from probe_serve import (  # noqa: E402
    Listener,
    as_root_without_dac,
    first_line,
    remote_probes,
    serve_probes,
    traceback_in,
)

ROOT = Path(__file__).resolve().parent.parent
MINUTES = sorted((ROOT / "tests" / "data" / "minutes").glob("*.txt"))
PDFS = sorted((ROOT / "tests" / "data" / "minutes").glob("*.pdf")) + sorted((ROOT / "examples").glob("*.pdf"))
FILE_SECONDS = 60  # a build of one hostile file must end within this
ROWS: list[bool] = []


def record(ok: bool, kind: str, name: str, what: str) -> None:
    ROWS.append(ok)
    name, what = _printable(name), " ".join(_printable(what).split())
    print(f"{'ok  ' if ok else 'FAIL'} {kind:<9} {name[:44]:<44} {what[:150]}", flush=True)


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def kg(*args: str, timeout: float, cwd: Path, prefix: list[str] | None = None) -> tuple:
    """(exit status or None if it ran past `timeout`, stdout, stderr, seconds)."""
    start = time.monotonic()
    cmd = [*(prefix or []), sys.executable, "-m", "kg", *args]
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="200")
    try:
        r = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else exc.stdout or ""
        return None, out, "", time.monotonic() - start
    return r.returncode, r.stdout, r.stderr, time.monotonic() - start


def clean_error(rc: int | None, err: str, out: str) -> bool:
    """Ended in time, not 0, no traceback, and its error is one line."""
    lines = [ln for ln in err.splitlines() if ln.strip()]
    return rc not in (0, None) and not traceback_in(err + out) and len(lines) == 1


# --- kg query -p --------------------------------------------------------------------------------


def param_probes(store: Path, tmp: Path) -> None:
    """Hostile values must give a one-line error; a hostile file-name filter just matches nothing."""
    errors = [
        ("figures", 'authority="x"@-'),
        ("figures", "authority=<javascript:alert(1)>"),
        ("figures", 'authority=x" } ; DROP ALL ; #'),
        ("figures", "authority=x\ny"),
        ("figures", "authority=<http://a b>"),
        ("figures", "authority=" + "A" * 5000),
        ("figures", "authority=E06000002\x7f\u202e"),
        ("figures", "nosuch=1"),
        ("figures", "no-equals-sign"),
        ("figures", "limit=-1"),
        ("figures", "limit=abc"),
        ("figures", "limit=99999999999999999999999999"),
        ("concern_mentions", 'concern=" } DROP ALL #'),
        ("inadequate_agency", "threshold=1e999x"),
    ]
    for name, value in errors:
        rc, out, err, secs = kg("query", name, "--store", str(store), "-p", value, timeout=60, cwd=tmp)
        ok = clean_error(rc, err, out) and "syntax error" not in err
        record(ok, "parameter", f"{name} -p {value}", f"exit {rc}: {first_line(err)}")
    listener = Listener()  # `kg query` refuses SERVICE too, before any request is made
    fed = tmp / "federated.rq"
    fed.write_text(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}\n")
    rc, out, err, secs = kg("query", str(fed), "--store", str(store), timeout=60, cwd=tmp)
    time.sleep(0.2)
    listener.close()
    ok = clean_error(rc, err, out) and "--allow-service" in err and listener.count == 0
    record(
        ok,
        "SERVICE",
        "kg query of a .rq with SERVICE",
        f"exit {rc}: {first_line(err)}; connections: {listener.count}",
    )
    value = "file=../../../etc/passwd"
    rc, out, err, secs = kg(
        "query", "documents", "--store", str(store), "-p", value, "-f", "csv", timeout=60, cwd=tmp
    )
    ok = rc == 0 and "root:" not in out and not traceback_in(err) and len(out.splitlines()) == 1
    record(ok, "parameter", f"documents -p {value}", f"exit {rc}: {len(out.splitlines()) - 1} rows")


# --- files --------------------------------------------------------------------------------------


def build_one(folder: Path, tmp: Path, prefix: list[str] | None = None) -> tuple:
    store = tmp / "stores" / folder.name
    return kg(
        "build", str(folder), "--store", str(store), "-j", "1", timeout=FILE_SECONDS, cwd=tmp, prefix=prefix
    )


def check_build(
    kind: str,
    name: str,
    folder: Path,
    tmp: Path,
    bad: str,
    expect: str = "error",
    prefix: list[str] | None = None,
) -> None:
    """One build of `folder`, in time, no traceback, every line one line; `expect` says how the
    file `bad` must come out: an error naming it, a notice naming it (exit 0), or either."""
    rc, out, err, secs = build_one(folder, tmp, prefix)
    shown = bad.encode("unicode_escape").decode("ascii")
    said = [ln for ln in err.splitlines() if ln.startswith("kg:") and shown in ln]
    strays = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith(("kg:", "Read "))]
    notes = [ln for ln in said if ln.startswith("kg: note:")]
    ok = rc is not None and not traceback_in(out + err) and not strays
    if expect == "error":
        ok = ok and rc != 0 and len(said) > len(notes)
    elif expect == "notice":
        ok = ok and rc == 0 and bool(notes)
    else:  # read, or refused with an error naming the file
        ok = ok and (rc == 0 or bool(said))
    record(ok, kind, name, f"{secs:.1f} s; exit {rc}: {said[0] if said else first_line(err or out)}")


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    how = rng.choice(["bytes", "bytes", "truncate", "splice", "zero"])
    if how == "truncate":
        return bytes(buf[: rng.randrange(len(buf))])
    if how == "splice":
        a, b = sorted(rng.randrange(len(buf)) for _ in range(2))
        return bytes(buf[:b] + buf[a:b] * rng.randint(1, 20) + buf[b:])
    if how == "zero":
        a = rng.randrange(len(buf))
        buf[a : a + rng.randint(1, 400)] = bytes(min(400, len(buf) - a))
        return bytes(buf)
    for _ in range(rng.randint(1, 16)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def pdf_sources(tmp: Path) -> list[Path]:
    made = tmp / "made.pdf"
    sys.path.insert(0, str(ROOT))
    from tests.conftest import make_pdf

    text = MINUTES[0].read_text(encoding="utf-8", errors="replace")[:6000]
    make_pdf(text.encode("latin-1", "replace").decode("latin-1"), made)  # the core font is Latin-1
    return [made, *PDFS]


def pdf_probes(tmp: Path, seed: int, batch: int) -> None:
    rng = random.Random(seed)
    sources = pdf_sources(tmp)
    for i in range(8):  # a handful through the whole build
        src = sources[i % len(sources)]
        folder = tmp / "pdf" / f"m{i}"
        folder.mkdir(parents=True)
        (folder / f"{src.stem}-m{i}.pdf").write_bytes(mutate(src.read_bytes(), rng))
        check_build("pdf", f"{src.stem[:24]} mutation {i}", folder, tmp, f"{src.stem}-m{i}.pdf", "either")
    many = tmp / "pdf" / "batch"
    many.mkdir()
    for i in range(batch):
        src = sources[i % len(sources)]
        (many / f"b{i:03}.pdf").write_bytes(mutate(src.read_bytes(), rng))
    child("pdfs", many, "pdf", f"{batch} mutated PDFs read one by one", 240 + batch)  # a second each


def special_probes(tmp: Path) -> None:
    good = MINUTES[0]
    rng = random.Random(7)
    outside = tmp / "outside.txt"
    outside.write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    noise = bytes(b for b in (rng.randrange(256) for _ in range(6000)) if b)

    def fifo(p: Path) -> None:
        os.mkfifo(p)

    cases = {
        "FIFO named .txt": ("minutes.txt", fifo, "error"),
        "link to /dev/zero": ("zero.txt", lambda p: p.symlink_to("/dev/zero"), "notice"),
        "link leaving the folder": ("out.txt", lambda p: p.symlink_to(outside), "notice"),
        "link to /etc/passwd": ("passwd.txt", lambda p: p.symlink_to("/etc/passwd"), "notice"),
        "loop of links": ("loop.txt", lambda p: p.symlink_to(p), "error"),
        "dangling link": ("gone.txt", lambda p: p.symlink_to(p.parent / "nothing.txt"), "error"),
        "random bytes": ("noise.txt", lambda p: p.write_bytes(noise), "error"),
        "NUL after 8 KB": ("nul.txt", lambda p: p.write_bytes(good.read_bytes()[:9000] + b"\0tail"), "error"),
        "name with a newline": ("new\nline.txt", lambda p: p.write_bytes(noise), "error"),
        "directory named .txt": ("folder.txt", lambda p: p.mkdir(), "either"),
        "empty file": ("empty.txt", lambda p: p.write_bytes(b""), "error"),
        "HTML of unclosed tags": ("tags.html", lambda p: p.write_text("<div>" * 40000 + "Ofsted"), "either"),
    }
    for name, (fname, make, expect) in cases.items():
        folder = tmp / "special" / name.replace(" ", "-").replace("/", "_")
        folder.mkdir(parents=True)
        shutil.copy(good, folder / good.name)
        make(folder / fname)
        check_build("file", name, folder, tmp, fname, expect)
    folder = tmp / "special" / "unreadable-subfolder"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(good, folder / good.name)
    shutil.copy(good, folder / "locked" / "other.txt")
    (folder / "locked").chmod(0)
    prefix = as_root_without_dac()
    try:
        if prefix is None:
            print("skip file      unreadable subfolder: root reads every folder, and setpriv is missing")
        else:
            check_build("file", "unreadable subfolder", folder, tmp, "locked", "error", prefix)
    finally:
        (folder / "locked").chmod(0o755)


# --- work in a child process, with a time bound --------------------------------------------------


def child(what: str, arg: Path | str, kind: str, name: str, seconds: float) -> None:
    start = time.monotonic()
    try:
        r = subprocess.run(
            [sys.executable, __file__, "--child", what, str(arg)],
            capture_output=True,
            text=True,
            timeout=seconds,
            cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
    except subprocess.TimeoutExpired:
        record(False, kind, name, f"ran past {seconds} s")
        return
    secs = time.monotonic() - start
    try:
        res = json.loads(r.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        record(False, kind, name, f"{secs:.0f} s; exit {r.returncode}: {first_line(r.stderr)}")
        return
    bad = res["escaped"] + res["multiline"]
    noise = r.stderr.strip()
    record(
        not bad and not noise and r.returncode == 0,
        kind,
        name,
        f"{secs:.0f} s; {res['n']} in all, {res['failed']} one-line errors, slowest {res['slowest']:.2f} s"
        + (f"; RAISED {bad[0]}" if bad else "")
        + (f"; stderr: {first_line(noise)}" if noise else ""),
    )


def run_child(what: str, arg: str) -> None:
    from kg.errors import KgError

    escaped: list[str] = []
    multiline: list[str] = []
    failed, slowest, n = 0, 0.0, 0
    if what == "pdfs":
        from kg.reading.readers import Source, read_document

        items = [(p.name, p) for p in sorted(Path(arg).iterdir())]
    else:
        from probe_fuzz import texts

        items = list(enumerate(texts(int(arg.split(":")[0]), int(arg.split(":")[1]), MINUTES)))
    for name, item in items:
        n += 1
        start = time.monotonic()
        try:
            if what == "pdfs":
                read_document(Source(item, item.name))
            else:
                from probe_fuzz import extract

                extract(item)
        except KgError as exc:
            failed += 1
            if "\n" in str(exc):
                multiline.append(f"{name}: {str(exc)[:100]!r}")
        except Exception as exc:  # noqa: BLE001 - what we are looking for
            escaped.append(f"{name}: {type(exc).__name__}: {str(exc)[:100]}")
        slowest = max(slowest, time.monotonic() - start)
    print(
        json.dumps({"n": n, "failed": failed, "slowest": slowest, "escaped": escaped, "multiline": multiline})
    )


# --- main ---------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--texts", type=int, default=300, help="fuzzed texts through the extractors")
    ap.add_argument("--pdfs", type=int, default=60, help="mutated PDFs read in one batch")
    ap.add_argument(
        "--only",
        default="serve,params,remote,files,pdfs,texts",
        help="comma-separated groups to run (default: all)",
    )
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_child(*args.child)
        return 0
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kg-probes-") as name:
        tmp = Path(name)
        store = tmp / "store"
        rc, out, err, secs = kg(
            "build", str(ROOT / "examples"), "--store", str(store), "-j", "1", timeout=300, cwd=tmp
        )
        if rc != 0:
            print(f"kg build examples failed: {first_line(err)}")
            return 2
        print(f"built {store} from examples/ in {secs:.0f} s: {first_line(out + err)}", flush=True)
        only = set(args.only.split(","))
        steps = [
            ("serve", lambda: serve_probes(store, tmp, record)),
            ("params", lambda: param_probes(store, tmp)),
            ("remote", lambda: remote_probes(store, tmp, record, kg)),
            ("files", lambda: special_probes(tmp)),
            ("pdfs", lambda: pdf_probes(tmp, args.seed, args.pdfs)),
            (
                "texts",
                lambda: child(
                    "fuzz",
                    f"{args.seed}:{args.texts}",
                    "text",
                    f"{args.texts} fuzzed texts, seed {args.seed}",
                    300 + args.texts // 2,  # half a second each beyond the first 300 s
                ),
            ),
        ]
        for group, step in steps:
            if group in only:
                step()
    failed = ROWS.count(False)
    print(
        f"\n{len(ROWS)} probes in {time.monotonic() - start:.0f} s: {failed} failed "
        f"(load average {os.getloadavg()[0]:.2f})"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
