package io.mathsketch.engine.inference;

import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.preprocess.DigitImage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchCollectorTest {

    private static InferenceJob job(int digits) {
        List<DigitImage> images = new ArrayList<>();
        for (int i = 0; i < digits; i++) {
            images.add(new DigitImage(new float[DigitImage.SIZE]));
        }
        return new InferenceJob(new DigitBatch(images));
    }

    @Test
    void aBatchTakesWaitingJobsUpToTheDigitLimitInArrivalOrder() throws Exception {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ZERO);
        InferenceJob a = job(3), b = job(3), c = job(3), d = job(1);
        for (InferenceJob j : List.of(a, b, c, d)) {
            assertTrue(collector.offer(j));
        }
        assertEquals(List.of(a, b), collector.next());
        assertEquals(List.of(c, d), collector.next(), "the job that did not fit leads the next batch");
    }

    @Test
    void aJobLargerThanTheLimitRunsAlone() throws Exception {
        BatchCollector collector = new BatchCollector(16, 4, Duration.ZERO);
        InferenceJob big = job(6), small = job(1);
        collector.offer(big);
        collector.offer(small);
        assertEquals(List.of(big), collector.next());
        assertEquals(List.of(small), collector.next());
    }

    @Test
    void withADelayTheWorkerWaitsForLateArrivals() throws Exception {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ofSeconds(1));
        InferenceJob first = job(1), late = job(1);
        collector.offer(first);
        Thread.ofPlatform().start(() -> {
            sleep(100);
            collector.offer(late);
        });
        // Returns as soon as the batch is full rather than after the whole delay.
        BatchCollector full = new BatchCollector(16, 2, Duration.ofSeconds(10));
        full.offer(job(1));
        full.offer(job(1));
        assertEquals(2, full.next().size());
        List<InferenceJob> batch = new ArrayList<>(collector.next());
        assertTrue(batch.contains(first) && batch.contains(late), "late arrival joined the batch");
    }

    @Test
    void aFullQueueRefusesAtOnce() {
        BatchCollector collector = new BatchCollector(2, 8, Duration.ZERO);
        assertTrue(collector.offer(job(1)));
        assertTrue(collector.offer(job(1)));
        assertFalse(collector.offer(job(1)));
    }

    @Test
    void aClosedCollectorHandsOutWhatIsQueuedThenNothing() throws Exception {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ZERO);
        InferenceJob a = job(1), b = job(1);
        collector.offer(a);
        collector.offer(b);
        collector.close();
        assertEquals(List.of(a, b), collector.next());
        assertEquals(List.of(), collector.next());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
