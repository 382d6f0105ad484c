package org.flowscore.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Direction;
import org.flowscore.model.ScoredFlow;

/**
 * What makes flagged flows one alert group: the same sensor and log format (one stream), the same direction, the
 * same subject, the same kind, and the same time window. The subject is the host the alert is about: the local
 * host under attack for an inbound flow (Internet background scanning comes from thousands of sources a day, each
 * seen a few times, and a spoofed flood from a new one per packet, but it is all aimed at the few hosts a site
 * exposes), else the source, the host doing it. Windows are aligned to the epoch and a flow belongs to the one its
 * end falls in: logs are written in end order, so a window is complete once the stream's time has passed it.
 *
 * @param subjectRole {@code destination} or {@code source}: which end of its flows the subject is
 */
public record GroupKey(String sensor, String format, Direction direction, String subject, String subjectRole,
                       AlertKind kind, long windowStartMicros, long windowMicros) {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    /** The group of a flagged flow of this kind, with windows of {@code windowMicros}. */
    public static GroupKey of(ScoredFlow flow, AlertKind kind, long windowMicros) {
        Connection c = flow.connection();
        boolean inbound = flow.direction() == Direction.INBOUND;
        return new GroupKey(c.sensor(), c.format().cliName(), flow.direction(),
                inbound ? c.key().destinationIp() : c.key().sourceIp(), inbound ? "destination" : "source", kind,
                Math.floorDiv(c.endMicros(), windowMicros) * windowMicros, windowMicros);
    }

    public long windowEndMicros() {
        return windowStartMicros + windowMicros;
    }

    /**
     * The group's document id: 27 URL-safe base64 characters of a SHA-256 of the key, so every run, thread count
     * and restart names a group alike, and a document written twice is stored once.
     */
    public String id() {
        String text = sensor + '|' + format + '|' + direction.ecsName() + '|' + subjectRole + '|' + subject + '|'
                + kind.id() + '|' + windowStartMicros + '|' + windowMicros;
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        byte[] digest = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 20));
    }
}
