package io.chokepoint.alerting.stream;

import io.chokepoint.testing.Callers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client as a browser's EventSource behaves, over java.net.http: reads the stream line by line
 * on its own thread, collects events (id, event, data) and counts comment lines. Closing it drops the connection.
 */
final class SseReader implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicReference<String> retry = new AtomicReference<>();
    private final Stream<String> lines;
    private final Thread reader;

    private SseReader(Stream<String> lines) {
        this.lines = lines;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Connects with the bearer token, sending {@code Last-Event-ID} when given; returns once the answer's headers
     * are in, failing unless they say 200.
     */
    static SseReader open(URI uri, String token, String lastEventId) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header(Callers.AUTHORIZATION, Callers.bearer(token)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream answered " + response.statusCode());
            }
            return new SseReader(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} events, failing if they do not all come within the wait. */
    List<Event> take(int count, Duration wait) throws InterruptedException {
        List<Event> taken = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (taken.size() < count) {
            Event event = events.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("only " + taken.size() + " of " + count + " events within " + wait
                        + ", ids " + taken.stream().map(Event::id).toList());
            }
            taken.add(event);
        }
        return taken;
    }

    /** The next event, or null if none comes within the wait. */
    Event poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    int comments() {
        return comments.get();
    }

    String retry() {
        return retry.get();
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("retry:")) {
                    retry.set(value(line));
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(value(line));
                }
            }
        } catch (RuntimeException e) {
            // closed by the test or by the server
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
