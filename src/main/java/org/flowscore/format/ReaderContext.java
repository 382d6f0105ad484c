package org.flowscore.format;

import org.flowscore.flow.CommunityId;
import org.flowscore.flow.LocalNetworks;

/**
 * What every reader needs besides the lines: the site's settings.
 *
 * @param sensor             sensor name stamped on each connection
 * @param communityId        the Community ID hasher (its seed is configurable)
 * @param localNetworks      the site's own address ranges: where a log does not say whether an end is local (Zeek
 *                           without {@code local_orig}/{@code local_resp}, Suricata), the reader decides from
 *                           these, as Zeek would have from its {@code Site::local_nets}
 * @param zeekScopeSeparator what joins record scopes in Zeek JSON keys ({@code Log::default_scope_sep}: the
 *                           {@code .} of {@code id.orig_h}, {@code _} on many sensors); null to detect it from
 *                           each input's first record
 */
public record ReaderContext(String sensor, CommunityId communityId, LocalNetworks localNetworks,
                            String zeekScopeSeparator) {
    public static final String DEFAULT_SENSOR = "default";

    public ReaderContext {
        if (localNetworks == null) {
            throw new IllegalArgumentException("a reader context needs the local networks");
        }
        if (zeekScopeSeparator != null && zeekScopeSeparator.isEmpty()) {
            throw new IllegalArgumentException("the Zeek scope separator cannot be empty");
        }
    }

    /** The default local networks; the Zeek scope separator detected per input. */
    public ReaderContext(String sensor, CommunityId communityId) {
        this(sensor, communityId, LocalNetworks.defaults(), null);
    }

    /** The same settings with a hasher of its own, for a reader on another thread. */
    public ReaderContext forAnotherThread() {
        return new ReaderContext(sensor, communityId.copy(), localNetworks, zeekScopeSeparator);
    }

    public static ReaderContext defaults() {
        return new ReaderContext(DEFAULT_SENSOR, new CommunityId(0));
    }

    /** Whether an address is local, for an end the log gives no local flag for. */
    public boolean isLocal(String ip) {
        return localNetworks.contains(ip);
    }
}
