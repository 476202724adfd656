package io.chokepoint.alerting.subscriptions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a webhook subscription may ask for. A receiver that mirrors alerts into its own case files needs to know
 * when one is dismissed or confirmed, or when new evidence raises it; one that only opens cases needs the raise
 * alone, which is why updates are asked for, not imposed.
 */
public enum WebhookEvent {
    /** A new alert (every webhook subscription's default). */
    ALERT_RAISED("alert.raised"),
    /** A status change or new evidence on an alert already raised; assignments and notes stay in the service. */
    ALERT_UPDATED("alert.updated");

    /** What a subscription created without {@code events} receives. */
    public static final List<WebhookEvent> DEFAULT = List.of(ALERT_RAISED);

    private final String code;

    WebhookEvent(String code) {
        this.code = code;
    }

    /** As written in subscriptions, bodies ({@code event}) and the {@code X-Chokepoint-Event} header. */
    public String code() {
        return code;
    }

    public static Optional<WebhookEvent> of(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(event -> event.code.equals(wanted)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(WebhookEvent::code).toList();
    }
}
