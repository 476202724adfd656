package io.chokepoint.alerting.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed body without holding a thread while the receiver thinks: a slow or dead receiver costs an
 * open connection until the timeouts, never a thread. Every outcome, answered or not, is a result, never an
 * exception. The response body is not read (only the status counts), so a receiver cannot stall the sender by
 * answering slowly.
 */
public class WebhookSender {

    public static final String TIMESTAMP_HEADER = "X-Chokepoint-Timestamp";
    public static final String DELIVERY_HEADER = "X-Chokepoint-Delivery";
    public static final String ATTEMPT_HEADER = "X-Chokepoint-Attempt";
    public static final String EVENT_HEADER = "X-Chokepoint-Event";

    /** Slack after the request timeout for the exchange as a whole (connecting, then discarding the answer). */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public WebhookSender(Duration connectTimeout, Duration requestTimeout, Executor executor) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    /** One attempt of a delivery of {@code event}, as {@code attempt} (1 for the first), signed with the secret. */
    public CompletableFuture<AttemptResult> send(String url, String secret, String deliveryId, String event,
                                                 int attempt, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        HttpRequest request;
        try {
            request = request(url, secret, deliveryId, event, attempt, bytes, started);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new AttemptResult(started, 0, null, "bad URL: " + e.getMessage()));
        }
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        return exchange
                .orTimeout(connectTimeout.plus(requestTimeout).plus(SLACK).toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - startNanos) / 1_000_000;
                    if (failure != null) {
                        exchange.cancel(true);
                        return new AttemptResult(started, millis, null, describe(failure));
                    }
                    int status = response.statusCode();
                    return new AttemptResult(started, millis, status,
                            status >= 200 && status < 300 ? null : "answered HTTP " + status);
                });
    }

    private HttpRequest request(String url, String secret, String deliveryId, String event, int attempt,
                                byte[] body, Instant now) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "chokepoint-alerting")
                .header(WebhookSignature.HEADER, WebhookSignature.of(secret, body))
                .header(TIMESTAMP_HEADER, now.toString())
                .header(DELIVERY_HEADER, deliveryId)
                .header(ATTEMPT_HEADER, Integer.toString(attempt))
                .header(EVENT_HEADER, event)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + connectTimeout;
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no answer within " + requestTimeout;
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
