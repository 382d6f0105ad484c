package org.flowscore.features;

/**
 * Settings of the {@link ExtendedSchema extended features}' longer horizons. They change feature values, so a
 * model records the settings it was trained with, and scoring uses them.
 *
 * @param behaviourWindowMicros how far back the per-originator and per-responder features look
 * @param channelWindowMicros   how far back the per-channel (originator, responder, port) features look
 * @param hostEvents            at most this many of a host's latest connections count in its behaviour
 *                              window: counts clip there, and a scanner's state stays small
 * @param channelEvents         at most this many of a channel's latest connections are kept; intervals and
 *                              sizes are measured over the last {@link #DISPERSION_SPAN} of them
 * @param eventBudget           connections remembered over all hosts and channels together; beyond it the
 *                              least recently active hosts and channels are forgotten, so a flood of spoofed
 *                              sources cannot grow the heap
 */
public record ExtendedSettings(long behaviourWindowMicros, long channelWindowMicros, int hostEvents,
                               int channelEvents, int eventBudget) {

    public static final long DEFAULT_BEHAVIOUR_WINDOW_MICROS = 300_000_000L;
    public static final long DEFAULT_CHANNEL_WINDOW_MICROS = 3_600_000_000L;
    public static final int DEFAULT_HOST_EVENTS = 128;
    public static final int DEFAULT_CHANNEL_EVENTS = 64;
    public static final int DEFAULT_EVENT_BUDGET = 1 << 18;
    /** Connections a channel's interval and size dispersion are measured over. */
    public static final int DISPERSION_SPAN = 16;

    public ExtendedSettings {
        if (behaviourWindowMicros <= 0 || channelWindowMicros <= 0) {
            throw new IllegalArgumentException("the behaviour and channel windows must be positive");
        }
        if (hostEvents < 1 || hostEvents > 1 << 16 || channelEvents < DISPERSION_SPAN || channelEvents > 1 << 16) {
            throw new IllegalArgumentException("host events must be 1-65536 and channel events "
                    + DISPERSION_SPAN + "-65536");
        }
        if (eventBudget < hostEvents + channelEvents) {
            throw new IllegalArgumentException("the event budget must hold at least one host and one channel");
        }
    }

    public static ExtendedSettings defaults() {
        return new ExtendedSettings(DEFAULT_BEHAVIOUR_WINDOW_MICROS, DEFAULT_CHANNEL_WINDOW_MICROS,
                DEFAULT_HOST_EVENTS, DEFAULT_CHANNEL_EVENTS, DEFAULT_EVENT_BUDGET);
    }
}
