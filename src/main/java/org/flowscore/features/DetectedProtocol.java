package org.flowscore.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading of the detected-protocol field: Zeek's {@code service} ({@code "ssl,http"}, {@code "-"} when unset)
 * or Suricata's {@code app_proto} ({@code "failed"} when detection gave up). A name with a leading {@code -}
 * is one Zeek lists after the analyzer failed ({@code DPD::track_removed_services_in_connection}), so it does
 * not count as detected.
 */
final class DetectedProtocol {
    private DetectedProtocol() {
    }

    /** True when the field names at least one protocol that was actually recognised. */
    static boolean any(String field) {
        if (field == null) {
            return false;
        }
        int start = 0;
        int n = field.length();
        while (start <= n) {
            int comma = field.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            if (recognised(field, start, end)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** The recognised protocol names in the order the log lists them, lower case. */
    static List<String> names(String field) {
        List<String> names = new ArrayList<>(2);
        if (field == null) {
            return names;
        }
        for (String part : field.split(",")) {
            String name = part.strip();
            if (recognised(name, 0, name.length())) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static boolean recognised(String s, int start, int end) {
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        int length = end - start;
        return length > 0 && s.charAt(start) != '-'
                && !(length == 6 && s.regionMatches(true, start, "failed", 0, 6));
    }
}
