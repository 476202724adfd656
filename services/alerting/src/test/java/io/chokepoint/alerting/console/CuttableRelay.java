package io.chokepoint.alerting.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback between the browser and the service, so that a test can break the browser's connections
 * as a network failure would: {@link #cut()} closes every open connection and refuses new ones until
 * {@link #restore()}. The browser reaches the service through {@link #port()}.
 */
final class CuttableRelay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    CuttableRelay(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every connection through the relay, and every new one at once, until {@link #restore()}. */
    void cut() {
        cut = true;
        open.forEach(CuttableRelay::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket browser = server.accept();
                if (cut) {
                    closeQuietly(browser);
                    continue;
                }
                Socket service = new Socket();
                service.connect(target, 5000);
                open.add(browser);
                open.add(service);
                pump(browser, service);
                pump(service, browser);
            } catch (IOException e) {
                // the relay was closed, or one connection failed: the others go on
            }
        }
    }

    /** Copies one direction until either side ends; then both sockets are closed, as a dropped link would be. */
    private void pump(Socket from, Socket to) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // closed by cut() or by either side
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "relay-pump");
        pumping.setDaemon(true);
        pumping.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
