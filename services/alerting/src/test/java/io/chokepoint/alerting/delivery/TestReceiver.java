package io.chokepoint.alerting.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook receiver on a free loopback port: it records every request and answers as told (fail the first n
 * requests, always fail, or hold each request until released), the way a real subscriber misbehaves.
 */
public final class TestReceiver implements AutoCloseable {

    /** One request as received: the raw body and the headers that matter. */
    public record Received(String body, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failStatus = new AtomicInteger(500);
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>(new CountDownLatch(0));
    private final AtomicReference<String> redirect = new AtomicReference<>();

    public TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers the next {@code count} requests with 500. */
    public TestReceiver failFirst(int count) {
        failuresLeft.set(count);
        return this;
    }

    /** Answers every request with 503 until told otherwise. */
    public TestReceiver failAlways() {
        failStatus.set(503);
        failuresLeft.set(Integer.MAX_VALUE);
        return this;
    }

    public TestReceiver succeed() {
        failuresLeft.set(0);
        redirect.set(null);
        return this;
    }

    /** Answers every request with 302 and this {@code Location} until told otherwise. */
    public TestReceiver redirectTo(String location) {
        redirect.set(location);
        return this;
    }

    /** Holds every request (recorded, unanswered) until {@link #release()}, or at most a minute. */
    public TestReceiver hold() {
        hold.set(new CountDownLatch(1));
        return this;
    }

    public void release() {
        hold.get().countDown();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(body, headers));
            awaitRelease();
            String location = redirect.get();
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            int status = failuresLeft.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : Math.max(left - 1, 0))
                    > 0 ? failStatus.get() : 204;
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void awaitRelease() {
        try {
            hold.get().await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
