#!/usr/bin/env python3
"""Writes ActivationReferenceValues.java: spot values of every activation and its derivative, for the tests.

The functions are written here from their published definitions (PyTorch's documentation; Deeplearning4j's for
rational_tanh and rectified_tanh), independently of the Java code, and evaluated with mpmath at 50 significant
digits. Derivatives are not derived by hand: mpmath differentiates the definitions numerically at that precision.
Regenerate from the repository root with

    python3 integration-tests/src/test/scripts/activation_reference_values.py \
        > integration-tests/src/test/java/dev/chainrule/integration/ActivationReferenceValues.java

(needs mpmath: pip install mpmath).
"""
from mpmath import mp, mpf, exp, log, tanh, erfc, sqrt, pi

mp.dps = 50

POINTS = [mpf(-30), mpf("-2.2"), mpf("-0.3"), mpf("0.05"), mpf("0.9"), mpf("3.7"), mpf(25)]


def sigmoid(x):
    return 1 / (1 + exp(-x))


def softplus(x, beta=1, threshold=20):
    return x if beta * x > threshold else log(1 + exp(beta * x)) / beta


def elu(x, alpha=1):
    return x if x > 0 else alpha * (exp(x) - 1)


def leaky(x, slope):
    return x if x >= 0 else slope * x


def gelu_tanh(x):
    return x / 2 * (1 + tanh(sqrt(2 / pi) * (x + mpf("0.044715") * x ** 3)))


def rational_tanh(x):
    y = 2 * x / 3
    d = 1 + abs(y) + y ** 2 + mpf("1.41645") * y ** 4
    sign = 1 if y > 0 else (-1 if y < 0 else 0)
    return mpf("1.7159") * sign * (1 - 1 / d)


SELU_ALPHA = mpf("1.6732632423543772848170429916717")
SELU_SCALE = mpf("1.0507009873554804934193349852946")

ELEMENTWISE = {
    "identity": lambda x: x,
    "sigmoid": sigmoid,
    "tanh": tanh,
    "relu": lambda x: max(x, 0),
    "relu6": lambda x: min(max(x, 0), 6),
    "leaky_relu": lambda x: leaky(x, mpf("0.01")),
    "leaky_relu(alpha=0.2)": lambda x: leaky(x, mpf("0.2")),
    "prelu": lambda x: leaky(x, mpf("0.25")),
    "prelu(init=-0.5)": lambda x: leaky(x, mpf("-0.5")),
    "rrelu": lambda x: leaky(x, (mpf(1) / 8 + mpf(1) / 3) / 2),
    "rrelu(lower=0.05, upper=0.5)": lambda x: leaky(x, (mpf("0.05") + mpf("0.5")) / 2),
    "elu": elu,
    "elu(alpha=0.5)": lambda x: elu(x, mpf("0.5")),
    "selu": lambda x: SELU_SCALE * (x if x > 0 else SELU_ALPHA * (exp(x) - 1)),
    "celu": lambda x: max(0, x) + min(0, exp(x) - 1),
    "celu(alpha=2.5)": lambda x: max(0, x) + min(0, mpf("2.5") * (exp(x / mpf("2.5")) - 1)),
    # x Phi(x) with Phi(x) = (1 + erf(x / sqrt 2)) / 2 = erfc(-x / sqrt 2) / 2; erfc keeps the far left tail exact.
    "gelu": lambda x: x / 2 * erfc(-x / sqrt(2)),
    "gelu_tanh": gelu_tanh,
    "silu": lambda x: x * sigmoid(x),
    "silu(beta=1.7)": lambda x: x * sigmoid(mpf("1.7") * x),
    "mish": lambda x: x * tanh(log(1 + exp(x))),
    "softplus": softplus,
    "softplus(beta=2, threshold=10)": lambda x: softplus(x, 2, 10),
    "softsign": lambda x: x / (1 + abs(x)),
    "hard_sigmoid": lambda x: min(max(x + 3, 0), 6) / 6,
    "hard_tanh": lambda x: min(max(x, -1), 1),
    "hard_tanh(min=-2, max=0.5)": lambda x: min(max(x, -2), mpf("0.5")),
    "hard_swish": lambda x: x * min(max(x + 3, 0), 6) / 6,
    "log_sigmoid": lambda x: log(sigmoid(x)),
    "tanh_shrink": lambda x: x - tanh(x),
    "soft_shrink": lambda x: x - mpf("0.5") if x > mpf("0.5") else (x + mpf("0.5") if x < mpf("-0.5") else 0),
    "soft_shrink(lambda=1.5)": lambda x: x - mpf("1.5") if x > mpf("1.5") else (x + mpf("1.5") if x < mpf("-1.5") else 0),
    "hard_shrink": lambda x: x if abs(x) > mpf("0.5") else 0,
    "hard_shrink(lambda=0.25)": lambda x: x if abs(x) > mpf("0.25") else 0,
    "thresholded_relu": lambda x: x if x > 1 else 0,
    "thresholded_relu(theta=0.5)": lambda x: x if x > mpf("0.5") else 0,
    "cube": lambda x: x ** 3,
    "rational_tanh": rational_tanh,
    "rectified_tanh": lambda x: max(0, tanh(x)),
    "exponential": exp,
}


def softmax(z):
    total = sum(exp(v) for v in z)
    return [exp(v) / total for v in z]


def log_softmax(z):
    lse = log(sum(exp(v) for v in z))
    return [v - lse for v in z]


ROWS = [
    ([mpf("-1.5"), mpf("0.25"), mpf(2), mpf("0.5")], [mpf("0.3"), mpf("-1.2"), mpf("0.7"), mpf("0.1")]),
    ([mpf(1000), mpf(-1000), mpf(999), mpf(0)], [mpf("-0.4"), mpf("0.9"), mpf("0.2"), mpf("-0.6")]),
]


def vjp(function, z, g):
    """(g^T J)_j, with J_ij = d phi_i / d z_j taken by mpmath's numerical differentiation."""
    result = []
    for j in range(len(z)):
        def objective(t, j=j):
            moved = list(z)
            moved[j] = t
            return sum(gi * ai for gi, ai in zip(g, function(moved)))
        result.append(mp.diff(objective, z[j]))
    return result


def literal(value):
    """The double nearest to value, in the shortest text that reads back to it (Python's repr)."""
    return repr(float(value))


def array(values):
    return "new double[] {" + ", ".join(literal(v) for v in values) + "}"


print("""package dev.chainrule.integration;

import java.util.List;

/**
 * Reference values of every activation and its derivative, generated by
 * {@code integration-tests/src/test/scripts/activation_reference_values.py}: the published definitions evaluated with
 * mpmath at 50 digits, derivatives by mpmath's numerical differentiation, each rounded to the nearest double.
 * Do not edit by hand; rerun the script.
 */
final class ActivationReferenceValues {

    /**
     * One element-wise spot value.
     *
     * @param spec       the activation
     * @param z          the input
     * @param value      {@code phi(z)}
     * @param derivative {@code phi'(z)}
     */
    record Point(String spec, double z, double value, double derivative) {
    }

    /**
     * One row of a row-wise activation and a vector-Jacobian product.
     *
     * @param spec  the activation
     * @param z     the input row
     * @param g     the upstream gradient row
     * @param value {@code phi(z)}
     * @param vjp   {@code g^T dphi/dz}
     */
    record Row(String spec, double[] z, double[] g, double[] value, double[] vjp) {
    }

    private ActivationReferenceValues() {
    }

    static final List<Point> POINTS = List.of(""")
lines = []
for spec, function in ELEMENTWISE.items():
    for x in POINTS:
        lines.append('            new Point("%s", %s, %s, %s)' % (spec, literal(x), literal(function(x)),
                                                              literal(mp.diff(function, x))))
print(",\n".join(lines) + ");")
print()
print("    static final List<Row> ROWS = List.of(")
lines = []
for spec, function in (("softmax", softmax), ("log_softmax", log_softmax)):
    for z, g in ROWS:
        lines.append('            new Row("%s", %s,\n                    %s,\n                    %s,\n                    %s)'
                     % (spec, array(z), array(g), array(function(z)), array(vjp(function, z, g))))
print(",\n".join(lines) + ");")
print("}")
