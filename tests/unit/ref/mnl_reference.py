#!/usr/bin/env python3
"""Reference fit for tests/unit/test_mnl.c: a multinomial logit on a small
synthetic set, fitted here with numpy by maximising the log-likelihood with a
plain gradient-free-of-shi approach: the full softmax Hessian built with
numpy.einsum and solved with numpy.linalg.solve (an implementation written for
this check, independent of src/models/mnl.c). Run with /usr/bin/python3
(Debian python3-numpy); prints the data rows and the estimates.

Data: n = 60 rows, x = (1, x1, x2) with x1 = sin(1.3 i), x2 = cos(0.7 i) + i/60,
y in {0, 1, 2} from a fixed linear congruential sequence against the
probabilities of b1 = (0.2, 1.0, -0.5), b2 = (-0.3, -0.8, 1.2).
"""
import numpy as np

n, p, k = 60, 3, 3
x = np.array([[1.0, np.sin(1.3 * i), np.cos(0.7 * i) + i / 60.0] for i in range(n)])
btrue = np.array([[0.2, 1.0, -0.5], [-0.3, -0.8, 1.2]])
state = 12345
y = []
for i in range(n):
    state = (1103515245 * state + 12345) % 2**31
    u = state / 2**31
    e = np.concatenate([[0.0], x[i] @ btrue.T])
    pr = np.exp(e) / np.exp(e).sum()
    y.append(int(np.searchsorted(np.cumsum(pr), u)))
y = np.array(y)


def ll_of(b):
    e = np.hstack([np.zeros((n, 1)), x @ b.reshape(k - 1, p).T])
    lz = np.log(np.exp(e).sum(axis=1))
    return float((e[np.arange(n), y] - lz).sum())


b = np.zeros((k - 1) * p)
for it in range(100):
    e = np.hstack([np.zeros((n, 1)), x @ b.reshape(k - 1, p).T])
    P = np.exp(e) / np.exp(e).sum(axis=1, keepdims=True)
    Y = np.eye(k)[y]
    g = ((Y - P)[:, 1:].T @ x).reshape(-1)
    Pj = P[:, 1:]
    W = np.einsum('ij,jl->ijl', Pj, np.eye(k - 1)) - np.einsum('ij,il->ijl', Pj, Pj)
    I = np.einsum('ijl,ia,ib->jalb', W, x, x).reshape((k - 1) * p, (k - 1) * p)
    d = np.linalg.solve(I, g)
    b = b + d
    if np.abs(d).max() < 1e-13:
        break
se = np.sqrt(np.diag(np.linalg.inv(I)))
counts = np.bincount(y, minlength=k)
ll0 = float((counts * np.log(counts / n)).sum())
print("y =", ",".join(str(v) for v in y))
print("beta =", ", ".join(repr(float(v)) for v in b))
print("se =", ", ".join(repr(float(v)) for v in se))
print("ll =", repr(ll_of(b)), "ll_null =", repr(ll0))
