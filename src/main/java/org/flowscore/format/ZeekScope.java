package org.flowscore.format;

/**
 * Zeek names a field of a nested record by joining the scopes with {@code Log::default_scope_sep}: {@code .}
 * by default ({@code id.orig_h}), {@code _} on sensors configured for stores that dislike dots ({@code id_orig_h}).
 * Only the connection's {@code id} record is nested in conn.log, so the separator is whatever stands between
 * {@code id} and {@code orig_h} in the first such key an input carries; a configured one is never guessed.
 */
final class ZeekScope {
    private static final String ID = "id";
    private static final String[] ID_MEMBERS = {"orig_h", "orig_p", "resp_h", "resp_p"};

    private final boolean configured;
    private String separator;

    /** @param separator the configured separator, or null to learn it from the first record */
    ZeekScope(String separator) {
        this.configured = separator != null;
        this.separator = separator;
    }

    /** The separator in use: configured, detected, or {@code .} while nothing told otherwise. */
    String separator() {
        return separator == null ? "." : separator;
    }

    /**
     * The flat field for a root key, learning the separator from the first {@code id} member seen; null when
     * flowscore does not use the key.
     */
    ZeekConnField field(String key) {
        if (key.length() > ID.length() + 6 && key.startsWith(ID)) {
            String member = idMember(key);
            if (member != null) {
                String sep = key.substring(ID.length(), key.length() - member.length());
                if (separator == null && !configured) {
                    separator = sep;
                }
                return sep.equals(separator) ? ZeekConnField.byName("id." + member) : null;
            }
        }
        return ZeekConnField.byName(key);
    }

    /** The field for a member of a nested {@code "id": {...}} object, which no separator joins. */
    static ZeekConnField idField(String member) {
        return ZeekConnField.byName("id." + member);
    }

    /** The name the record must use for an {@code id} member, for messages: {@code id_orig_h}. */
    String nameOf(ZeekConnField field) {
        String name = field.zeekName();
        return name.startsWith("id.") ? ID + separator() + name.substring(3) : name;
    }

    private static String idMember(String key) {
        for (String member : ID_MEMBERS) {
            if (key.endsWith(member)) {
                return member;
            }
        }
        return null;
    }
}
