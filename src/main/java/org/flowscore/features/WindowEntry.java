package org.flowscore.features;

import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;

/**
 * A connection on its way through the reorder buffer into the windows, with what its features need. Lives
 * only until the connection is released; the windows copy the few fields they keep.
 */
final class WindowEntry {
    /** Arrival number: breaks ties between equal end times, so the order never depends on anything else. */
    final long sequence;
    /** End time the windows use; a late connection is moved up to the latest end already processed. */
    long end;
    final Connection connection;
    /** Whom to tell once the connection's outputs stored it; null for a warm-up connection, never emitted. */
    final Acknowledgement ack;
    /** Destination address: the "host" of KDD's host features. */
    final String host;
    final String sourceHost;
    final int service;
    final int sourcePort;
    final int flag;
    final boolean serror;
    final boolean rerror;

    // The connection's own features, taken while the freshly parsed record is still in the CPU cache: by
    // the time a full reorder buffer releases it, it is not.
    final long durationSeconds;
    final int protocolType;
    final long sourceBytes;
    final long destinationBytes;
    final boolean land;
    final int urgent;
    final boolean loggedIn;

    WindowEntry(long sequence, Connection connection, Acknowledgement ack, int service, int flag) {
        this.sequence = sequence;
        this.connection = connection;
        this.ack = ack;
        this.end = connection.endMicros();
        this.host = connection.key().destinationIp();
        this.sourceHost = connection.key().sourceIp();
        this.service = service;
        this.sourcePort = connection.key().sourcePort();
        this.flag = flag;
        this.serror = KddFlag.isSerror(flag);
        this.rerror = KddFlag.isRerror(flag);
        this.durationSeconds = connection.durationMicros() / 1_000_000;
        this.protocolType = ConnectionFeatures.protocolType(connection.transport());
        this.sourceBytes = connection.orig().payloadBytes();
        this.destinationBytes = connection.resp().payloadBytes();
        this.land = ConnectionFeatures.land(connection.key());
        this.urgent = connection.urgentPackets();
        this.loggedIn = ConnectionFeatures.loggedIn(connection, flag);
    }
}
