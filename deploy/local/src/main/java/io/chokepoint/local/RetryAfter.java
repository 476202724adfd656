package io.chokepoint.local;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a request again when a service answers 429 (its per-client rate limit), after the {@code Retry-After} it
 * names, a bounded number of times; the last answer, whatever it is, goes to the caller.
 */
public final class RetryAfter {

    /** How the wait is spent; the real one sleeps. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration wait) throws InterruptedException;
    }

    static final int TOO_MANY_REQUESTS = 429;
    static final int MAX_RETRIES = 10;
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final Pause pause;

    public RetryAfter(HttpClient http) {
        this(http, wait -> Thread.sleep(wait.toMillis()));
    }

    RetryAfter(HttpClient http, Pause pause) {
        this.http = http;
        this.pause = pause;
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int retry = 1; retry <= MAX_RETRIES && response.statusCode() == TOO_MANY_REQUESTS; retry++) {
            pause.pause(waitOf(response));
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    /** Whole seconds, as the services send it; a date or nothing waits a second; never more than a minute. */
    static Duration waitOf(HttpResponse<?> response) {
        try {
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("").trim());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
    }
}
