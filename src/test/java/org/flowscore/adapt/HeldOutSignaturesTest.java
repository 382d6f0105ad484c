package org.flowscore.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which signatures are held out: a rounded share, at least one, the same for the same seed. */
class HeldOutSignaturesTest {
    private static final Set<Long> HUNDRED_AND_ONE = LongStream.rangeClosed(1, 101).boxed().collect(Collectors.toSet());

    @Test
    void aQuarterOfTheSignaturesDrawnFromTheSeed() {
        Set<Long> held = HeldOutSignatures.choose(HUNDRED_AND_ONE, 0.25, 1);
        assertEquals(25, held.size(), "0.25 × 101 = 25.25");
        assertTrue(HUNDRED_AND_ONE.containsAll(held));
        assertEquals(held, HeldOutSignatures.choose(HUNDRED_AND_ONE, 0.25, 1));
        assertNotEquals(held, HeldOutSignatures.choose(HUNDRED_AND_ONE, 0.25, 2));
    }

    @Test
    void atLeastOneNoneForZeroAndAShareBelowOne() {
        assertEquals(1, HeldOutSignatures.choose(Set.of(7L, 8L), 0.1, 1).size());
        assertEquals(Set.of(), HeldOutSignatures.choose(HUNDRED_AND_ONE, 0, 1));
        assertEquals(Set.of(), HeldOutSignatures.choose(Set.of(), 0.25, 1));
        assertThrows(IllegalArgumentException.class, () -> HeldOutSignatures.choose(HUNDRED_AND_ONE, 1, 1));
    }
}
