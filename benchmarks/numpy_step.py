#!/usr/bin/env python3
"""The training step of `dropviz bench` in plain numpy, one thread: the same networks, ReLU,
inverted dropout 0.5 on the hidden layers, softmax cross-entropy, SGD; prints the same JSON."""

import sys

import bench_common  # sets the thread variables before numpy loads

try:
    import numpy as np
except ImportError:
    print("numpy_step.py: numpy is not installed; skipped", file=sys.stderr)
    sys.exit(3)


def make_stepper(layers, batch):
    rng = np.random.default_rng(bench_common.SEED)
    count = batch * 8  # several batches, walked in a shuffled order as dropviz's sampler does
    X = rng.standard_normal((count, layers[0]), dtype=np.float32)
    Y = rng.integers(0, layers[-1], size=count)
    Ws, bs = [], []
    for i, (a, b) in enumerate(zip(layers, layers[1:])):
        last = i == len(layers) - 2
        if last:  # Glorot for the linear output layer, He for the ReLU layers, as dropviz
            limit = np.sqrt(6 / (a + b))
            Ws.append(rng.uniform(-limit, limit, size=(a, b)).astype(np.float32))
        else:
            Ws.append((rng.standard_normal((a, b)) * np.sqrt(2 / a)).astype(np.float32))
        bs.append(np.zeros(b, dtype=np.float32))
    p, keep = bench_common.RATE, np.float32(1 / (1 - bench_common.RATE))
    lr = np.float32(bench_common.LEARNING_RATE)
    order = rng.permutation(count)
    state = {"cursor": 0, "order": order}

    def step():
        c = state["cursor"]
        if c + batch > count:
            state["order"] = rng.permutation(count)
            c = 0
        idx = state["order"][c:c + batch]
        state["cursor"] = c + batch
        x, y = X[idx], Y[idx]
        # forward
        hs, zs, masks = [x], [], []
        h = x
        for i in range(len(Ws) - 1):
            z = h @ Ws[i] + bs[i]
            a = np.maximum(z, 0)
            m = (rng.random(a.shape, dtype=np.float32) >= p).astype(np.float32) * keep
            h = a * m
            zs.append(z)
            masks.append(m)
            hs.append(h)
        logits = h @ Ws[-1] + bs[-1]
        # softmax cross-entropy and its gradient
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(batch), y]).mean()
        dz = probs
        dz[np.arange(batch), y] -= 1
        dz /= batch
        # backward and SGD
        for i in range(len(Ws) - 1, -1, -1):
            dW = hs[i].T @ dz
            db = dz.sum(axis=0)
            if i > 0:
                dh = dz @ Ws[i].T
                dz = dh * masks[i - 1] * (zs[i - 1] > 0)
            Ws[i] -= lr * dW
            bs[i] -= lr * db
        return loss

    def steps(n):
        for _ in range(n):
            step()

    return steps


def blas_core():
    """The kernel set numpy's own OpenBLAS chose at load time (openblas_get_corename, under the
    prefixed name of the wheels' scipy-openblas), or None for a numpy built on another BLAS."""
    import ctypes
    import glob
    import os
    here = os.path.dirname(np.__file__)
    for path in glob.glob(os.path.join(os.path.dirname(here), "numpy.libs", "*openblas*")):
        lib = ctypes.CDLL(path)  # already loaded by numpy: the same handle
        for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename64_",
                     "openblas_get_corename"):
            f = getattr(lib, name, None)
            if f is not None:
                f.restype = ctypes.c_char_p
                return f().decode()
    return None


def sgemm_gflops(seconds, repetitions):
    rng = np.random.default_rng(bench_common.SEED)
    a = rng.random((1024, 1024), dtype=np.float32)
    b = rng.random((1024, 1024), dtype=np.float32)
    c = np.empty((1024, 1024), dtype=np.float32)

    def products(n):
        for _ in range(n):
            np.matmul(a, b, out=c)

    return bench_common.median_rate(seconds, repetitions, products) * 2 * 1024**3 / 1e9


if __name__ == "__main__":
    args = bench_common.parse_args(__doc__)
    bench_common.run("numpy", args, make_stepper, sgemm_gflops, blas_core())
