package org.flowscore.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flowscore.features.FeatureSettings;
import org.flowscore.read.ReadOptions;
import org.flowscore.source.InputException;
import org.flowscore.source.InputResolver;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void rotatedEveFilesGoInTheOrderOfTheirFirstFlowNotTheirNames() throws IOException, InputException {
        // Suricata writes a flow when it ends: the file's flows in end order, cut in three rotations.
        List<String> lines = Files.readAllLines(SharedData.require("suricata/slips-test6/eve.json")).stream()
                .filter(l -> l.contains("\"event_type\":\"flow\""))
                .sorted(Comparator.comparing(BackfillPlanTest::flowEnd)).toList();
        int third = lines.size() / 3;
        Files.write(tmp.resolve("eve.json.2"), lines.subList(0, third));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve("eve.json-20210606.gz")))) {
            out.write((String.join("\n", lines.subList(third, 2 * third)) + "\n").getBytes());
        }
        Files.write(tmp.resolve("eve.json"), lines.subList(2 * third, lines.size()));

        BackfillPlan plan = plan(TimeRange.ALL, List.of(tmp.toString()));
        assertEquals(List.of("eve.json.2", "eve.json-20210606.gz", "eve.json"),
                plan.files().stream().map(f -> f.input().path().getFileName().toString()).toList());
        assertEquals(3, plan.withRole(BackfillFile.Role.READ).size());
    }

    @Test
    void theFileBeforeTheFirstOneReadWarmsTheWindows() throws InputException {
        BackfillPlan plan = plan(new TimeRange(Instant.parse("2024-04-20T05:00:00Z"), Instant.parse(
                "2024-04-20T07:30:00Z")), List.of(SharedData.require("zeek/rita-missing-host").toString()));
        List<String> read = names(plan, BackfillFile.Role.READ);
        // 04:00-05:00 may hold a connection ending at 05:00:00; 08:00-09:00 may hold one ending before 07:30.
        assertEquals(List.of("04:00:00", "05:00:00", "06:00:00", "07:00:00", "08:00:00"), read);
        assertEquals(List.of("03:00:00"), names(plan, BackfillFile.Role.WARM_UP));
        assertEquals(48 - 6, plan.withRole(BackfillFile.Role.SKIP).size());
    }

    private static Instant flowEnd(String line) {
        try {
            return Instant.parse(JSON.readTree(line).at("/flow/end").asText().replaceFirst("(\\d{2})(\\d{2})$", "$1:$2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(BackfillPlan plan, BackfillFile.Role role) {
        return plan.withRole(role).stream().map(f -> f.input().path().getFileName().toString().substring(5, 13))
                .toList();
    }

    private static BackfillPlan plan(TimeRange range, List<String> paths) throws InputException {
        return BackfillPlan.of(InputResolver.resolve(paths), range, ZoneOffset.UTC, ReadOptions.defaults(),
                FeatureSettings.defaults(), Checkpoints.NONE);
    }
}
