package dev.chainrule.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The workers of an executor (a JVM), per job: a task borrows one, sets its parameters, computes and gives it back,
 * so that an executor builds a network once per concurrent task rather than once per step. The workers of the few
 * most recent jobs are kept.
 */
final class WorkerPool {

    private static final int JOBS_KEPT = 4;

    private static final Map<String, Deque<Worker>> IDLE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Worker>> eldest) {
            return size() > JOBS_KEPT;
        }
    };

    private WorkerPool() {
    }

    /** Runs {@code work} with a worker of {@code shipment}'s network, built on this executor if none is idle. */
    static <T> T with(NetworkShipment shipment, Function<Worker, T> work) {
        Worker worker = borrow(shipment);
        try {
            return work.apply(worker);
        } finally {
            giveBack(shipment.job(), worker);
        }
    }

    private static Worker borrow(NetworkShipment shipment) {
        synchronized (IDLE) {
            Deque<Worker> idle = IDLE.get(shipment.job());
            if (idle != null && !idle.isEmpty()) {
                return idle.pop();
            }
        }
        return new Worker(shipment, shipment.network());
    }

    private static void giveBack(String job, Worker worker) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(job, key -> new ArrayDeque<>()).push(worker);
        }
    }
}
