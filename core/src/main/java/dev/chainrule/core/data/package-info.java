/**
 * Where mini-batches come from: a {@link dev.chainrule.core.data.BatchSource} hands a training session one pass of
 * {@link dev.chainrule.core.data.Batch}es per epoch. Built-ins: rows held in arrays of doubles, floats or bytes
 * ({@link dev.chainrule.core.data.ArraySource}), the application's own batches ({@link
 * dev.chainrule.core.data.IteratorSource}), and streaming CSV and IDX readers that never hold the whole file
 * ({@link dev.chainrule.core.data.CsvSource}, {@link dev.chainrule.core.data.IdxSource}), shuffled through a bounded
 * seeded {@link dev.chainrule.core.data.ShuffleBuffer}. The in-memory {@code Dataset} has its source in the training
 * package ({@code DatasetSource}).
 */
package dev.chainrule.core.data;
