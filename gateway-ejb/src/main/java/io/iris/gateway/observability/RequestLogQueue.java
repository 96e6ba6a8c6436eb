package io.iris.gateway.observability;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finished requests waiting to be written to the request log. Request threads add, the log's one thread takes.
 * Bounded twice so that a slow or absent database costs memory, never time: at most {@code capacity} records (one
 * more is refused, and the caller counts it as dropped), and at most {@code bodyBudget} bytes of request bodies, each
 * cut to {@code maxBodyBytes} (past the budget a record waits without its body). Lock-free: no lock is shared by
 * requests, and adding never blocks. Thread-safe.
 */
final class RequestLogQueue {
    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final int capacity;
    private final int maxBodyBytes;
    private final long bodyBudget;

    RequestLogQueue(int capacity, int maxBodyBytes, long bodyBudget) {
        if (capacity < 1 || maxBodyBytes < 0 || bodyBudget < 0) {
            throw new IllegalArgumentException("capacity must be positive, body limits not negative");
        }
        this.capacity = capacity;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyBudget = bodyBudget;
    }

    /**
     * Adds {@code record} unless {@code capacity} records wait already.
     *
     * @return how many records wait now, this one included; 0 when it was refused
     */
    int offer(RequestRecord record) {
        int now = size.incrementAndGet();
        if (now > capacity) {
            size.decrementAndGet();
            return 0;
        }
        records.add(withBodyThatFits(record));
        return now;
    }

    /** Moves up to {@code max} of the oldest records into {@code batch}; returns how many it moved. */
    int drainTo(Collection<RequestRecord> batch, int max) {
        int moved = 0;
        RequestRecord record;
        while (moved < max && (record = records.poll()) != null) {
            size.decrementAndGet();
            record.requestBody().ifPresent(body -> bodyBytes.addAndGet(-body.length));
            batch.add(record);
            moved++;
        }
        return moved;
    }

    int size() {
        return size.get();
    }

    private RequestRecord withBodyThatFits(RequestRecord record) {
        if (record.requestBody().isEmpty()) {
            return record;
        }
        byte[] body = record.requestBody().get();
        byte[] kept = body.length <= maxBodyBytes ? body : Arrays.copyOf(body, maxBodyBytes);
        if (bodyBytes.addAndGet(kept.length) > bodyBudget) {
            bodyBytes.addAndGet(-kept.length);
            return record.withRequestBody(Optional.empty());
        }
        return kept == body ? record : record.withRequestBody(Optional.of(kept));
    }
}
