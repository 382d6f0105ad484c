package org.flowscore.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.format.ZeekJsonWriter;
import org.flowscore.kafka.ConsumeRunner;
import org.flowscore.kafka.ConsumeSettings;
import org.flowscore.model.Model;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.sink.FileOutput;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;
import org.flowscore.sink.es.Batching;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.sink.es.EsSink;
import org.flowscore.source.InputFile;
import org.flowscore.source.kafka.KafkaConnection;
import org.flowscore.source.kafka.SensorSource;

/**
 * {@code bench --kafka}: records/s of {@code consume} end to end (fetch, decode, features, model, render, output)
 * against {@code kafka-consumer-perf-test}-style raw consumption of the same topic in the same run: a plain
 * consumer that fetches every record and looks at nothing. The topic is made for the run (4 partitions) and filled
 * with the connections of the given logs as Zeek JSON records of 8 sensors, keyed by sensor; one instance and then
 * two of one group consume it into NDJSON files, and with an Elasticsearch URL one instance indexes it, against the
 * raw {@code _bulk} ceiling {@code bench --es} measures.
 */
public final class KafkaBenchmark {
    private static final int PARTITIONS = 4;
    private static final int SENSORS = 8;

    private final String bootstrap;
    private final URI es;
    private final Model model;
    private final List<InputFile> inputs;
    private final List<Connection> corpus;
    private final long records;
    private final PrintWriter out;
    private final String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    private final String topic = "flowscore-bench-" + run;

    /**
     * @param es      Elasticsearch for the indexing measurement, or null for none
     * @param corpus  the connections of {@code inputs}, repeated up to {@code records}
     */
    public KafkaBenchmark(String bootstrap, URI es, Model model, List<InputFile> inputs, List<Connection> corpus,
                          long records, PrintWriter out) {
        this.bootstrap = bootstrap;
        this.es = es;
        this.model = model;
        this.inputs = inputs;
        this.corpus = corpus;
        this.records = records;
        this.out = out;
    }

    public void run(Path dir) throws Exception {
        out.printf(Locale.ROOT, "Kafka at %s, topic %s (%d partitions), %,d Zeek JSON records of %d sensors from %,d"
                + " real connections; model %s %s; %d processors%n", bootstrap, topic, PARTITIONS, records, SENSORS,
                corpus.size(), model.info().name(), model.info().version(), Runtime.getRuntime().availableProcessors());
        fill();
        double raw1 = raw();
        double one = consumed(1, dir, "one");
        double two = consumed(2, dir, "two");
        double raw2 = raw();
        double raw = (raw1 + raw2) / 2;
        out.printf(Locale.ROOT, "raw consumption (plain consumer, 1 thread):  %,10.0f and %,10.0f records/s, mean"
                + " %,10.0f%n", raw1, raw2, raw);
        out.printf(Locale.ROOT, "consume, 1 instance, into NDJSON:            %,10.0f records/s, %.0f%% of raw%n",
                one, 100 * one / raw);
        out.printf(Locale.ROOT, "consume, 2 instances of a group, into NDJSON: %,10.0f records/s, %.0f%% of raw%n",
                two, 100 * two / raw);
        if (es != null) {
            double ceiling = new EsBenchmark(es, model, inputs, 1, out).rawCeiling();
            double indexed = indexed();
            out.printf(Locale.ROOT, "consume, 1 instance, into Elasticsearch:     %,10.0f docs/s, %.0f%% of the raw"
                    + " _bulk ceiling%n", indexed, 100 * indexed / ceiling);
        }
        out.printf("the topic %s stays; remove it with kafka-topics --delete --topic %s%n", topic, topic);
        out.flush();
    }

    private KafkaConnection connection() {
        return new KafkaConnection(List.of(bootstrap));
    }

    /** Creates the topic and produces the records: sensor i gets the corpus in its order, from its own offset. */
    private void fill() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        List<byte[]> lines = new ArrayList<>(corpus.size());
        StringWriter buffer = new StringWriter();
        ZeekJsonWriter json = new ZeekJsonWriter(buffer);
        for (Connection c : corpus) {
            buffer.getBuffer().setLength(0);
            json.write(c);
            lines.add(buffer.toString().strip().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> p = new HashMap<>(connection().clientProperties());
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("linger.ms", 20);
        p.put("batch.size", 256 * 1024);
        p.put("compression.type", "lz4");
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (long i = 0; i < records; i++) {
                int sensor = (int) (i % SENSORS);
                byte[] line = lines.get((int) ((i / SENSORS + sensor * 997L) % lines.size()));
                producer.send(new ProducerRecord<>(topic, ("bench-" + sensor).getBytes(StandardCharsets.UTF_8), line));
            }
            producer.flush();
        }
        out.printf(Locale.ROOT, "produced in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Every record fetched by a plain consumer, as kafka-consumer-perf-test does; records/s. */
    private double raw() {
        Map<String, Object> p = new HashMap<>(connection().clientProperties());
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("max.poll.records", 2000);
        long read = 0;
        long bytes = 0;
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                partitions.add(new TopicPartition(topic, i));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < records) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    bytes += r.serializedValueSize();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "  raw: %,d records, %.1f MB in %.1f s%n", read, bytes / 1e6, seconds);
        return read / seconds;
    }

    /** {@code instances} consume runners of a new group into NDJSON files; records/s until the last flow. */
    private double consumed(int instances, Path dir, String name) throws Exception {
        Counting counted = new Counting(records);
        List<ConsumeRunner> runners = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<OutputStream> files = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < instances; i++) {
            OutputStream file = new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve(name + "-" + i + ".ndjson")));
            files.add(file);
            runners.add(start(counted.around(FileOutput.ndjson(file)), "bench-" + run + "-" + name, threads));
        }
        double seconds = counted.awaitAll(started);
        stop(runners, threads);
        for (OutputStream f : files) {
            f.close();
        }
        out.printf(Locale.ROOT, "  consume x%d: %,d flows in %.1f s%n", instances, counted.count.get(), seconds);
        return records / seconds;
    }

    /** One consume runner into Elasticsearch; documents (flows and alert copies) per second until all are stored. */
    private double indexed() throws Exception {
        String namespace = "bench" + run + "kafka";
        new TemplateInstaller(new EsHttp(es)).install(namespace, "bench");
        EsOutputSettings settings = new EsOutputSettings(List.of(es), namespace, new EsAuth.None(), EsTls.DEFAULT,
                Path.of("flowscore-bench-dead-letter.ndjson"), Batching.DEFAULT);
        Counting counted = new Counting(records);
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        try (EsSink sink = EsSink.open(settings, note -> out.println("  " + note))) {
            ConsumeRunner runner = start(counted.around(sink), "bench-" + run + "-es", threads);
            counted.awaitAll(started);
            sink.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            long docs = sink.writer().stats().total().indexed();
            stop(List.of(runner), threads);
            out.printf(Locale.ROOT, "  consume into Elasticsearch: %,d documents in %.1f s%n", docs, seconds);
            return docs / seconds;
        }
    }

    private ConsumeRunner start(FlowOutput output, String group, List<Thread> threads) {
        ConsumeSettings settings = new ConsumeSettings(connection(), List.of(topic), null, group,
                new SensorSource.FromKey(), ConsumeSettings.DEFAULT_WARM_UP, ConsumeSettings.DEFAULT_WARM_UP_RECORDS,
                false, Duration.ZERO, null, Duration.ofMillis(200), LocalNetworks.defaults());
        ConsumeRunner runner = new ConsumeRunner(settings, model, model.threshold(), output, () -> null, null,
                new PrintWriter(Writer.nullWriter()));
        threads.add(Thread.ofPlatform().name("bench-consume-" + threads.size()).start(() -> {
            try {
                runner.run(Duration.ofSeconds(30));
            } catch (IOException | InterruptedException e) {
                out.println("  consume failed: " + e);
            }
        }));
        return runner;
    }

    private static void stop(List<ConsumeRunner> runners, List<Thread> threads) throws InterruptedException {
        runners.forEach(ConsumeRunner::requestStop);
        for (Thread t : threads) {
            t.join();
        }
        threads.clear();
    }

    /** Counts the flows every runner hands to its output, and when the last one came. */
    private static final class Counting {
        private final long target;
        private final AtomicLong count = new AtomicLong();
        private volatile long lastAt;

        Counting(long target) {
            this.target = target;
        }

        FlowOutput around(FlowOutput output) {
            return new FlowOutput() {
                @Override
                public Renditions needs() {
                    return output.needs();
                }

                @Override
                public void write(RenderedFlow flow, Acknowledgement stored) {
                    output.write(flow, stored);
                    if (count.incrementAndGet() == target) {
                        lastAt = System.nanoTime();
                    }
                }

                @Override
                public void flush() throws IOException {
                    output.flush();
                }

                @Override
                public void finish() throws IOException {
                    output.finish();
                }
            };
        }

        /** Seconds from {@code started} to the last flow. */
        double awaitAll(long started) throws InterruptedException, IOException {
            long deadline = started + TimeUnit.MINUTES.toNanos(10);
            while (lastAt == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("consume wrote " + count.get() + " of " + target + " flows in 10 minutes");
                }
                Thread.sleep(20);
            }
            return (lastAt - started) / 1e9;
        }
    }
}
