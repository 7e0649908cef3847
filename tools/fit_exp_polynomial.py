#!/usr/bin/env python3
"""The polynomial of the generated C's exp (`ba_expf` in Sources/Codegen/Emit/CPrelude.swift).

ba_expf reduces x to r = x - n*ln2 with n = round(x / ln2), so |r| <= ln2/2, and needs exp(r) there.
This fits p(r) = 1 + r + c2 r^2 + ... + c6 r^6 (the first two coefficients fixed at 1, so p(0) is
exactly 1 and the last multiply-add of Horner's scheme adds r to 1) for the least maximal relative
error, with Lawson's algorithm (iteratively reweighted least squares on Chebyshev nodes), and prints
the coefficients rounded to float32 as C literals.

    python3 tools/fit_exp_polynomial.py           # needs numpy only

Printed on 2026-12-06 (numpy 2.4): relative error of the fit 3.06e-9 in double; in float32 with
fused multiply-adds ba_expf is within 0.894 ulp of exp on every float in [-87, 88] (a C loop over
all bit patterns; BENCHMARKS, "A shorter exp polynomial").
"""
import numpy as np

DEGREE = 6
HALF_LN2 = np.log(2.0) / 2 * 1.0001   # a little beyond ln2/2: n*ln2 is rounded
FIXED = [1.0, 1.0]                     # c0 and c1


def fit(iterations=600, nodes=4001):
    r = np.cos(np.linspace(0.0, np.pi, nodes)) * HALF_LN2
    f = np.exp(r)
    fixed = sum(c * r**i for i, c in enumerate(FIXED))
    basis = np.vander(r, DEGREE + 1, increasing=True)[:, len(FIXED):]
    weights = np.ones_like(r)
    for _ in range(iterations):
        w = np.sqrt(weights)
        coefficients, *_ = np.linalg.lstsq(basis * (w / f)[:, None], (f - fixed) * w / f, rcond=None)
        error = np.abs(basis @ coefficients + fixed - f) / f
        weights = weights * error
        weights /= weights.sum()
    return coefficients, error.max()


def main():
    coefficients, error = fit()
    print(f"max relative error of the fit (double): {error:.3g}")
    for i, c in enumerate(list(FIXED) + list(coefficients)):
        print(f"c{i} = {repr(float(np.float32(c)))}f")


if __name__ == "__main__":
    main()
