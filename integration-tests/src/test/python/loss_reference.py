#!/usr/bin/env python3
"""Reference values for LossSpotValuesTest, computed independently of the Java code.

Each loss is written here from its textbook definition (log cosh as log(cosh x), cross-entropies with plain logs,
cosine with plain norms), in 30-digit arithmetic with mpmath (pip install mpmath). Gradients are NOT derived by hand:
they are mpmath's numerical derivatives of these values, element by element. The only exceptions are the cases marked
clipped, at probabilities of exactly 0 or 1, where the documented convention (value and gradient from p and 1 - p,
each clipped to [1e-12, 1 - 1e-12]) is itself the definition; their gradients are the formula (p - y) / (p (1 - p))
at the clipped numbers, written as (1 - y) / (1 - p) - y / p, and the values are checked by hand in the test's comments.

Run: python3 loss_reference.py > cases.txt, and paste the printed Java records into LossSpotValuesTest.
"""
from mpmath import mp, mpf, log, cosh, exp, sqrt, diff

mp.dps = 30
EPS = mpf('1e-12')


def rows(a):
    return len(a)


def batch_mean(per_element):
    """Sum of the terms over outputs, mean over rows: the default convention."""
    def value(a, y):
        return sum(sum(per_element(a[r][c], y[r][c], c) for c in range(len(a[0]))) for r in range(len(a))) / len(a)
    return value


def scaled(value, factor_of_shape):
    return lambda a, y: value(a, y) * factor_of_shape(len(a), len(a[0]))


def weighted(term, weights):
    return lambda a, y, c: weights[c] * term(a, y, c)


def clip(p):
    return min(max(p, EPS), 1 - EPS)


def bce_term(a, y, c):
    return -(y * log(a) + (1 - y) * log(1 - a))


def bce_clipped(a, y, c):
    return -(y * log(clip(a)) + (1 - y) * log(clip(1 - a)))


def huber(delta):
    return lambda a, y, c: (a - y) ** 2 / 2 if abs(a - y) <= delta else delta * (abs(a - y) - delta / 2)


def smooth_l1(beta):
    return lambda a, y, c: (a - y) ** 2 / (2 * beta) if abs(a - y) < beta else abs(a - y) - beta / 2


def sigmoid(z):
    return 1 / (1 + exp(-z))


def focal(gamma, alpha):
    def term(a, y, c):
        p_t = y * a + (1 - y) * (1 - a)
        alpha_t = alpha * y + (1 - alpha) * (1 - y)
        return alpha_t * (1 - p_t) ** gamma * bce_term(a, y, c)
    return term


def cross_entropy(smoothing=0, weights=None):
    def value(a, y):
        k = len(a[0])
        total = 0
        for r in range(len(a)):
            for c in range(k):
                target = (1 - smoothing) * y[r][c] + smoothing / k
                total += -(weights[c] if weights else 1) * target * log(a[r][c])
        return total / len(a)
    return value


def one_hot(labels, k):
    return [[1 if c == int(row[0]) else 0 for c in range(k)] for row in labels]


def sparse(value, k):
    return lambda a, labels: value(a, one_hot(labels, k))


def nll(weights=None):
    def value(lp, labels):
        return sum(-(weights[int(row[0])] if weights else 1) * lp[r][int(row[0])]
                   for r, row in enumerate(labels)) / len(lp)
    return value


def kl(a, y):
    return sum(sum(y[r][c] * log(y[r][c] / a[r][c]) for c in range(len(a[0])) if y[r][c] != 0)
               for r in range(len(a))) / len(a)


def multiclass_hinge(margin):
    def value(a, y):
        total = 0
        for r in range(len(a)):
            c = y[r].index(1)
            total += sum(max(0, margin + a[r][j] - a[r][c]) for j in range(len(a[0])) if j != c)
        return total / len(a)
    return value


def cosine_proximity(a, y):
    total = 0
    for r in range(len(a)):
        dot = sum(a[r][c] * y[r][c] for c in range(len(a[0])))
        total += -dot / (sqrt(sum(v * v for v in a[r])) * sqrt(sum(v * v for v in y[r])))
    return total / len(a)


def numerical_gradient(value, a, y):
    gradient = []
    for r in range(len(a)):
        row = []
        for c in range(len(a[0])):
            def at(t, r=r, c=c):
                probe = [list(x) for x in a]
                probe[r][c] = t
                return value(probe, y)
            row.append(diff(at, a[r][c]))
        gradient.append(row)
    return gradient


def clipped_bce_gradient(a, y):
    return [[((1 - y[r][c]) / clip(1 - a[r][c]) - y[r][c] / clip(a[r][c])) / len(a) for c in range(len(a[0]))]
            for r in range(len(a))]


def m(text_rows):
    return [[mpf(v) for v in row] for row in text_rows]


REGRESSION_A = m([['0.5', '-1.2', '2.0'], ['1.5', '0.3', '-0.7']])
REGRESSION_Y = m([['0.0', '-1.0', '3.5'], ['1.0', '1.0', '-0.2']])
POSITIVE_A = m([['0.5', '2.0', '3.0'], ['1.5', '-0.5', '4.0']])
COUNTS_Y = m([['1', '0', '2'], ['3', '1', '0']])
PROB_A = m([['0.9', '0.2', '0.6'], ['0.3', '0.99', '0.5']])
PROB_Y = m([['1', '0', '1'], ['0', '1', '0.3']])
LOGITS = m([['2.0', '-1.0', '0.5'], ['-3.0', '0.0', '4.0']])
DIST_A = m([['0.7', '0.2', '0.1'], ['0.25', '0.25', '0.5']])
DIST_Y = m([['1', '0', '0'], ['0.2', '0.3', '0.5']])
LABELS = m([['0'], ['2']])
SCORES = m([['0.5', '-2.0', '1.5'], ['0.3', '0.8', '-0.4']])
SIGNS = m([['1', '-1', '-1'], ['-1', '1', '1']])

W = [mpf('1'), mpf('2'), mpf('0.5')]

CASES = [
    # spec, value function, outputs, targets, clipped
    ('half_squared_error', batch_mean(lambda a, y, c: (a - y) ** 2 / 2), REGRESSION_A, REGRESSION_Y, False),
    ('mse', batch_mean(lambda a, y, c: (a - y) ** 2), REGRESSION_A, REGRESSION_Y, False),
    ('mse(reduction=mean)', scaled(batch_mean(lambda a, y, c: (a - y) ** 2), lambda m_, k: mpf(1) / k),
     REGRESSION_A, REGRESSION_Y, False),
    ('mse(reduction=sum)', scaled(batch_mean(lambda a, y, c: (a - y) ** 2), lambda m_, k: m_),
     REGRESSION_A, REGRESSION_Y, False),
    ('mse(weights=[1, 2, 0.5])', batch_mean(weighted(lambda a, y, c: (a - y) ** 2, W)), REGRESSION_A, REGRESSION_Y,
     False),
    ('mae', batch_mean(lambda a, y, c: abs(a - y)), REGRESSION_A, REGRESSION_Y, False),
    ('huber', batch_mean(huber(1)), REGRESSION_A, REGRESSION_Y, False),
    ('huber(delta=0.5)', batch_mean(huber(mpf('0.5'))), REGRESSION_A, REGRESSION_Y, False),
    ('smooth_l1', batch_mean(smooth_l1(1)), REGRESSION_A, REGRESSION_Y, False),
    ('smooth_l1(beta=0.5)', batch_mean(smooth_l1(mpf('0.5'))), REGRESSION_A, REGRESSION_Y, False),
    ('log_cosh', batch_mean(lambda a, y, c: log(cosh(a - y))), REGRESSION_A, REGRESSION_Y, False),
    ('msle', batch_mean(lambda a, y, c: (log(1 + max(a, 0)) - log(1 + y)) ** 2), POSITIVE_A, COUNTS_Y, False),
    ('mape', batch_mean(lambda a, y, c: 100 * abs(a - y) / abs(y)), REGRESSION_A,
     m([['0.25', '-1.0', '3.5'], ['1.0', '2.0', '-0.2']]), False),
    ('poisson', batch_mean(lambda a, y, c: a - y * log(a)), m([['0.5', '2.0', '3.0'], ['1.5', '0.25', '4.0']]),
     COUNTS_Y, False),
    ('binary_cross_entropy', batch_mean(bce_term), PROB_A, PROB_Y, False),
    ('binary_cross_entropy(weights=[1, 2, 0.5])', batch_mean(weighted(bce_term, W)), PROB_A, PROB_Y, False),
    ('binary_cross_entropy_with_logits', batch_mean(lambda z, y, c: bce_term(sigmoid(z), y, c)), LOGITS, PROB_Y,
     False),
    ('categorical_cross_entropy', cross_entropy(), DIST_A, DIST_Y, False),
    ('categorical_cross_entropy(label_smoothing=0.1)', cross_entropy(smoothing=mpf('0.1')), DIST_A, DIST_Y, False),
    ('categorical_cross_entropy(weights=[1, 2, 0.5])', cross_entropy(weights=W), DIST_A, DIST_Y, False),
    ('sparse_categorical_cross_entropy', sparse(cross_entropy(), 3), DIST_A, LABELS, False),
    ('sparse_categorical_cross_entropy(weights=[1, 2, 0.5], label_smoothing=0.1)',
     sparse(cross_entropy(smoothing=mpf('0.1'), weights=W), 3), DIST_A, LABELS, False),
    ('negative_log_likelihood', nll(), [[log(v) for v in row] for row in DIST_A], LABELS, False),
    ('negative_log_likelihood(weights=[1, 2, 0.5])', nll(W), [[log(v) for v in row] for row in DIST_A], LABELS, False),
    ('kl_divergence', kl, DIST_A, DIST_Y, False),
    ('hinge', batch_mean(lambda a, y, c: max(0, 1 - y * a)), SCORES, SIGNS, False),
    ('squared_hinge', batch_mean(lambda a, y, c: max(0, 1 - y * a) ** 2), SCORES, SIGNS, False),
    ('multiclass_hinge', multiclass_hinge(1), m([['1.0', '0.5', '-0.2'], ['0.1', '0.3', '2.0']]),
     m([['1', '0', '0'], ['0', '1', '0']]), False),
    ('multiclass_hinge(margin=2)', multiclass_hinge(2), m([['1.0', '0.5', '-0.2'], ['0.1', '0.3', '2.0']]),
     m([['1', '0', '0'], ['0', '1', '0']]), False),
    ('cosine_proximity', cosine_proximity, REGRESSION_A, REGRESSION_Y, False),
    ('wasserstein', batch_mean(lambda a, y, c: y * a), SCORES, SIGNS, False),
    ('focal', batch_mean(focal(2, mpf('0.25'))), PROB_A, PROB_Y, False),
    ('focal(gamma=0, alpha=0.5)', batch_mean(focal(0, mpf('0.5'))), PROB_A, PROB_Y, False),
    ('focal(gamma=1.5, alpha=0.75)', batch_mean(focal(mpf('1.5'), mpf('0.75'))), PROB_A, PROB_Y, False),
    ('binary_cross_entropy', batch_mean(bce_clipped), m([['0', '1'], ['0', '1']]), m([['0', '1'], ['1', '0']]), True),
]


def java(x):
    return mp.nstr(x, 17, min_fixed=-4, max_fixed=6).replace('e-0', 'e-').replace('e+', 'e')


def java_rows(matrix):
    return 'new double[][] {' + ', '.join('{' + ', '.join(java(v) for v in row) + '}' for row in matrix) + '}'


for spec, value, a, y, clipped in CASES:
    v = value(a, y)
    g = clipped_bce_gradient(a, y) if clipped else numerical_gradient(value, a, y)
    print(f'            new Case("{spec}",\n                    {java_rows(a)},\n                    {java_rows(y)},\n'
          f'                    {java(v)},\n                    {java_rows(g)},\n                    {str(clipped).lower()}),')
