package dev.chainrule.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Training rows spread over a Spark data set's partitions, converted once to Java numbers and kept in executor memory
 * (persisted): each partition becomes one shard, and the rows are numbered 0 to {@link #size()} - 1 across the
 * partitions in partition order, which is the numbering that {@link DistributedTrainer} shuffles and cuts into
 * global mini-batches. A row whose features or label are missing, of the wrong type, not finite or of the wrong
 * width fails the conversion with its row number and column.
 *
 * <pre>{@code
 * Dataset<Row> frame = spark.read().parquet("train.parquet");             // features: vector, label: 0..9
 * TrainingData data = TrainingData.fromDataFrame(frame, "features", "label", TargetEncoding.oneHot(10));
 * }</pre>
 */
public final class TrainingData {

    private final JavaRDD<Shard> shards;
    private final int[] rows;
    private final int featureCount;
    private final int targetCount;

    private TrainingData(JavaRDD<Shard> shards, List<long[]> layout) {
        this.shards = shards;
        int partitions = layout.size();
        this.rows = new int[partitions];
        int features = 0;
        int targets = 0;
        for (long[] shard : layout) {
            int p = (int) shard[0];
            rows[p] = (int) shard[2];
            if (shard[2] > 0) {
                if (features != 0 && (features != shard[3] || targets != shard[4])) {
                    throw new IllegalArgumentException("partition " + p + " has rows of " + shard[3] + " features and "
                            + shard[4] + " targets, others " + features + " and " + targets);
                }
                features = (int) shard[3];
                targets = (int) shard[4];
            }
        }
        if (features == 0) {
            throw new IllegalArgumentException("the training data has no rows");
        }
        if (size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the training data has " + size() + " rows; at most "
                    + (Integer.MAX_VALUE - 8) + " are supported");
        }
        this.featureCount = features;
        this.targetCount = targets;
    }

    /**
     * The rows of {@code frame}: features from {@code featuresColumn} (a vector, an array of numbers or a number),
     * targets from {@code labelColumn} as {@code encoding} says.
     */
    public static TrainingData fromDataFrame(Dataset<Row> frame, String featuresColumn, String labelColumn,
            TargetEncoding encoding) {
        List<String> columns = Arrays.asList(frame.columns());
        for (String column : List.of(featuresColumn, labelColumn)) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("the data has no column '" + column + "'; its columns are " + columns);
            }
        }
        return fromRows(frame.toJavaRDD(), columns.indexOf(featuresColumn), featuresColumn,
                columns.indexOf(labelColumn), labelColumn, encoding);
    }

    /** The rows of {@code rows}: features at field {@code featuresIndex}, targets at {@code labelIndex}. */
    public static TrainingData fromRows(JavaRDD<Row> rows, int featuresIndex, String featuresColumn, int labelIndex,
            String labelColumn, TargetEncoding encoding) {
        JavaRDD<Shard> shards = rows.zipWithIndex().mapPartitionsWithIndex(
                (partition, iterator) -> List.of(shard(partition, iterator, featuresIndex, featuresColumn, labelIndex,
                        labelColumn, encoding)).iterator(), true);
        return persisted(shards);
    }

    /** Rows held by the driver, spread over {@code partitions} partitions in order; for tests and small data. */
    public static TrainingData fromArrays(JavaSparkContext context, double[][] features, double[][] targets,
            int partitions) {
        if (features.length != targets.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + targets.length + " target rows");
        }
        if (partitions < 1 || partitions > Math.max(1, features.length)) {
            throw new IllegalArgumentException("partitions must be 1 to " + features.length + ", got " + partitions);
        }
        List<Shard> shards = new ArrayList<>();
        int per = features.length / partitions;
        int extra = features.length % partitions;
        int first = 0;
        for (int p = 0; p < partitions; p++) {
            int count = per + (p < extra ? 1 : 0);
            shards.add(shard(p, first, Arrays.copyOfRange(features, first, first + count),
                    Arrays.copyOfRange(targets, first, first + count)));
            first += count;
        }
        return persisted(context.parallelize(shards, partitions));
    }

    private static TrainingData persisted(JavaRDD<Shard> shards) {
        JavaRDD<Shard> kept = shards.persist(StorageLevel.MEMORY_ONLY());
        List<long[]> layout = kept.map(shard -> new long[] {shard.partition(), shard.firstRow(), shard.rows(),
                shard.featureCount(), shard.targetCount()}).collect();
        return new TrainingData(kept, layout);
    }

    private static Shard shard(int partition, Iterator<Tuple2<Row, Long>> iterator, int featuresIndex,
            String featuresColumn, int labelIndex, String labelColumn, TargetEncoding encoding) {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        long first = -1;
        while (iterator.hasNext()) {
            Tuple2<Row, Long> next = iterator.next();
            long number = next._2();
            if (first < 0) {
                first = number;
            }
            double[] features = RowValues.of(next._1(), featuresIndex, featuresColumn, number);
            double[] label = RowValues.of(next._1(), labelIndex, labelColumn, number);
            double[] targets = encoding.encode(label, number, labelColumn);
            if (!x.isEmpty() && (features.length != x.get(0).length || targets.length != y.get(0).length)) {
                throw new IllegalArgumentException("row " + number + " has " + features.length + " features and "
                        + targets.length + " targets, row " + first + " " + x.get(0).length + " and "
                        + y.get(0).length);
            }
            x.add(features);
            y.add(targets);
        }
        return shard(partition, Math.max(first, 0), x.toArray(double[][]::new), y.toArray(double[][]::new));
    }

    private static Shard shard(int partition, long firstRow, double[][] features, double[][] targets) {
        int featureCount = features.length == 0 ? 1 : features[0].length;
        int targetCount = targets.length == 0 ? 1 : targets[0].length;
        double[] x = new double[features.length * featureCount];
        double[] y = new double[targets.length * targetCount];
        for (int r = 0; r < features.length; r++) {
            if (features[r].length != featureCount || targets[r].length != targetCount) {
                throw new IllegalArgumentException("row " + (firstRow + r) + " has " + features[r].length
                        + " features and " + targets[r].length + " targets, row " + firstRow + " " + featureCount
                        + " and " + targetCount);
            }
            System.arraycopy(features[r], 0, x, r * featureCount, featureCount);
            System.arraycopy(targets[r], 0, y, r * targetCount, targetCount);
        }
        return new Shard(partition, firstRow, x, featureCount, y, targetCount);
    }

    /** The rows, one shard per partition, persisted in memory. */
    JavaRDD<Shard> shards() {
        return shards;
    }

    /** The number of rows in partition {@code p}. */
    int rows(int p) {
        return rows[p];
    }

    /** The number of partitions. */
    public int partitions() {
        return rows.length;
    }

    /** The number of rows. */
    public long size() {
        return Arrays.stream(rows).asLongStream().sum();
    }

    /** Features per row. */
    public int featureCount() {
        return featureCount;
    }

    /** Targets per row. */
    public int targetCount() {
        return targetCount;
    }

    /** Releases the rows from the executors' memory. */
    public void release() {
        shards.unpersist(false);
    }
}
