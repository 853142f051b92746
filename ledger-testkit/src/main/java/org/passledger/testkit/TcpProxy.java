package org.passledger.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 between a client and its server, for fault tests. It passes bytes through, or delays
 * each chunk by a latency, or cuts: resets every connection and refuses new ones, or goes half-open: connections
 * stay established but no byte crosses, as when a peer vanished without a FIN. {@link #pass()} ends any of them;
 * connections that went half-open are then closed, since the peer they stood for is gone.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { PASS, LATENCY, CUT, HALF_OPEN }

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Object gate = new Object();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration latency = Duration.ZERO;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    /** Listens on a free port of 127.0.0.1 and forwards each connection to targetHost:targetPort. */
    public static TcpProxy to(String targetHost, int targetPort) throws IOException {
        return new TcpProxy(targetHost, targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void latency(Duration added) {
        latency = added;
        mode = Mode.LATENCY;
    }

    public void cut() {
        mode = Mode.CUT;
        closeAll();
    }

    public void halfOpen() {
        mode = Mode.HALF_OPEN;
    }

    /** Back to passing bytes through; what went half-open is closed (reset). */
    public void pass() {
        Mode before = mode;
        mode = Mode.PASS;
        if (before == Mode.HALF_OPEN) {
            closeAll();
        }
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeAll();
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.CUT) {
                    reset(client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                open.addAll(List.of(client, server));
                threads.submit(() -> pump(client, server));
                threads.submit(() -> pump(server, client));
            } catch (IOException e) {
                // the listener closed, or the target refused this one connection: the client sees it closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                holdWhileHalfOpen(from);
                if (mode == Mode.LATENCY) {
                    TimeUnit.MILLISECONDS.sleep(latency.toMillis()); // the injected latency itself
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed or was reset: close the other as well
        } finally {
            reset(from);
            reset(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void holdWhileHalfOpen(Socket from) throws InterruptedException {
        synchronized (gate) {
            while (mode == Mode.HALF_OPEN && !from.isClosed()) {
                gate.wait();
            }
        }
    }

    private void closeAll() {
        open.forEach(TcpProxy::reset);
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // an RST, not a FIN: the connection is gone, not ended
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
