package org.flowscore.kafka;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscore.flow.Connection;
import org.flowscore.format.ZeekJsonWriter;
import org.flowscore.testing.Reading;
import org.flowscore.testing.StandInPipeline;

/**
 * Eight sensors' Zeek JSON conn records made of the rita-missing-host day: sensor {@code sensor-N} logged hours
 * 3N to 3N+2 (31,367 connections in all), each written as a Zeek JSON file too, for {@code score} to compare with.
 */
final class SensorLogs {
    static final int SENSORS = 8;

    private SensorLogs() {
    }

    /** Each sensor's records, in its log's order. */
    static Map<String, List<String>> ritaDay() {
        List<Path> hours = StandInPipeline.ritaDay();
        Map<String, List<String>> sensors = new LinkedHashMap<>();
        for (int s = 0; s < SENSORS; s++) {
            List<String> lines = new ArrayList<>();
            for (Connection c : Reading.read(hours.subList(3 * s, 3 * s + 3).toArray(Path[]::new)).connections()) {
                StringWriter line = new StringWriter();
                try {
                    new ZeekJsonWriter(line).write(c);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lines.add(line.toString().strip());
            }
            sensors.put("sensor-" + s, lines);
        }
        return sensors;
    }

    /** The records as a file each, named after the sensor. */
    static Map<String, Path> files(Map<String, List<String>> sensors, Path dir) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (var e : sensors.entrySet()) {
            files.put(e.getKey(), Files.write(dir.resolve(e.getKey() + ".json"), e.getValue()));
        }
        return files;
    }

    /** Records of all sensors, taken in turn one from each, as sensors writing at once interleave them. */
    static List<String[]> interleaved(Map<String, List<String>> sensors) {
        List<String[]> out = new ArrayList<>();
        int longest = sensors.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (var e : sensors.entrySet()) {
                if (i < e.getValue().size()) {
                    out.add(new String[] {e.getKey(), e.getValue().get(i)});
                }
            }
        }
        return out;
    }
}
