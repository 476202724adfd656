package io.chokepoint.alerting.delivery;

import io.chokepoint.alerting.targets.WebhookTargets;
import org.jboss.logging.Logger;

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
 * <p>
 * Before each attempt the URL is checked again against the {@link WebhookTargets} rules (a name may resolve
 * elsewhere than when the subscription was made); a refused target is a failed attempt with the reason, and
 * nothing is sent. Redirects are never followed: a receiver could otherwise point the service at any address
 * after the check. A 3xx answer is a failure naming its {@code Location}.
 */
public class WebhookSender {

    public static final String TIMESTAMP_HEADER = "X-Chokepoint-Timestamp";
    public static final String DELIVERY_HEADER = "X-Chokepoint-Delivery";
    public static final String ATTEMPT_HEADER = "X-Chokepoint-Attempt";
    public static final String EVENT_HEADER = "X-Chokepoint-Event";

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    /** Slack after the request timeout for the exchange as a whole (connecting, then discarding the answer). */
    private static final Duration SLACK = Duration.ofSeconds(5);
    /** Longest part of a receiver's Location header kept in an attempt's error and the log. */
    private static final int MAX_LOCATION = 300;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Executor executor;
    private final WebhookTargets targets;

    public WebhookSender(Duration connectTimeout, Duration requestTimeout, Executor executor, WebhookTargets targets) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Never the JVM's proxy settings: a proxy resolves and connects on its own, past the target check.
                .proxy(HttpClient.Builder.NO_PROXY)
                .executor(executor)
                .build();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.executor = executor;
        this.targets = targets;
    }

    /**
     * One attempt of a delivery of {@code event}, as {@code attempt} (1 for the first), signed with the secret.
     * The target is checked on the executor: resolving its name may wait on a name server.
     */
    public CompletableFuture<AttemptResult> send(String url, String secret, String deliveryId, String event,
                                                 int attempt, String body) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> targets.refusalForDelivery(url), executor)
                .thenCompose(refusal -> refusal.isEmpty()
                        ? exchange(url, secret, deliveryId, event, attempt, body, started, startNanos)
                        : CompletableFuture.completedFuture(new AttemptResult(started, millisSince(startNanos), null,
                        "not sent: " + refusal.get())))
                .exceptionally(failure -> new AttemptResult(started, millisSince(startNanos), null,
                        describe(failure)));
    }

    private CompletableFuture<AttemptResult> exchange(String url, String secret, String deliveryId, String event,
                                                      int attempt, String body, Instant started, long startNanos) {
        HttpRequest request;
        try {
            request = request(url, secret, deliveryId, event, attempt, body.getBytes(StandardCharsets.UTF_8),
                    started);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new AttemptResult(started, 0, null, "bad URL: " + e.getMessage()));
        }
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        return exchange
                .orTimeout(connectTimeout.plus(requestTimeout).plus(SLACK).toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long millis = millisSince(startNanos);
                    if (failure != null) {
                        exchange.cancel(true);
                        return new AttemptResult(started, millis, null, describe(failure));
                    }
                    return answered(response, deliveryId, started, millis);
                });
    }

    private static AttemptResult answered(HttpResponse<Void> response, String deliveryId, Instant started,
                                          long millis) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new AttemptResult(started, millis, status, null);
        }
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").map(WebhookSender::printable)
                    .orElse("(no Location)");
            LOG.warnf("Webhook delivery %s: the receiver answered HTTP %d redirecting to %s; redirects are not "
                    + "followed, the attempt failed", deliveryId, status, location);
            return new AttemptResult(started, millis, status,
                    "answered HTTP " + status + " redirecting to " + location + "; redirects are not followed");
        }
        return new AttemptResult(started, millis, status, "answered HTTP " + status);
    }

    /** A receiver's header as it may be logged: no control characters, not longer than {@value #MAX_LOCATION}. */
    private static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_LOCATION ? clean : clean.substring(0, MAX_LOCATION) + "...";
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
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
