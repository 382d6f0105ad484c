package org.flowscore.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.ServiceTable;
import picocli.CommandLine.Option;

/** How the features are computed; a model records the settings it was trained with. */
final class FeatureOptions {

    @Option(names = "--traffic-window", paramLabel = "SECONDS",
            description = "Length of the time window for count, srv_count and their rates (default: 2, as NSL-KDD).")
    double trafficWindowSeconds = FeatureSettings.DEFAULT_TRAFFIC_WINDOW_MICROS / 1e6;

    @Option(names = "--host-window", paramLabel = "N",
            description = "Connections in the window for the dst_host_* features (default: 100, as NSL-KDD).")
    int hostWindow = FeatureSettings.DEFAULT_HOST_WINDOW_SIZE;

    @Option(names = "--max-lateness", paramLabel = "SECONDS",
            description = "How far behind the latest connection another may arrive and still be put in end-time order"
                    + " before the windows see it (default: 0.5, so that tail stays within seconds of the log; 65"
                    + " puts nearly every UDP and ICMP connection, which Zeek logs only after its 60-second"
                    + " inactivity timeout, back in order). Later arrivals are still scored, against the window as it"
                    + " is then. At most 65,536 connections are held, whatever this says. A model keeps the value it"
                    + " was trained with, and score, backfill and tail use it.")
    double maxLatenessSeconds = FeatureSettings.DEFAULT_MAX_LATENESS_MICROS / 1e6;

    @Option(names = "--private-port-max", paramLabel = "PORT",
            description = "Unlisted responder ports up to this are service 'private', above it 'other' (default:"
                    + " 1023).")
    int privatePortMax = FeatureSettings.DEFAULT_PRIVATE_PORT_MAX;

    @Option(names = "--behaviour-window", paramLabel = "SECONDS",
            description = "How far back the extended features look at each originator's and responder's behaviour:"
                    + " distinct peers and ports, failed share (default: 300).")
    double behaviourWindowSeconds = ExtendedSettings.DEFAULT_BEHAVIOUR_WINDOW_MICROS / 1e6;

    @Option(names = "--channel-window", paramLabel = "SECONDS",
            description = "How far back the extended features look at each channel (originator, responder, port):"
                    + " connections and the regularity of their intervals and sizes (default: 3600).")
    double channelWindowSeconds = ExtendedSettings.DEFAULT_CHANNEL_WINDOW_MICROS / 1e6;

    @Option(names = "--services", paramLabel = "FILE",
            description = "Your own port-to-service table, in the format of mappings/services.tsv.")
    Path services;

    FeatureSettings settings() {
        try {
            return FeatureSettings.defaults()
                    .withTrafficWindowMicros(Math.round(trafficWindowSeconds * 1e6))
                    .withHostWindowSize(hostWindow)
                    .withMaxLatenessMicros(Math.round(maxLatenessSeconds * 1e6))
                    .withPrivatePortMax(privatePortMax);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    ExtendedSettings extendedSettings() {
        try {
            ExtendedSettings d = ExtendedSettings.defaults();
            return new ExtendedSettings(Math.round(behaviourWindowSeconds * 1e6), Math.round(channelWindowSeconds * 1e6),
                    d.hostEvents(), d.channelEvents(), d.eventBudget());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    ServiceTable serviceTable() {
        if (services == null) {
            return ServiceTable.bundled();
        }
        try {
            return ServiceTable.load(services);
        } catch (IOException e) {
            throw new UserFacingException("--services " + services + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--services " + services + ": " + e.getMessage(), e);
        }
    }
}
