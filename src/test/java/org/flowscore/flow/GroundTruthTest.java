package org.flowscore.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The label vocabularies of IoT-23, Stratosphere's captures and simulate, read as what they mean. */
class GroundTruthTest {
    @Test
    void benignAttackAndUnlabelled() {
        assertEquals(GroundTruth.Kind.BENIGN, new GroundTruth("benign", null).kind());
        assertEquals(GroundTruth.Kind.BENIGN, new GroundTruth("Benign", "From_benign-To_benign-DNS").kind());
        assertEquals(GroundTruth.Kind.BENIGN, new GroundTruth("normal", null).kind());
        assertEquals(GroundTruth.Kind.ATTACK, new GroundTruth("Malicious", "C&C").kind());
        assertEquals(GroundTruth.Kind.ATTACK, new GroundTruth("Malicious", "External-Attack-to-Device").kind());
        assertEquals(GroundTruth.Kind.UNLABELLED, new GroundTruth("Background", null).kind());
        assertEquals(GroundTruth.Kind.UNLABELLED, new GroundTruth("Unknown", null).kind());
        assertEquals(GroundTruth.Kind.UNLABELLED, new GroundTruth("-", null).kind());
        assertEquals(GroundTruth.Kind.UNLABELLED, new GroundTruth(" ", null).kind());
    }
}
