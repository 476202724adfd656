package io.chokepoint.registry.audit;

import io.smallrye.config.ConfigMapping;

/** Settings of the audit of list changes. */
@ConfigMapping(prefix = "chokepoint.audit")
public interface AuditConfig {

    /**
     * Most problems of a refused request kept in its record, the first ones answered (a broken import file can
     * answer up to {@code chokepoint.imports.max-reported-problems}); the record says how many there were.
     */
    int maxRecordedProblems();
}
