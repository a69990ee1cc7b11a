"""Run the adversarial corpus against derive's public interfaces and report what fails.

    python3 tests/soundness/run_corpus.py [--json out.json] [--only SUBSTRING] [--workers 2] [--timeout 90]

Each case runs in its own subprocess (a Python worker for the API cases, the ``derive`` command for
documents and proof files) with a timeout, so a hang or a crash is recorded and the run goes on.
One line per case: id, truth, derive's answer, seconds, a short reason; then a summary:

* false PROVED   -- truth "false" but derive said PROVED (for a document: the judged link proved;
                    for a proof file: exit 0);
* true REFUTED   -- truth "true" but derive refuted it;
* tracebacks     -- a Python traceback in the output, an exception escaping the API that is not a
                    derive.DeriveError (nor the AssertionError of assert_identity), or a CLI exit code
                    other than 0, 1, 2;
* hangs          -- no answer within the timeout;
* false accepted -- a document's false claim taken as an assumption or definition (never checked) with exit 0.

Answers: PROVED, REFUTED, UNKNOWN, ERROR (a DeriveError / CLI exit 2), NOT-CHECKED (document: the
judged line was read as an assumption, definition or supposition), EXCEPTION, HANG.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from corpus import Case, load  # noqa: E402

MARK = "@@CORPUS-RESULT@@"
TB = "Traceback (most recent call last)"


# ------------------------------------------------------------------------------------ worker (API cases)

def worker(case_id: str) -> None:
    """Run one API case in this process and print its result as one marked JSON line."""
    out = api_result(next(c for c in load() if c.id == case_id))
    sys.stdout.flush()
    print(MARK + json.dumps(out, default=str), flush=True)


def api_result(case: Case) -> dict:
    """One API case run in this process: its answer, reason and counterexample (an escaping exception recorded)."""
    import sympy as sp

    import derive
    from common import namespace, value
    from derive import Domain
    from derive.testing import assert_identity

    out: dict = {}
    t0 = time.time()
    try:
        ns = namespace(case.syms)
        ns.update(derive=derive, Domain=Domain, sp=sp, assert_identity=assert_identity)
        if case.setup:
            exec(case.setup, ns)
        domain = ns.get("domain")
        if domain is None and case.via in ("check_equal", "check_relation"):
            domain = Domain(tuple((ns[name], sp.Interval.open(sp.sympify(lo), sp.sympify(hi)))
                                  for name, (lo, hi) in case.domain))
        if case.via == "python":
            exec(case.code, ns)
            verdict = ns.get("result")
        else:
            lhs = case.lhs if case.latex else value(case.lhs, ns)
            rhs = case.rhs if case.latex else value(case.rhs, ns)
            if case.via == "check_equal":
                verdict = derive.check_equal(lhs, rhs, domain)
            elif case.via == "check_relation":
                verdict = derive.check_relation(lhs, rhs, case.rel, domain)
            elif case.via == "assert_identity":
                assume = [value(a[3:], ns) if isinstance(a, str) and a.startswith("py:") else a for a in case.assume]
                try:
                    verdict = assert_identity(lhs, rhs, assume=assume, define=list(case.define))
                except AssertionError as exc:
                    text = str(exc)
                    out.update(answer="REFUTED" if "(refuted)" in text else "UNKNOWN", reason=text)
                    verdict = None
            else:
                raise ValueError(f"via {case.via}")
        if verdict is not None and not out:
            status = getattr(verdict, "status", None)
            answer = str(status.value).upper() if status is not None else f"RETURNED {type(verdict).__name__}"
            out.update(answer=answer,
                       reason=getattr(verdict, "reason", "") or "",
                       counterexample=str(getattr(verdict, "counterexample", "") or ""))
    except derive.DeriveError as exc:
        out.update(answer="ERROR", reason=f"{type(exc).__name__}: {exc}")
    except AssertionError as exc:
        out.update(answer="UNKNOWN", reason=f"AssertionError: {exc}")
    except RecursionError as exc:
        out.update(answer="EXCEPTION", exception="RecursionError", reason=str(exc)[:300])
    except Exception as exc:  # noqa: BLE001 -- exactly what the corpus records
        traceback.print_exc()
        out.update(answer="EXCEPTION", exception=type(exc).__name__, reason=f"{type(exc).__name__}: {exc}")
    out["inner_seconds"] = round(time.time() - t0, 2)
    return out


# ---------------------------------------------------------------------------------------- the parent

def _spawn(cmd: list[str], timeout: float, cwd: str) -> tuple[int | None, str, str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONDONTWRITEBYTECODE="1")
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the group this case started, nothing else
        out, err = proc.communicate()
        code = None
    return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.time() - t0


def _document_answer(case: Case, report: dict, text: str) -> tuple[str, str]:
    links = report.get("links", [])
    if case.target:
        lines = {i + 1 for i, line in enumerate(text.splitlines()) if case.target in line}
        picked = [lk for lk in links if lk.get("line") in lines]
    else:
        picked = [lk for lk in links if lk.get("kind") not in ("definition", "assumption", "supposition")]
    if not picked:
        return "NOT-CHECKED", "no link on the judged line"
    checked = [lk for lk in picked if lk.get("kind") not in ("definition", "assumption", "supposition")
               or lk.get("status") == "refuted"]  # --define links may share the line; a refuted one counts
    picked = checked or picked
    statuses = [lk.get("status") for lk in picked]
    brief = "; ".join(f"{lk.get('status')}: {lk.get('lhs', '')[:30]} {lk.get('relation', '')} {lk.get('rhs', '')[:30]}"
                      f" {lk.get('reason', '')[:60]}" for lk in picked)
    if "refuted" in statuses:
        return "REFUTED", brief
    if all(s == "proved" for s in statuses):
        return "PROVED", brief
    if all(s in ("assumption", "definition", "supposed") for s in statuses):
        return "NOT-CHECKED", brief
    return "UNKNOWN", brief


def _proof_text(case: Case) -> str | bytes:
    if case.make:
        return eval(case.make, {"json": json, "ROOT": ROOT})  # the corpus's own expression
    d = json.loads((ROOT / "outputs" / f"{case.proof}.json").read_text())
    if case.edit:
        ns = {"d": d, "json": json}
        exec(case.edit, ns)
        d = ns["d"]
    return json.dumps(d, indent=1)


def in_process(cmd: list[str], timeout: float, cwd: str) -> tuple[int | None, str, str, float]:
    """:func:`_spawn`'s answer without a subprocess: ``derive`` run through its ``main``, a worker through
    :func:`api_result` (for pytest; time is bounded by derive's own limits, not by ``timeout``)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from derive.cli import main as derive_main

    out, err, t0 = io.StringIO(), io.StringIO(), time.time()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            if cmd[1:3] == ["-m", "derive.cli"]:
                code = derive_main(cmd[3:])
            else:
                case = next(c for c in load() if c.id == cmd[-1])
                print(MARK + json.dumps(api_result(case), default=str))
                code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception:  # noqa: BLE001 -- recorded as a traceback, as a subprocess would show it
            traceback.print_exc()
            code = 1
    return code, out.getvalue(), err.getvalue(), time.time() - t0


def run_case(case: Case, timeout: float, spawn=None) -> dict:
    res: dict = {"id": case.id, "class": case.cls, "kind": case.kind, "truth": case.truth, "via": case.via}
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        text = ""
        if case.via in ("check", "verify"):
            if case.via == "check":
                content = eval(case.make, {"ROOT": ROOT}) if case.make else case.text
                path = Path(tmp) / f"doc.{case.ext}"
            else:
                content = _proof_text(case)
                path = Path(tmp) / "proof.json"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
                text = content
            if case.via == "check":
                cmd = [sys.executable, "-m", "derive.cli", "check", str(path), "--format", "json", *case.args]
                for a in case.assume:
                    cmd += ["--assume", a]
                for d in case.define:
                    cmd += ["--define", d]
            else:
                cmd = [sys.executable, "-m", "derive.cli", "verify", str(path), *case.args]
        else:
            cmd = [sys.executable, str(HERE / "run_corpus.py"), "--worker", case.id]
        code, out, err, secs = (spawn or _spawn)(cmd, timeout, str(ROOT))
    res.update(seconds=round(secs, 2), exit=code)
    res["traceback"] = TB in out or TB in err
    if code is None:
        res.update(answer="HANG", reason=f"no answer in {timeout:.0f} s")
        return res
    if case.via in ("check", "verify") and code not in (0, 1, 2):
        res["traceback"] = True
    if case.via == "check":
        if code == 2:
            res.update(answer="ERROR", reason=(err.strip().splitlines() or [""])[-1][:200])
        else:
            try:
                report = json.loads(out)
                res["answer"], res["reason"] = _document_answer(case, report, text)
            except json.JSONDecodeError:
                res.update(answer=f"EXIT {code}", reason=(err or out).strip()[-200:])
    elif case.via == "verify":
        last = (out.strip().splitlines() or [""])[-1]
        if code == 0:
            res.update(answer="PROVED", reason=last[-160:])
        elif code == 1:
            res.update(answer="REFUTED" if " 0 refuted" not in last else "UNKNOWN", reason=last[-160:])
        elif code == 2:
            res.update(answer="ERROR", reason=(err.strip().splitlines() or [""])[-1][:200])
        else:
            res.update(answer=f"EXIT {code}", reason=(err or out).strip()[-200:])
    else:
        lines = [ln for ln in out.splitlines() if ln.startswith(MARK)]
        if not lines:
            res.update(answer="EXCEPTION", exception="worker died", reason=(err or out).strip()[-300:])
            res["traceback"] = True
        else:
            inner = json.loads(lines[-1][len(MARK):])
            res.update(inner)
            if inner.get("answer") == "EXCEPTION":
                res["traceback"] = True
    return res


def guarded(case: Case, timeout: float) -> dict:
    """run_case, with a failure of the harness itself recorded instead of stopping the run."""
    try:
        return run_case(case, timeout)
    except Exception as exc:  # noqa: BLE001
        return {"id": case.id, "class": case.cls, "kind": case.kind, "truth": case.truth, "via": case.via,
                "seconds": 0.0, "answer": "HARNESS-ERROR", "reason": f"{type(exc).__name__}: {exc}"}


def classify(res: dict) -> list[str]:
    flags = []
    if res["truth"] == "false" and res.get("answer") == "PROVED":
        flags.append("FALSE-PROVED")
    if res["truth"] == "true" and res.get("answer") == "REFUTED":
        flags.append("TRUE-REFUTED")
    if res.get("traceback"):
        flags.append("TRACEBACK")
    if res.get("answer") == "HANG":
        flags.append("HANG")
    if res["truth"] == "false" and res.get("answer") == "NOT-CHECKED" and res.get("exit") == 0:
        flags.append("FALSE-ACCEPTED")
    return flags


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--only", default="", help="a substring of the case id or class name")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=90.0)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker)
        return 0
    cases = load(args.only)
    t0 = time.time()
    results: list[dict] = []
    with ThreadPoolExecutor(max_workers=max(1, min(args.workers, 2))) as pool:
        for res in pool.map(lambda c: guarded(c, args.timeout), cases):
            res["flags"] = classify(res)
            results.append(res)
            reason = " ".join(str(res.get("reason", "")).split())[:90]
            flag = ",".join(res["flags"])
            print(f"{res['id']:48s} {res['truth']:11s} {res.get('answer', '?'):12s} {res['seconds']:6.1f}s "
                  f"{flag + ' ' if flag else ''}{reason}", flush=True)
    summary = summarize(results, time.time() - t0)
    print()
    print(summary["text"])
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": {k: v for k, v in summary.items() if k != "text"},
                                               "results": results}, indent=1, default=str))
    return 1 if any(summary[k] for k in ("false_proved", "true_refuted", "tracebacks", "hangs")) else 0


def summarize(results: list[dict], wall: float) -> dict:
    by = lambda flag: [r for r in results if flag in r["flags"]]  # noqa: E731
    count = lambda truth, answer: sum(1 for r in results if r["truth"] == truth and r.get("answer") == answer)  # noqa: E731
    s = {
        "cases": len(results), "wall_seconds": round(wall, 1),
        "false_proved": [r["id"] for r in by("FALSE-PROVED")],
        "true_refuted": [r["id"] for r in by("TRUE-REFUTED")],
        "tracebacks": [f"{r['id']} ({r.get('exception', 'exit %s' % r.get('exit'))})" for r in by("TRACEBACK")],
        "hangs": [r["id"] for r in by("HANG")],
        "false_accepted": [r["id"] for r in by("FALSE-ACCEPTED")],
        "harness_errors": [r["id"] for r in results if r.get("answer") == "HARNESS-ERROR"],
    }
    truths = {t: sum(1 for r in results if r["truth"] == t) for t in ("true", "false", "crash-probe")}
    lines = [f"{len(results)} cases ({truths['true']} true, {truths['false']} false, {truths['crash-probe']} crash probes)"
             f" in {wall:.0f} s",
             f"true:  {count('true', 'PROVED')} proved, {count('true', 'UNKNOWN')} unknown, "
             f"{count('true', 'REFUTED')} refuted, {count('true', 'ERROR')} error",
             f"false: {count('false', 'REFUTED')} refuted, {count('false', 'UNKNOWN')} unknown, "
             f"{count('false', 'ERROR')} error, {count('false', 'PROVED')} PROVED"]
    for key, title in (("false_proved", "false PROVED"), ("true_refuted", "true REFUTED"),
                       ("tracebacks", "tracebacks"), ("hangs", "hangs"),
                       ("false_accepted", "false claims accepted unchecked"),
                       ("harness_errors", "harness errors (the corpus's own fault)")):
        lines.append(f"{title}: {len(s[key])}" + (": " + ", ".join(s[key]) if s[key] else ""))
    classes = sorted({r["class"] for r in results})
    lines.append("by class (cases / false PROVED / true REFUTED / tracebacks / hangs):")
    for c in classes:
        rs = [r for r in results if r["class"] == c]
        n = lambda flag: sum(1 for r in rs if flag in r["flags"])  # noqa: E731
        lines.append(f"  {c:15s} {len(rs):4d} {n('FALSE-PROVED'):4d} {n('TRUE-REFUTED'):4d} {n('TRACEBACK'):4d} {n('HANG'):4d}")
    s["text"] = "\n".join(lines)
    return s


if __name__ == "__main__":
    sys.exit(main())
