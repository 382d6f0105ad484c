package org.flowscore.features;

/**
 * Counts per int key (a service index, a source port) without boxing: open addressing with linear probing.
 * A key whose count drops to zero is removed at once, so an empty slot is simply a zero count and the table
 * never holds more keys than are live.
 */
final class IntCounter {
    private int[] keys = new int[4];
    private int[] counts = new int[4];
    private int size;

    int get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); counts[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return counts[i];
            }
        }
        return 0;
    }

    void increment(int key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (counts[i] != 0) {
            if (keys[i] == key) {
                counts[i]++;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        counts[i] = 1;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** Decrements a key that is present; at zero the key is removed. */
    void decrement(int key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != key || counts[i] == 0) {
            if (counts[i] == 0) {
                throw new IllegalStateException("decrement of absent key " + key);
            }
            i = (i + 1) & mask;
        }
        if (--counts[i] > 0) {
            return;
        }
        size--;
        // Backward-shift deletion: pull later entries of the probe run into the gap so lookups that would
        // have passed through it still find them.
        for (int j = (i + 1) & mask; counts[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - i) & mask)) {
                keys[i] = keys[j];
                counts[i] = counts[j];
                i = j;
            }
        }
        counts[i] = 0;
    }

    /** Keys with a count above zero. */
    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldCounts[k] != 0) {
                int i = slot(oldKeys[k], mask);
                while (counts[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                counts[i] = oldCounts[k];
            }
        }
    }

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
