package org.flowscore.tail;

import org.flowscore.flow.SourceFormat;

/**
 * One configured input.
 *
 * @param path   a file path, or a glob of them (e.g. {@code /var/log/suricata/eve*.json})
 * @param format the log format, or null to detect it from each file's first line
 * @param sensor the sensor name the documents carry (observer.name), or null for the host's name
 * @param zeekScopeSeparator what joins {@code id} and {@code orig_h} in Zeek JSON keys, or null to detect it
 */
public record InputSpec(String path, SourceFormat format, String sensor, String zeekScopeSeparator) {
    public InputSpec {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("an input needs a path");
        }
        if (zeekScopeSeparator != null && zeekScopeSeparator.isEmpty()) {
            throw new IllegalArgumentException("the Zeek scope separator cannot be empty");
        }
    }

    /** An input whose Zeek JSON scope separator, if any, is detected. */
    public InputSpec(String path, SourceFormat format, String sensor) {
        this(path, format, sensor, null);
    }
}
