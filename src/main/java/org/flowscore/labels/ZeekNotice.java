package org.flowscore.labels;

/**
 * One Zeek {@code notice.log} entry that names its connection.
 *
 * @param uid  the connection's {@code uid}, as in conn.log
 * @param note the notice type, e.g. {@code SSH::Password_Guessing}
 */
public record ZeekNotice(String uid, String note) {
    public ZeekNotice {
        if (uid == null || uid.isEmpty() || note == null) {
            throw new IllegalArgumentException("a notice needs a connection uid and a note");
        }
    }

    /** The detailed label of the connection it marks. */
    public String detail() {
        return "Zeek notice " + note;
    }
}
