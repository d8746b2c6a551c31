package io.mathsketch.engine.inference;

import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.image.DigitImage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
        BatchCollector collector = new BatchCollector(16, 8, Duration.ZERO, Duration.ZERO);
        InferenceJob a = job(3), b = job(3), c = job(3), d = job(1);
        for (InferenceJob j : List.of(a, b, c, d)) {
            assertTrue(collector.offer(j));
        }
        assertEquals(List.of(a, b), collector.next());
        assertEquals(List.of(c, d), collector.next(), "the job that did not fit leads the next batch");
    }

    @Test
    void aJobLargerThanTheLimitRunsAlone() throws Exception {
        BatchCollector collector = new BatchCollector(16, 4, Duration.ZERO, Duration.ZERO);
        InferenceJob big = job(6), small = job(1);
        collector.offer(big);
        collector.offer(small);
        assertEquals(List.of(big), collector.next());
        assertEquals(List.of(small), collector.next());
    }

    @Test
    void withADelayTheWorkerWaitsForLateArrivals() throws Exception {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ofSeconds(1), Duration.ZERO);
        InferenceJob first = job(1), late = job(1);
        collector.offer(first);
        Thread.ofPlatform().start(() -> {
            sleep(100);
            collector.offer(late);
        });
        // Returns as soon as the batch is full rather than after the whole delay.
        BatchCollector full = new BatchCollector(16, 2, Duration.ofSeconds(10), Duration.ZERO);
        full.offer(job(1));
        full.offer(job(1));
        assertEquals(2, full.next().size());
        List<InferenceJob> batch = new ArrayList<>(collector.next());
        assertTrue(batch.contains(first) && batch.contains(late), "late arrival joined the batch");
    }

    @Test
    void aFullQueueRefusesAtOnce() {
        BatchCollector collector = new BatchCollector(2, 8, Duration.ZERO, Duration.ZERO);
        assertTrue(collector.offer(job(1)));
        assertTrue(collector.offer(job(1)));
        assertFalse(collector.offer(job(1)));
    }

    @Test
    void aClosedCollectorHandsOutWhatIsQueuedThenNothing() throws Exception {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ZERO, Duration.ZERO);
        InferenceJob a = job(1), b = job(1);
        collector.offer(a);
        collector.offer(b);
        collector.close();
        assertEquals(List.of(a, b), collector.next());
        assertEquals(List.of(), collector.next());
    }

    @Test
    void theWorkerWaitsForAnnouncedRequestsWhenTheQueueRunsDry() throws Exception {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ZERO, Duration.ofSeconds(5));
        InferenceJob first = job(1), announced = job(1);
        BatchCollector.Arrival arrival = collector.announce();
        collector.offer(first);
        Thread.ofPlatform().start(() -> {
            sleep(100);
            // Queued before the announcement is withdrawn: the other order leaves a moment in which the worker may
            // stop waiting (a smaller batch, by design never a delay), which would make this test flaky.
            collector.offer(announced);
            arrival.close();
        });
        assertEquals(List.of(first, announced), collector.next(), "the request still being preprocessed joined");
    }

    @Test
    void aLoneRequestNeverWaits() {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ZERO, Duration.ofMinutes(1));
        InferenceJob lone = job(1);
        collector.offer(lone);
        assertEquals(List.of(lone), assertTimeoutPreemptively(Duration.ofSeconds(20), collector::next));
    }

    @Test
    void anAnnouncedRequestThatFailsStopsTheWait() {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ZERO, Duration.ofMinutes(1));
        InferenceJob first = job(1);
        BatchCollector.Arrival failing = collector.announce();
        collector.offer(first);
        Thread.ofPlatform().start(() -> {
            sleep(100);
            failing.close();
        });
        assertEquals(List.of(first), assertTimeoutPreemptively(Duration.ofSeconds(20), collector::next));
    }

    @Test
    void anArrivalIsWithdrawnOnce() {
        BatchCollector collector = new BatchCollector(16, 8, Duration.ZERO, Duration.ZERO);
        BatchCollector.Arrival a = collector.announce();
        BatchCollector.Arrival b = collector.announce();
        assertEquals(2, collector.announced());
        a.close();
        a.close();
        assertEquals(1, collector.announced());
        b.close();
        assertEquals(0, collector.announced());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
