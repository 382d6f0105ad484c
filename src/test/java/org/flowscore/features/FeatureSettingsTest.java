package org.flowscore.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureSettingsTest {

    @Test
    void defaults() {
        assertEquals(new FeatureSettings(2_000_000, 100, 500_000, 65_536, 1023, true), FeatureSettings.defaults());
    }

    @Test
    void badValuesAreRefusedWithTheSettingNamed() {
        FeatureSettings d = FeatureSettings.defaults();
        assertMessage("traffic window must be positive, got 0 µs", () -> d.withTrafficWindowMicros(0));
        assertMessage("host window size must be 1-16777216 connections, got 0", () -> d.withHostWindowSize(0));
        assertMessage("max lateness must be 0 or more, got -1 µs", () -> d.withMaxLatenessMicros(-1));
        assertMessage("reorder capacity must be 1-16777216 connections, got 0", () -> d.withReorderCapacity(0));
        assertMessage("privatePortMax must be -1 (never private) to 65535, got 65536",
                () -> d.withPrivatePortMax(65536));
        assertEquals(-1, d.withPrivatePortMax(-1).privatePortMax());
        assertEquals(0, d.withMaxLatenessMicros(0).maxLatenessMicros());
    }

    private static void assertMessage(String message, Runnable r) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, r::run).getMessage());
    }
}
