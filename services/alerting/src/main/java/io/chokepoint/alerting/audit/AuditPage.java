package io.chokepoint.alerting.audit;

import java.util.List;

/** One page of audit records, newest first, with the number matching in all. */
public record AuditPage(List<AuditView> items, long total, int page, int size) {
}
