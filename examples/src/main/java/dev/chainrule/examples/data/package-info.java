/**
 * Data sets for the examples and the tool: the embedded digits, iris, wine, breast cancer and diabetes files,
 * Fashion-MNIST's IDX files, and any CSV file, each read into a {@link dev.chainrule.examples.data.LabeledData}.
 */
package dev.chainrule.examples.data;
