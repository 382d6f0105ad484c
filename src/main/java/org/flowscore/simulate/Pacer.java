package org.flowscore.simulate;

/** Wall-clock time for live writing; tests may run it faster or not at all. */
public interface Pacer {
    long nowMicros();

    /** Returns once {@link #nowMicros()} has reached {@code micros}. */
    void awaitMicros(long micros) throws InterruptedException;

    /** The system clock, sleeping for real. */
    Pacer SYSTEM = new Pacer() {
        @Override
        public long nowMicros() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        }

        @Override
        public void awaitMicros(long micros) throws InterruptedException {
            long wait;
            while ((wait = micros - nowMicros()) > 0) {
                Thread.sleep(wait / 1000, (int) (wait % 1000) * 1000);
            }
        }
    };
}
