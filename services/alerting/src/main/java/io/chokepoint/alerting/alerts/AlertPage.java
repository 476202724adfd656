package io.chokepoint.alerting.alerts;

import java.util.List;

/** One page of an alert search, newest first, with the number of alerts matching in all. */
public record AlertPage(List<AlertSummary> items, long total, int page, int size) {
}
