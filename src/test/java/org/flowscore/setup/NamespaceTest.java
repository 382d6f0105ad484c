package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscore.elastic.Namespace;
import org.junit.jupiter.api.Test;

class NamespaceTest {
    @Test
    void acceptsElasticNamespaces() {
        for (String ns : new String[] {"default", "lab", "site_1", "prod.eu", "a".repeat(100)}) {
            assertEquals(ns, Namespace.validate(ns));
        }
    }

    @Test
    void refusesWhatADataStreamNameCannotHold() {
        assertTrue(refusal("Lab").contains("lower case"));
        assertTrue(refusal("lab-1").contains("must not contain '-'"));
        assertTrue(refusal("").contains("empty"));
        assertTrue(refusal("a".repeat(101)).contains("longer than 100 bytes"));
        for (String ns : new String[] {"a b", "a,b", "a#b", "a*b", "a?b", "a/b", "a\\b", "a|b", "a<b", "a>b",
            "a\"b", "a:b"}) {
            assertTrue(refusal(ns).contains("must not contain"), ns);
        }
    }

    private static String refusal(String ns) {
        return assertThrows(IllegalArgumentException.class, () -> Namespace.validate(ns)).getMessage();
    }
}
