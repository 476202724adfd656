package io.chokepoint.alerting.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.chokepoint.model.alert.AlertRaised;

import java.time.Instant;

/**
 * An alert in a list or on the stream: the {@code alerts.raised} shape, as it stands, plus what a screen following
 * the review needs to order what it hears: the version (what {@code If-Match} names; a higher one is newer), when it
 * last changed and who is assigned.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertSummary(@JsonUnwrapped AlertRaised alert, long version, Instant updatedAt, String assignee) {
}
