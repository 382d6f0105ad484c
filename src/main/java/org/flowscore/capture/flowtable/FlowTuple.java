package org.flowscore.capture.flowtable;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A connection's identity regardless of direction: both (address, port) ends in a fixed order, so a packet
 * and its reply find the same entry. ICMP carries (type, counterpart type or code) as its ports, which puts an
 * echo request and its reply in one connection, as Zeek does.
 */
record FlowTuple(InetAddress lowAddress, int lowPort, InetAddress highAddress, int highPort, int ipProto) {

    static FlowTuple of(InetAddress source, int sourcePort, InetAddress destination, int destPort, int ipProto) {
        int order = Arrays.compareUnsigned(source.getAddress(), destination.getAddress());
        if (order < 0 || order == 0 && sourcePort <= destPort) {
            return new FlowTuple(source, sourcePort, destination, destPort, ipProto);
        }
        return new FlowTuple(destination, destPort, source, sourcePort, ipProto);
    }
}
