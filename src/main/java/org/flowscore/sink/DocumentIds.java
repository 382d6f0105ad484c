package org.flowscore.sink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;

/**
 * Deterministic document ids: a hash of the sensor, the log format and the record's own identity (Zeek:
 * uid and ts; Suricata: flow_id, flow.start and the 5-tuple, since flow ids recur). Replaying a log gives
 * the same ids, so a store that rejects duplicate ids keeps each record once. One instance per thread.
 */
public final class DocumentIds {
    private final MessageDigest sha256;
    private final StringBuilder key = new StringBuilder(128);

    public DocumentIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** 27 URL-safe base64 characters (the first 20 bytes of the SHA-256). */
    public String of(Connection c) {
        FlowKey k = c.key();
        key.setLength(0);
        key.append(c.sensor()).append('|').append(c.format().cliName()).append('|')
                .append(c.recordId()).append('|').append(c.startMicros());
        if (c.format().producer().equals("suricata")) {
            key.append('|').append(k.sourceIp()).append('|').append(k.sourcePort()).append('|')
                    .append(k.destinationIp()).append('|').append(k.destinationPort()).append('|').append(k.ipProto());
        }
        sha256.reset();
        byte[] digest = sha256.digest(key.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 20));
    }
}
