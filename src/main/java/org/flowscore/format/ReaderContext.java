package org.flowscore.format;

import org.flowscore.flow.CommunityId;

/**
 * What every reader needs besides the lines.
 *
 * @param sensor              sensor name stamped on each connection
 * @param communityId         the Community ID hasher (its seed is configurable)
 * @param zeekScopeSeparator  what joins record scopes in Zeek JSON keys ({@code Log::default_scope_sep}: the
 *                            {@code .} of {@code id.orig_h}, {@code _} on many sensors); null to detect it from
 *                            each input's first record
 */
public record ReaderContext(String sensor, CommunityId communityId, String zeekScopeSeparator) {
    public static final String DEFAULT_SENSOR = "default";

    public ReaderContext {
        if (zeekScopeSeparator != null && zeekScopeSeparator.isEmpty()) {
            throw new IllegalArgumentException("the Zeek scope separator cannot be empty");
        }
    }

    /** Settings that detect the Zeek scope separator per input. */
    public ReaderContext(String sensor, CommunityId communityId) {
        this(sensor, communityId, null);
    }

    /** The same settings with a hasher of its own, for a reader on another thread. */
    public ReaderContext forAnotherThread() {
        return new ReaderContext(sensor, communityId.copy(), zeekScopeSeparator);
    }

    public static ReaderContext defaults() {
        return new ReaderContext(DEFAULT_SENSOR, new CommunityId(0));
    }
}
