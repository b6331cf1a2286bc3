/**
 * The built-in losses, each registered with {@code @AutoService(Loss.class)} and written with tensor operations, so
 * that it runs natively on every backend. Each computes its terms, one per output element (or one per row), and hands
 * them to one {@code Reducer}: by default the value is the mean over the batch of each example's sum of terms, and the
 * gradient is of that mean; the {@code reduction} parameter chooses {@code mean} over all elements or {@code sum}
 * instead. The catalogue, with formulas, is in this module's {@code README.md}.
 */
package dev.chainrule.losses;
