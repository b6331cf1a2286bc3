package dev.chainrule.examples.spark;

import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.FashionMnist;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fashion-MNIST's training images as a Spark data frame ({@code features}: a vector of 784 pixels in [0, 1],
 * {@code label}: the class 0-9), read by the executors themselves from the IDX files, each partition its own range
 * of rows, so that the driver never holds the images. The folder must be readable where the executors run (the same
 * machine in local mode).
 */
final class FashionMnistFrame {

    private FashionMnistFrame() {
    }

    static org.apache.spark.sql.Dataset<Row> read(SparkSession spark, Path folder, int rows, int partitions) {
        List<int[]> ranges = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ranges.add(new int[] {(int) ((long) rows * p / partitions), (int) ((long) rows * (p + 1) / partitions)});
        }
        String directory = folder.toString();
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(ranges, partitions)
                .flatMap(range -> {
                    Dataset images = FashionMnist.compact(Path.of(directory), true, range[1]);
                    List<Row> out = new ArrayList<>(range[1] - range[0]);
                    for (int r = range[0]; r < range[1]; r++) {
                        double[] target = images.targetRow(r);
                        int label = 0;
                        while (target[label] == 0) {
                            label++;
                        }
                        out.add(RowFactory.create(Vectors.dense(images.featureRow(r)), (double) label));
                    }
                    return out.iterator();
                }), schema);
    }
}
