package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.FlowscoreProcess;
import org.flowscore.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight sensors' records in four partitions, consumed by a group of flowscore processes into Elasticsearch while
 * they are produced: two instances start, a third joins mid-stream and one of the first is killed with SIGKILL.
 * Elasticsearch ends with every record exactly once, and each document, features and score, equals the one
 * {@code score} makes of the same sensor's records.
 */
@AgainstElasticsearch
class ConsumerGroupTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(360)
    void threeInstancesOneKilledLeaveEveryRecordOnceWithItsSensorsFeatures() throws Exception {
        Map<String, List<String>> sensors = SensorLogs.ritaDay();
        List<String[]> stream = SensorLogs.interleaved(sensors);
        assertEquals(31_367, stream.size());
        String url = ElasticsearchServer.shared().url();
        String ns = "kafkagroup";
        new TemplateInstaller(new EsHttp(URI.create(url))).install(ns, "test");
        List<FlowscoreProcess> instances = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopic("conn", 4);
            Path config = KafkaFaults.config(dir, broker.bootstrap(), "conn", "group-test");
            List<String> args = List.of("consume", "--config", config.toString(), "--es", url, "--namespace", ns,
                    "--dead-letter", dir.resolve("dead.ndjson").toString(), "--status-interval", "5s",
                    "--idle-flush", "3s");
            instances.add(KafkaFaults.start(dir.resolve("consume-0.log"), args));
            instances.add(KafkaFaults.start(dir.resolve("consume-1.log"), args));
            int third = stream.size() / 3;
            int kill = 2 * stream.size() / 3;
            List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
            for (int i = 0; i < stream.size(); i++) {
                batch.add(Records.record("conn", stream.get(i)[0], stream.get(i)[1]));
                if (batch.size() == 500) {
                    Records.produce(broker.bootstrap(), batch);
                    batch.clear();
                    Thread.sleep(300);
                }
                if (i == third) {
                    instances.add(KafkaFaults.start(dir.resolve("consume-2.log"), args));
                }
                if (i == kill) {
                    instances.getFirst().kill();
                }
            }
            Records.produce(broker.bootstrap(), batch);

            String flows = "logs-flowscore.flow-" + ns;
            KafkaFaults.awaitCount(url, flows, stream.size(), 180, instances.subList(1, 3));
            for (FlowscoreProcess p : instances.subList(1, 3)) {
                assertEquals(0, p.terminate(30), p.log());
            }
            assertEquals(stream.size(), EsRequests.count(url, flows));
            Map<String, JsonNode> indexed = EsDocuments.all(url, flows);
            assertEquals(stream.size(), indexed.size());
            Map<String, Path> files = SensorLogs.files(sensors, Files.createDirectories(dir.resolve("logs")));
            int compared = 0;
            for (var sensor : files.entrySet()) {
                for (String expected : Records.scored(dir, sensor.getKey(), sensor.getValue())) {
                    JsonNode document = Records.JSON.readTree(expected);
                    assertEquals(document, indexed.get(document.at("/event/id").asText()),
                            "document of " + sensor.getKey());
                    compared++;
                }
            }
            assertEquals(stream.size(), compared);
            assertTrue(instances.get(2).log().contains("assigned"), instances.get(2).log());
        } finally {
            for (FlowscoreProcess p : instances) {
                p.stop();
            }
        }
    }
}
