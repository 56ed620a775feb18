package dev.signoff.it.outage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy the tests own between the server and its registry database, so that an outage can be
 * made without touching the machine's database: {@link #cut()} closes every connection and refuses
 * new ones (as a database that went down or a network that dropped), {@link #heal()} lets them in
 * again. One thread pair per connection; fine for a pool of a few dozen.
 */
public final class TcpProxy implements AutoCloseable {
    private static volatile TcpProxy running;

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpProxy(int port, String targetHost, int targetPort) throws IOException {
        this.listener = new ServerSocket();
        this.listener.setReuseAddress(true);
        this.listener.bind(new InetSocketAddress("127.0.0.1", port));
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread accepting = new Thread(this::accept, "tcp-proxy-" + port);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Starts the proxy of this JVM (see {@link ProxyLauncher}). */
    static synchronized TcpProxy start(int port, String targetHost, int targetPort) throws IOException {
        if (running == null) {
            running = new TcpProxy(port, targetHost, targetPort);
        }
        return running;
    }

    /** The proxy {@link ProxyLauncher} started in this JVM. */
    public static TcpProxy running() {
        if (running == null) {
            throw new IllegalStateException("no proxy runs: set signoff.it.proxy (the it-outage execution does)");
        }
        return running;
    }

    /** The database goes away: open connections are closed, new ones are refused. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** The database is back. */
    public void heal() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.close(); // refused: the driver sees the connection drop at once
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                // As the driver's own socket: without, Nagle and delayed ACKs add ~40 ms to small messages (a NOTIFY).
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // the listener closed, or the target refused: the client's connection is gone either way
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
