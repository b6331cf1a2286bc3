package dev.chainrule.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the test run, shared by every test class (starting Spark costs seconds): three
 * worker threads, so that three partitions run at once, and two attempts per task ({@code local[3,2]}), so that a
 * task made to fail once is retried as on a cluster.
 */
final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[3,2]")
                    .appName("chainrule-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "3")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
