package org.flowscore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in front of a real server that can be shut: while shut, connections are refused and
 * open ones are cut, as when the server is down, but the server itself keeps running (an outage in
 * milliseconds rather than a 15 s restart).
 */
public final class TcpGate implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    private TcpGate(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** An open gate to the server at {@code url} (http, host and port). */
    public static TcpGate to(String url) throws IOException {
        URI uri = URI.create(url);
        return new TcpGate(new InetSocketAddress(uri.getHost(), uri.getPort()));
    }

    /** The server's URL through the gate. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Refuses new connections and cuts the open ones. */
    public synchronized void shut() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void open() throws IOException {
        if (listener == null) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public void close() throws IOException {
        shut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        return s;
    }

    private void accept(ServerSocket server) {
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    forward(server.accept());
                }
            } catch (IOException e) {
                // The listener was closed: the gate is shut.
            }
        });
    }

    private void forward(Socket client) {
        sockets.add(client);
        try {
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            sockets.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        } catch (IOException serverRefused) {
            // As the server itself would: this connection fails, the gate stays open for the next.
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // Cut by shut() or closed by either end.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private void closeQuietly(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
