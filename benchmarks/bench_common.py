"""What numpy_step.py and torch_step.py share with `dropviz bench`: the configurations, the
FLOP count, the timing (warm-up, repetitions, median) and the JSON printed."""

import argparse
import json
import os
import time

# One thread everywhere, set before numpy or torch is imported (they read these at load time).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

CONFIGS = {
    "tiny": ([2, 16, 16, 2], 16),
    "digits": ([64, 128, 128, 10], 32),
    "wide": ([64, 256, 256, 10], 64),
    "mnist": ([784, 1024, 1024, 10], 128),
}
RATE = 0.5
LEARNING_RATE = 0.01
SEED = 1


def flops_per_step(layers, batch):
    """3 × the forward products (forward, dW, dx), as dropviz counts them."""
    return 3 * 2 * batch * sum(a * b for a, b in zip(layers, layers[1:]))


def parse_args(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--config", action="append", default=[], help="configurations (repeatable or comma list; default all)")
    p.add_argument("--seconds", type=float, default=1.0, help="seconds of timing per configuration")
    p.add_argument("--repetitions", type=int, default=5)
    p.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                   help="the process's CPU time (steady on a busy machine) or elapsed time")
    p.add_argument("--no-sgemm", action="store_true", help="skip the 1024^3 matmul rate")
    args = p.parse_args()
    names = [n.strip() for c in args.config for n in c.split(",") if n.strip()] or list(CONFIGS)
    for n in names:
        if n not in CONFIGS:
            p.error(f"unknown --config {n!r} (known: {', '.join(CONFIGS)})")
    args.names = names
    return args


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def median_rate(seconds, repetitions, body):
    """Calls `body(n)` (n units of work) for about `seconds` after a warm-up; median units/s."""
    warm_up = max(0.05, 0.2 * seconds)
    calls = 0
    start = clock()
    while True:
        body(1)
        calls += 1
        elapsed = clock() - start
        if elapsed >= warm_up:
            break
    n = max(1, int(calls * (seconds / repetitions) / elapsed))
    rates = []
    for _ in range(repetitions):
        t0 = clock()
        body(n)
        rates.append(n / (clock() - t0))
    rates.sort()
    mid = len(rates) // 2
    return rates[mid] if len(rates) % 2 else (rates[mid - 1] + rates[mid]) / 2


def run(tool, args, make_stepper, sgemm_gflops, blas_core=None):
    """make_stepper(layers, batch) returns a function doing `n` training steps; blas_core, the
    kernel set the tool's BLAS chose (None when unknown)."""
    global clock
    clock = CLOCKS[args.clock]
    configs = []
    for name in args.names:
        layers, batch = CONFIGS[name]
        steps = make_stepper(layers, batch)
        rate = median_rate(args.seconds, args.repetitions, steps)
        configs.append({
            "name": name, "layers": layers, "batch": batch,
            "steps_per_s": float(f"{rate:.6g}"),
            "ms_per_step": float(f"{1000 / rate:.6g}"),
            "gflops": float(f"{flops_per_step(layers, batch) * rate / 1e9:.6g}"),
        })
    sgemm = None if args.no_sgemm else float(f"{sgemm_gflops(min(args.seconds, 1.0), args.repetitions):.6g}")
    print(json.dumps({"tool": tool, "threads": 1, "clock": args.clock, "sgemm_gflops": sgemm, "blas_core": blas_core,
                      "configs": configs}, separators=(",", ":")))
