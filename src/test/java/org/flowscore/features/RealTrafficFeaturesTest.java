package org.flowscore.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.testing.Reading;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Features of real logs move the way the traffic in them should move them. */
class RealTrafficFeaturesTest {

    private static List<FeaturedConnection> features(String file) {
        List<FeaturedConnection> out = new ArrayList<>();
        FeatureExtractor x = new FeatureExtractor(FeatureSettings.defaults(), ServiceTable.bundled(), out::add);
        Reading.read(SharedData.require(file)).connections().forEach(x);
        x.flush();
        return out;
    }

    @Test
    void anNmapVerticalScanRaisesCountRejectionsAndServiceDiversityForItsTarget() {
        List<FeaturedConnection> scan = features("zeek/slips-portscan-vertical-json/conn.log");
        assertEquals(50, scan.size());
        FeaturedConnection last = scan.getLast();
        assertEquals("45.33.32.156", last.connection().key().destinationIp());
        // 50 probes to one host within 5 seconds, across as many ports, nearly all rejected: the time window
        // is full of same-host connections, most rejected, spread over services (unlisted high ports all
        // fall into 'other', so about half share the last probe's service).
        KddFeatures f = last.features();
        assertTrue(f.get(KddSchema.COUNT_2S) >= 40, f.toString());
        assertTrue(f.get(KddSchema.RERROR_RATE) >= 0.9, f.toString());
        assertTrue(f.get(KddSchema.DIFF_SRV_RATE) >= 0.4, f.toString());
        assertTrue(f.get(KddSchema.DST_HOST_COUNT) >= 40, f.toString());
        assertTrue(f.get(KddSchema.DST_HOST_RERROR_RATE) >= 0.9, f.toString());
        FeaturedConnection first = scan.getFirst();
        assertEquals(0, first.features().get(KddSchema.COUNT_2S));
    }

    @Test
    void everyFeatureStaysInsideTheDataSetRanges() {
        for (String file : List.of("zeek/zat-2013-tsv/conn.log", "suricata/slips-test6/eve.json",
                "zeek/slips-test10-tsv/conn.log", "zeek/zat-2019-json/conn.log")) {
            for (FeaturedConnection f : features(file)) {
                KddFeatures v = f.features();
                assertTrue(v.get(KddSchema.COUNT_2S) <= 511 && v.get(KddSchema.SRV_COUNT) <= 511, file);
                assertTrue(v.get(KddSchema.DST_HOST_COUNT) <= 255 && v.get(KddSchema.DST_HOST_SRV_COUNT) <= 255, file);
                for (int i = 0; i < KddSchema.COUNT; i++) {
                    if (KddSchema.isRate(i)) {
                        assertTrue(v.get(i) >= 0 && v.get(i) <= 1, file + " " + KddSchema.NAMES.get(i));
                    }
                    assertTrue(v.get(i) >= 0, file + " " + KddSchema.NAMES.get(i));
                }
            }
        }
    }
}
