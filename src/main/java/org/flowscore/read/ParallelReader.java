package org.flowscore.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.flowscore.flow.Connection;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/**
 * Decompresses and parses files on several threads and hands their connections back in file order, each
 * file's in line order. Reading has no state across files, so this is where parallelism is free.
 *
 * <p>Files are handed to a fixed pool in order (its queue is first in, first out), so the earliest
 * unfinished file always has a thread and the consumer never waits on a file nobody reads. At most
 * {@code 2 × threads} files are handed over and not yet consumed, and each file's chunks wait in a small
 * bounded queue where a reader that gets ahead blocks: memory holds at most {@code 2 × threads × (queued
 * + 1)} chunks however large the history, and a consumer paused by Elasticsearch pauses the reading.
 */
public final class ParallelReader implements AutoCloseable {
    public static final int CHUNK = 1024;
    private static final int QUEUED_CHUNKS_PER_FILE = 4;

    private final List<InputFile> files;
    private final ReadOptions options;
    private final List<BlockingQueue<Chunk>> queues = new ArrayList<>();
    private final ExecutorService pool;
    private int current;

    public ParallelReader(List<InputFile> files, ReadOptions options, int threads) {
        this.files = files;
        this.options = options;
        this.pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("flowscore-read-", 1).daemon().factory());
        while (queues.size() < Math.min(files.size(), 2 * threads)) {
            handOver();
        }
    }

    private void handOver() {
        int file = queues.size();
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS_PER_FILE);
        queues.add(queue);
        pool.execute(() -> read(file, files.get(file), options, queue));
    }

    /**
     * Reads every input into {@code sink} in file and line order, counting into {@code stats}: on the caller's
     * thread alone with one thread, else decompressed and parsed on {@code threads} readers while the caller
     * only takes their connections.
     */
    public static void readAll(List<InputFile> inputs, ReadOptions options, int threads, ReadStats stats,
                               Consumer<? super Connection> sink)
            throws InputException, BadLineException, InterruptedException {
        if (threads == 1) {
            new ConnectionReader(options, stats).readAll(inputs, sink);
            return;
        }
        try (ParallelReader reader = new ParallelReader(inputs, options, threads)) {
            for (Chunk chunk = reader.next(); chunk != null; chunk = reader.next()) {
                for (int i = 0; i < chunk.size(); i++) {
                    sink.accept(chunk.connections()[i]);
                }
                if (chunk.failure() != null) {
                    throw Chunk.rethrow(chunk.failure());
                }
                if (chunk.last()) {
                    stats.addAll(chunk.stats());
                }
            }
        }
    }

    /** The next chunk in file order, or null when every file was read. */
    public Chunk next() throws InterruptedException {
        while (current < files.size()) {
            Chunk chunk = queues.get(current).take();
            if (chunk.last()) {
                queues.set(current, null);
                current++;
                if (queues.size() < files.size()) {
                    handOver();
                }
            }
            return chunk;
        }
        return null;
    }

    private static void read(int file, InputFile input, ReadOptions options, BlockingQueue<Chunk> queue) {
        ReadStats stats = new ReadStats();
        Batch batch = new Batch(file, queue);
        try {
            ReadOptions own = new ReadOptions(options.format(), options.strict(), options.maxLineBytes(),
                    options.context().forAnotherThread());
            new ConnectionReader(own, stats).readPositioned(input,
                    (connection, line) -> batch.add(connection, line.endOffset()));
            batch.finish(stats, null);
        } catch (Exception e) {
            if (e instanceof ChunkInterrupted) {
                return;
            }
            try {
                batch.finish(null, e);
            } catch (ChunkInterrupted stopped) {
                // The run is closing: nobody waits for this file any more.
            }
        }
    }

    /** Thrown out of the reader's callback when the run is closed while a reader waits to hand on a chunk. */
    private static final class ChunkInterrupted extends RuntimeException {
        ChunkInterrupted() {
            super(null, null, false, false);
        }
    }

    /** The chunk being filled on a reader thread. */
    private static final class Batch {
        private final int file;
        private final BlockingQueue<Chunk> queue;
        private Connection[] connections = new Connection[CHUNK];
        private long[] ends = new long[CHUNK];
        private int size;

        Batch(int file, BlockingQueue<Chunk> queue) {
            this.file = file;
            this.queue = queue;
        }

        void add(Connection c, long endOffset) {
            connections[size] = c;
            ends[size] = endOffset;
            if (++size == CHUNK) {
                put(new Chunk(file, connections, ends, size, null, null));
                connections = new Connection[CHUNK];
                ends = new long[CHUNK];
                size = 0;
            }
        }

        void finish(ReadStats stats, Exception failure) {
            put(new Chunk(file, connections, ends, size, stats, failure));
        }

        private void put(Chunk chunk) {
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChunkInterrupted();
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
