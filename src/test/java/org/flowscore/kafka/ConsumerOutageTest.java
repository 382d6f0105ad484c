package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.FlowscoreProcess;
import org.flowscore.testing.KafkaBroker;
import org.flowscore.testing.TcpGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consume instance through outages, while eight sensors' records keep coming: the broker killed and kept away
 * for 30 s, then Elasticsearch unreachable for 30 s. Nothing is lost, consumption resumes after each, and at every
 * moment the group's committed offsets stay within what Elasticsearch holds: no offset passes a record that was
 * not acknowledged.
 */
@AgainstElasticsearch
class ConsumerOutageTest {
    private static final String GROUP = "outage-test";

    @TempDir
    Path dir;

    @Test
    @Timeout(360)
    void brokerAwayThenElasticsearchAwayLoseNothingAndCommitOnlyWhatWasStored() throws Exception {
        List<String[]> stream = SensorLogs.interleaved(SensorLogs.ritaDay());
        String url = ElasticsearchServer.shared().url();
        String ns = "kafkaoutage";
        String flows = "logs-flowscore.flow-" + ns;
        new TemplateInstaller(new EsHttp(URI.create(url))).install(ns, "test");
        FlowscoreProcess consume = null;
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka")); TcpGate gate = TcpGate.to(url)) {
            broker.createTopic("conn", 2);
            consume = KafkaFaults.start(dir.resolve("consume.log"), List.of("consume", "--config",
                    KafkaFaults.config(dir, broker.bootstrap(), "conn", GROUP).toString(), "--es", gate.url(),
                    "--namespace", ns, "--dead-letter", dir.resolve("dead.ndjson").toString(),
                    "--status-interval", "5s", "--idle-flush", "3s"));
            int brokerAway = stream.size() / 4;
            int esAway = 3 * stream.size() / 5;
            List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
            for (int i = 0; i < stream.size(); i++) {
                batch.add(Records.record("conn", stream.get(i)[0], stream.get(i)[1]));
                if (batch.size() == 500 || i == stream.size() - 1) {
                    Records.produce(broker.bootstrap(), batch);
                    batch.clear();
                    Thread.sleep(250);
                }
                if (i == brokerAway) {
                    broker.stopProcess();
                    Thread.sleep(30_000);
                    assertTrue(consume.isAlive(), consume.log());
                    broker.startProcess();
                }
                if (i == esAway) {
                    gate.shut();
                    long stalled = -1;
                    for (int s = 0; s < 15; s++) {
                        Thread.sleep(2_000);
                        long committed = committed(broker);
                        long stored = EsRequests.count(url, flows);
                        assertTrue(committed <= stored, "committed " + committed + " records of which only "
                                + stored + " are in Elasticsearch");
                        if (s == 2) {
                            stalled = committed;
                        } else if (s > 2) {
                            assertEquals(stalled, committed, "an offset moved while Elasticsearch was away");
                        }
                    }
                    gate.open();
                }
            }
            KafkaFaults.awaitCount(url, flows, stream.size(), 180, List.of(consume));
            long committed = awaitCommitted(broker, stream.size());
            assertEquals(0, consume.terminate(30), consume.log());
            assertEquals(stream.size(), EsRequests.count(url, flows));
            assertEquals(0, EsRequests.repeatedValues(url, flows, "event.id").size());
            assertEquals(stream.size(), committed, "every offset committed once everything was stored");
            assertTrue(consume.log().contains("resending what was held back"), consume.log());
        } finally {
            if (consume != null) {
                consume.stop();
            }
        }
    }

    /** The group's committed offsets, summed over the partitions (every record is a connection here). */
    private static long committed(KafkaBroker broker) throws Exception {
        try (Admin admin = broker.admin()) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS)
                    .values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static long awaitCommitted(KafkaBroker broker, long expected) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long committed = committed(broker);
        while (committed < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            committed = committed(broker);
        }
        return committed;
    }
}
