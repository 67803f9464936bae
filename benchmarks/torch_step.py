#!/usr/bin/env python3
"""The training step of `dropviz bench` in PyTorch, one thread, written the usual way
(nn.Sequential, F.dropout via nn.Dropout, cross_entropy, optim.SGD): the same networks, ReLU,
inverted dropout 0.5 on the hidden layers, softmax cross-entropy; prints the same JSON."""

import sys

import bench_common  # sets the thread variables before torch loads

try:
    import torch
    from torch import nn
except ImportError:
    print("torch_step.py: torch is not installed; skipped", file=sys.stderr)
    sys.exit(3)

torch.set_num_threads(1)


def make_stepper(layers, batch):
    g = torch.Generator().manual_seed(bench_common.SEED)
    torch.manual_seed(bench_common.SEED)
    count = batch * 8
    X = torch.randn(count, layers[0], generator=g)
    Y = torch.randint(0, layers[-1], (count,), generator=g)
    mods = []
    for i, (a, b) in enumerate(zip(layers, layers[1:])):
        mods.append(nn.Linear(a, b))
        if i < len(layers) - 2:
            mods += [nn.ReLU(), nn.Dropout(bench_common.RATE)]
    model = nn.Sequential(*mods).train()
    opt = torch.optim.SGD(model.parameters(), lr=bench_common.LEARNING_RATE)
    state = {"cursor": 0, "order": torch.randperm(count, generator=g)}

    def step():
        c = state["cursor"]
        if c + batch > count:
            state["order"] = torch.randperm(count, generator=g)
            c = 0
        idx = state["order"][c:c + batch]
        state["cursor"] = c + batch
        opt.zero_grad(set_to_none=True)
        loss = nn.functional.cross_entropy(model(X[idx]), Y[idx])
        loss.backward()
        opt.step()

    def steps(n):
        for _ in range(n):
            step()

    return steps


def sgemm_gflops(seconds, repetitions):
    a, b = torch.rand(1024, 1024), torch.rand(1024, 1024)
    c = torch.empty(1024, 1024)

    def products(n):
        for _ in range(n):
            torch.mm(a, b, out=c)

    return bench_common.median_rate(seconds, repetitions, products) * 2 * 1024**3 / 1e9


if __name__ == "__main__":
    args = bench_common.parse_args(__doc__)
    bench_common.run("torch", args, make_stepper, sgemm_gflops)
