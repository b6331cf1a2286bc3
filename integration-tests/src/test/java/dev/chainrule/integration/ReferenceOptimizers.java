package dev.chainrule.integration;

/**
 * Independent scalar implementations of the published update rules, written straight from the formulas in PyTorch's
 * documentation (and, for AdaBelief and Lion, their papers) in plain Java doubles, one small method per optimizer.
 * Each takes the starting parameter vector and the gradient of every step, and returns the parameter after every
 * step: {@code trajectory[t - 1][i]} is element {@code i} after step {@code t}. These are the expectations that the
 * tensor implementations are held to.
 */
final class ReferenceOptimizers {

    private ReferenceOptimizers() {
    }

    static double[][] sgd(double[] p0, double[][] grads, double lr, double momentum, double dampening,
            boolean nesterov, double weightDecay) {
        double[] p = p0.clone();
        double[] b = new double[p.length];
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i] + weightDecay * p[i];
                if (momentum != 0) {
                    b[i] = t == 1 ? g : momentum * b[i] + (1 - dampening) * g;
                    g = nesterov ? g + momentum * b[i] : b[i];
                }
                p[i] = p[i] - lr * g;
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    static double[][] adagrad(double[] p0, double[][] grads, double lr, double lrDecay, double weightDecay,
            double initialAccumulator, double eps) {
        double[] p = p0.clone();
        double[] sum = new double[p.length];
        java.util.Arrays.fill(sum, initialAccumulator);
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            double clr = lr / (1 + (t - 1) * lrDecay);
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i] + weightDecay * p[i];
                sum[i] = sum[i] + g * g;
                p[i] = p[i] - clr * g / (Math.sqrt(sum[i]) + eps);
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    static double[][] rmsprop(double[] p0, double[][] grads, double lr, double alpha, double eps, double weightDecay,
            double momentum, boolean centered) {
        double[] p = p0.clone();
        double[] v = new double[p.length];
        double[] gAverage = new double[p.length];
        double[] b = new double[p.length];
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i] + weightDecay * p[i];
                v[i] = alpha * v[i] + (1 - alpha) * g * g;
                double vTilde = v[i];
                if (centered) {
                    gAverage[i] = alpha * gAverage[i] + (1 - alpha) * g;
                    vTilde = vTilde - gAverage[i] * gAverage[i];
                }
                if (momentum > 0) {
                    b[i] = momentum * b[i] + g / (Math.sqrt(vTilde) + eps);
                    p[i] = p[i] - lr * b[i];
                } else {
                    p[i] = p[i] - lr * g / (Math.sqrt(vTilde) + eps);
                }
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    static double[][] adadelta(double[] p0, double[][] grads, double lr, double rho, double eps, double weightDecay) {
        double[] p = p0.clone();
        double[] v = new double[p.length];
        double[] u = new double[p.length];
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i] + weightDecay * p[i];
                v[i] = rho * v[i] + (1 - rho) * g * g;
                double delta = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps) * g;
                u[i] = rho * u[i] + (1 - rho) * delta * delta;
                p[i] = p[i] - lr * delta;
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    /** Adam; with {@code decoupled}, AdamW: the decay shrinks the weights instead of entering the gradient. */
    static double[][] adam(double[] p0, double[][] grads, double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean amsgrad, boolean decoupled) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        double[] vMax = new double[p.length];
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i];
                if (decoupled) {
                    p[i] = p[i] - lr * weightDecay * p[i];
                } else {
                    g = g + weightDecay * p[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat;
                if (amsgrad) {
                    vMax[i] = Math.max(vMax[i], v[i]);
                    vHat = vMax[i] / (1 - Math.pow(beta2, t));
                } else {
                    vHat = v[i] / (1 - Math.pow(beta2, t));
                }
                p[i] = p[i] - lr * mHat / (Math.sqrt(vHat) + eps);
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    static double[][] adamax(double[] p0, double[][] grads, double lr, double beta1, double beta2, double eps,
            double weightDecay) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[] u = new double[p.length];
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i] + weightDecay * p[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                u[i] = Math.max(beta2 * u[i], Math.abs(g) + eps);
                p[i] = p[i] - lr * m[i] / ((1 - Math.pow(beta1, t)) * u[i]);
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    static double[][] nadam(double[] p0, double[][] grads, double lr, double beta1, double beta2, double eps,
            double weightDecay, double momentumDecay, boolean decoupled) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            double muT = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
            double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
            double productT = 1;
            for (int k = 1; k <= t; k++) {
                productT *= beta1 * (1 - 0.5 * Math.pow(0.96, k * momentumDecay));
            }
            double productNext = productT * muNext;
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i];
                if (decoupled) {
                    p[i] = p[i] - lr * weightDecay * p[i];
                } else {
                    g = g + weightDecay * p[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = muNext * m[i] / (1 - productNext) + (1 - muT) * g / (1 - productT);
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                p[i] = p[i] - lr * mHat / (Math.sqrt(vHat) + eps);
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    static double[][] radam(double[] p0, double[][] grads, double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean decoupled) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        double rhoInfinity = 2 / (1 - beta2) - 1;
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            double rhoT = rhoInfinity - 2 * t * Math.pow(beta2, t) / (1 - Math.pow(beta2, t));
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i];
                if (decoupled) {
                    p[i] = p[i] - lr * weightDecay * p[i];
                } else {
                    g = g + weightDecay * p[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                if (rhoT > 5) {
                    double l = Math.sqrt(1 - Math.pow(beta2, t)) / (Math.sqrt(v[i]) + eps);
                    double r = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInfinity
                            / ((rhoInfinity - 4) * (rhoInfinity - 2) * rhoT));
                    p[i] = p[i] - lr * mHat * r * l;
                } else {
                    p[i] = p[i] - lr * mHat;
                }
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    static double[][] adabelief(double[] p0, double[][] grads, double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean decoupled) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[] s = new double[p.length];
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i];
                if (decoupled) {
                    p[i] = p[i] - lr * weightDecay * p[i];
                } else {
                    g = g + weightDecay * p[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                s[i] = beta2 * s[i] + (1 - beta2) * (g - m[i]) * (g - m[i]) + eps;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double sHat = s[i] / (1 - Math.pow(beta2, t));
                p[i] = p[i] - lr * mHat / (Math.sqrt(sHat) + eps);
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }

    static double[][] lion(double[] p0, double[][] grads, double lr, double beta1, double beta2, double weightDecay) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[][] trajectory = new double[grads.length][];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i];
                double c = beta1 * m[i] + (1 - beta1) * g;
                p[i] = p[i] - lr * (Math.signum(c) + weightDecay * p[i]);
                m[i] = beta2 * m[i] + (1 - beta2) * g;
            }
            trajectory[t - 1] = p.clone();
        }
        return trajectory;
    }
}
