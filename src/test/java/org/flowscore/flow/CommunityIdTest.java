package org.flowscore.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CommunityIdTest {

    static List<Arguments> vectors() throws IOException {
        List<Arguments> all = new ArrayList<>();
        addVectors(all, "baseline_deflt.json", 0, true);
        addVectors(all, "baseline_seed1.json", 1, true);
        addVectors(all, "baseline_nob64.json", 0, false);
        return all;
    }

    private static void addVectors(List<Arguments> all, String file, int seed, boolean base64) throws IOException {
        Path path = SharedData.require("community-id/" + file);
        for (JsonNode v : new ObjectMapper().readTree(path.toFile())) {
            all.add(Arguments.of(file, seed, base64, v.get("proto").asInt(), v.get("saddr").asText(),
                    v.get("daddr").asText(), v.get("sport").asInt(0), v.get("dport").asInt(0),
                    v.get("communityid").asText()));
        }
    }

    @ParameterizedTest(name = "{0}: proto {3} {4}:{6} -> {5}:{7}")
    @MethodSource("vectors")
    void reproducesEverySpecVector(String file, int seed, boolean base64, int proto, String saddr, String daddr,
                                   int sport, int dport, String expected) {
        assertEquals(expected, new CommunityId(seed, base64).hash(proto, saddr, daddr, sport, dport));
    }

    @Test
    void vectorFilesAreAllThere() throws IOException {
        assertEquals(69, vectors().size());
    }

    @Test
    void flowKeyAndRawHashAgree() {
        CommunityId id = new CommunityId(0);
        FlowKey key = FlowKey.of("1.2.3.4", 1122, "5.6.7.8", 3344, Transport.TCP);
        assertEquals("1:wCb3OG7yAFWelaUydu0D+125CLM=", id.of(key));
    }

    @Test
    void rejectsNonAddresses() {
        CommunityId id = new CommunityId(0);
        assertThrows(IllegalArgumentException.class, () -> id.hash(6, "not-an-ip", "1.2.3.4", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> id.hash(6, "1.2.3.256", "1.2.3.4", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new CommunityId(70000));
    }
}
