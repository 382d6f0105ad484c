package org.flowscore.backfill;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.flowscore.read.ReadStats;

/**
 * What a backfill did.
 *
 * @param written          flows handed to the outputs
 * @param outOfRange       connections read from written files but ending outside --since/--until
 * @param deliveredBefore  connections an earlier run delivered, read again for the windows only
 * @param attacks          written flows the model flagged
 * @param elapsed          from the first file read to the last output done
 */
public record BackfillSummary(BackfillPlan plan, ReadStats stats, long written, long outOfRange,
                             long deliveredBefore, long attacks, Duration elapsed) {

    /** The same, timed up to now: when the outputs finished too (Elasticsearch acknowledged everything). */
    public BackfillSummary finishedNow(long startNanos) {
        return new BackfillSummary(plan, stats, written, outOfRange, deliveredBefore, attacks,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : written / seconds;
    }

    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "backfill: %,d files read, %,d read for the feature windows only, %,d skipped"
                        + " (outside --since/--until or delivered before)%n",
                plan.withRole(BackfillFile.Role.READ).size(), plan.withRole(BackfillFile.Role.WARM_UP).size(),
                plan.withRole(BackfillFile.Role.SKIP).size());
        out.println(stats.summary());
        if (outOfRange > 0 || deliveredBefore > 0) {
            out.printf(Locale.ROOT, "not written: %,d ending outside --since/--until, %,d delivered by an earlier"
                    + " run%n", outOfRange, deliveredBefore);
        }
        out.printf(Locale.ROOT, "wrote %,d flows (%,d flagged as attack) in %.1f s: %,.0f records/s%n", written,
                attacks, elapsed.toMillis() / 1000.0, recordsPerSecond());
    }
}
