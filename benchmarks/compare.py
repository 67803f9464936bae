#!/usr/bin/env python3
"""Builds dropviz in release mode, runs `dropviz bench --format json` and the numpy and torch
scripts on the same networks (one thread each), and prints steps/s side by side with the
ratios and the targets. Usage: benchmarks/compare.sh [--seconds S] [--config NAMES]
[--simulate-generic [CORE]].

--simulate-generic shows, as closely as a CPU that OpenBLAS recognises allows, what happens on
one it does not: it is a simulation, not a measurement on such a CPU. dropviz is told that
OpenBLAS detected CORE (default Prescott, the generic SSE3 set) through its test variable
DROPVIZ_TEST_BLAS_DETECTED, so its start-up selection runs as it would there and its report
names the kernels it chose; for contrast, dropviz and numpy run again with
OPENBLAS_CORETYPE=CORE forced (what a user gets without a selection). PyTorch's CPU wheel does
its products with its own libraries (MKL/oneDNN), which that variable does not reach.

PyTorch is measured, never skipped for want of it: when this Python cannot import torch, the
CPU-only wheel (TORCH_WHEEL below; no CUDA downloads) is installed into a virtual environment
under the scratch directory, which sees this Python's numpy too."""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRATCH = os.environ.get("DROPVIZ_BENCH_SCRATCH", os.path.join(ROOT, ".build-bench"))
# dropviz/numpy steps/s wanted, single thread (issue 15); mnist also ≥ 2× torch.
TARGETS = {"tiny": 15.0, "digits": 4.0, "wide": 3.0, "mnist": 2.0}
TORCH_TARGETS = {"mnist": 2.0}
MNIST_OF_SGEMM = 0.85
TORCH_WHEEL = "torch==2.13.0+cpu"
VENV = os.path.join(SCRATCH, "torch-venv")
ONE_THREAD = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def run_json(cmd, name, extra_env=None):
    """The JSON a benchmark prints, or None (with a one-line reason) when it cannot run."""
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **ONE_THREAD, **(extra_env or {})})
    if r.returncode != 0:
        reason = (r.stderr.strip().splitlines() or [f"exit status {r.returncode}"])[-1]
        print(f"{name}: skipped ({reason})", file=sys.stderr)
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])


def torch_python():
    """A Python that imports torch: this one, or the virtual environment, made and filled with
    the CPU wheel when missing. None (with pip's own last line on stderr) when pip fails."""
    if subprocess.run([sys.executable, "-c", "import torch"], capture_output=True).returncode == 0:
        return sys.executable
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", VENV], check=True)
    if subprocess.run([python, "-c", "import torch"], capture_output=True).returncode != 0:
        print(f"installing {TORCH_WHEEL} into {VENV}", file=sys.stderr)
        r = subprocess.run([python, "-m", "pip", "install", "--quiet", TORCH_WHEEL], capture_output=True, text=True)
        if r.returncode != 0:
            answer = (r.stderr.strip().splitlines() or [f"exit status {r.returncode}"])[-1]
            print(f"torch: pip install {TORCH_WHEEL} failed: {answer}", file=sys.stderr)
            return None
    return python


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seconds", default="1")
    p.add_argument("--config", default="tiny,digits,wide,mnist")
    p.add_argument("--clock", choices=["cpu", "wall"], default="cpu")
    p.add_argument("--no-build", action="store_true")
    p.add_argument("--simulate-generic", nargs="?", const="Prescott", metavar="CORE",
                   help="simulate a CPU where OpenBLAS falls back to a generic kernel set (default Prescott): "
                        "dropviz is told OpenBLAS detected CORE (DROPVIZ_TEST_BLAS_DETECTED), so its own "
                        "selection runs as it would there; extra columns force OPENBLAS_CORETYPE=CORE on dropviz "
                        "and numpy (what they run without a selection)")
    a = p.parse_args()
    if not a.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", "dropviz"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(SCRATCH, "release", "dropviz")
    common = ["--seconds", a.seconds, "--config", a.config, "--clock", a.clock]
    dropviz_cmd = [binary, "bench", "--format", "json"] + common
    numpy_cmd = [sys.executable, os.path.join(HERE, "numpy_step.py")] + common
    simulated = {"DROPVIZ_TEST_BLAS_DETECTED": a.simulate_generic} if a.simulate_generic else None
    results = {"dropviz": run_json(dropviz_cmd, "dropviz", simulated)}
    if results["dropviz"] is None:
        sys.exit(1)
    results["numpy"] = run_json(numpy_cmd, "numpy")
    python = torch_python()
    results["torch"] = run_json([python, os.path.join(HERE, "torch_step.py")] + common, "torch") if python else None
    if a.simulate_generic:
        forced = {"OPENBLAS_CORETYPE": a.simulate_generic}
        results["dropviz generic"] = run_json(dropviz_cmd, "dropviz generic", forced)
        results["numpy generic"] = run_json(numpy_cmd, "numpy generic", forced)
        print_simulation(a, results)
        return

    by_tool = {t: {c["name"]: c for c in r["configs"]} for t, r in results.items() if r}
    header = f"{'config':<8} {'dropviz':>10} {'numpy':>10} {'torch':>10} {'dv/numpy':>9} {'dv/torch':>9} {'target':>7}"
    info = results["dropviz"]
    print(f"steps/s of {a.clock} time, one thread (median of the repetitions)")
    print(f"dropviz BLAS: {info.get('blas')} {info.get('blas_version')}, blas_core {info.get('blas_core')} ({info.get('blas_core_origin')})")
    print(header)
    for name in a.config.split(","):
        dv = by_tool["dropviz"][name]["steps_per_s"]
        cells = [f"{name:<8}", f"{dv:>10.0f}"]
        ratios = []
        for tool in ("numpy", "torch"):
            other = by_tool.get(tool, {}).get(name)
            cells.append(f"{other['steps_per_s']:>10.0f}" if other else f"{'-':>10}")
            ratios.append(f"{dv / other['steps_per_s']:>8.2f}x" if other else f"{'-':>9}")
        target = TARGETS.get(name)
        met = ""
        if target and "numpy" in by_tool and name in by_tool["numpy"]:
            met = " ok" if dv / by_tool["numpy"][name]["steps_per_s"] >= target else " MISSED"
        torch_target = TORCH_TARGETS.get(name)
        if torch_target:
            other = by_tool.get("torch", {}).get(name)
            met += f"; vs torch {torch_target:.1f}x " + (("ok" if dv / other["steps_per_s"] >= torch_target else "MISSED") if other else "NOT MEASURED")
        print(" ".join(cells + ratios + [f"{target:>6.1f}x{met}" if target else ""]))
    sgemm = results["dropviz"].get("sgemm_gflops")
    mnist = by_tool["dropviz"].get("mnist")
    if sgemm and mnist:
        share = mnist["gflops"] / sgemm
        met = "ok" if share >= MNIST_OF_SGEMM else "MISSED"
        print(f"mnist step {mnist['gflops']:.1f} GFLOP/s = {100 * share:.0f}% of the sgemm rate "
              f"{sgemm:.1f} GFLOP/s (1024^3, 1 thread; target {100 * MNIST_OF_SGEMM:.0f}%: {met})")
    for tool in ("numpy", "torch"):
        if results.get(tool) and results[tool].get("sgemm_gflops"):
            print(f"{tool}'s own matmul 1024^3: {results[tool]['sgemm_gflops']:.1f} GFLOP/s")


def print_simulation(a, results):
    """The --simulate-generic table: dropviz with its selection under the pretence, and dropviz
    and numpy forced onto the generic kernels, beside numpy and torch as they run here."""
    core = a.simulate_generic
    print(f"SIMULATION of a CPU where OpenBLAS picks the generic {core} kernels (this CPU is not one: "
          f"dropviz is told OpenBLAS detected {core}; 'generic' columns force OPENBLAS_CORETYPE={core})")
    print(f"steps/s of {a.clock} time, one thread (median of the repetitions)")
    for tool in ("dropviz", "dropviz generic"):
        info = results.get(tool)
        if info:
            print(f"{tool} BLAS: {info.get('blas')} {info.get('blas_version')}, blas_core {info.get('blas_core')} "
                  f"({info.get('blas_core_origin')}), sgemm {info.get('sgemm_gflops')} GFLOP/s")
    for tool in ("numpy", "numpy generic", "torch"):
        info = results.get(tool)
        if info:
            print(f"{tool}: blas_core {info.get('blas_core') or 'not OpenBLAS / unknown'}, sgemm {info.get('sgemm_gflops')} GFLOP/s")
    columns = ["dropviz", "dropviz generic", "numpy", "numpy generic", "torch"]
    by_tool = {t: {c["name"]: c for c in r["configs"]} for t, r in results.items() if r}
    print(f"{'config':<8}" + "".join(f"{c:>16}" for c in columns)
          + f"{'dv/numpy':>10}{'dv/np gen.':>12}{'dv/torch':>10}{'dv gen./numpy':>15}  target")
    for name in a.config.split(","):
        rate = {c: by_tool.get(c, {}).get(name, {}).get("steps_per_s") for c in columns}
        cells = [f"{name:<8}"] + [f"{rate[c]:>16.0f}" if rate[c] else f"{'-':>16}" for c in columns]

        def ratio(x, y):
            return f"{rate[x] / rate[y]:.2f}x" if rate[x] and rate[y] else "-"
        target = TARGETS.get(name)
        met = ""
        if target and rate["dropviz"] and rate["numpy"]:
            met = " ok" if rate["dropviz"] / rate["numpy"] >= target else " MISSED"
        print("".join(cells) + f"{ratio('dropviz', 'numpy'):>10}{ratio('dropviz', 'numpy generic'):>12}"
              f"{ratio('dropviz', 'torch'):>10}{ratio('dropviz generic', 'numpy'):>15}  "
              + (f"{target:.1f}x numpy{met}" if target else ""))


if __name__ == "__main__":
    main()
