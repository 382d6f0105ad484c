package org.flowscore.model;

import java.io.ObjectInputFilter;

/**
 * The allow-list {@code model.ser} is read through. A Smile model is made of {@code smile.*} classes, boxed
 * numbers, strings, collections and arrays; anything else in the stream (a gadget class, a URL, one of our
 * own classes) is rejected as soon as the stream names it: the class may be looked up, but it is never
 * initialised, instantiated or given its {@code readObject}. The limits bound what a crafted stream can make
 * the reader allocate.
 */
final class ModelInputFilter implements ObjectInputFilter {
    static final int MAX_DEPTH = 2_000;
    static final long MAX_REFERENCES = 50_000_000L;
    static final long MAX_BYTES = 1L << 30;
    static final long MAX_ARRAY = 100_000_000L;

    /** Packages without {@code **} match that package only, not its subpackages ({@code java.lang.invoke}, …). */
    static final String PATTERN = "maxdepth=" + MAX_DEPTH + ";maxrefs=" + MAX_REFERENCES + ";maxbytes=" + MAX_BYTES
            + ";maxarray=" + MAX_ARRAY + ";smile.**;java.lang.*;java.util.*;java.math.*;java.time.*;!*";

    private static final ObjectInputFilter ALLOW_LIST = ObjectInputFilter.Config.createFilter(PATTERN);

    private String rejection;

    @Override
    public Status checkInput(FilterInfo info) {
        Status status = ALLOW_LIST.checkInput(info);
        if (status == Status.REJECTED && rejection == null) {
            rejection = describe(info);
        }
        return status;
    }

    /** What the first rejection was about, or null when nothing was rejected. */
    String rejection() {
        return rejection;
    }

    private static String describe(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return "objects nested " + info.depth() + " deep (at most " + MAX_DEPTH + " are allowed)";
        }
        if (info.references() > MAX_REFERENCES) {
            return "more than " + MAX_REFERENCES + " object references";
        }
        if (info.streamBytes() > MAX_BYTES) {
            return "more than " + MAX_BYTES + " bytes";
        }
        if (info.arrayLength() > MAX_ARRAY) {
            return "an array of " + info.arrayLength() + " elements (at most " + MAX_ARRAY + " are allowed)";
        }
        Class<?> type = info.serialClass();
        while (type != null && type.isArray()) {
            type = type.getComponentType();
        }
        return type == null ? "data the reader refused"
                : "class " + type.getName() + ", which is not part of a Smile model";
    }
}
