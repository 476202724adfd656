package io.chokepoint.monitor.ingest;

import io.chokepoint.platform.limits.ClientBuckets;
import io.chokepoint.platform.limits.Rate;
import io.chokepoint.platform.limits.RateLimitFilter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;

/**
 * The events each partner agency may push over REST ({@link IngestConfig.EventRate}). The platform's request limit
 * counts requests, which a batch of 1000 events passes as easily as one: this counts the events. Agencies, not
 * principals: several integrations of one agency share its allowance.
 */
@ApplicationScoped
public class PartnerEventRate {

    private final IngestConfig.EventRate config;
    private final ClientBuckets buckets;

    PartnerEventRate(IngestConfig config) {
        this.config = config.eventRate();
        if (this.config.burst() < config.batchMaxSize()) {
            throw new IllegalArgumentException("chokepoint.ingest.event-rate.burst (" + this.config.burst()
                    + ") must be at least chokepoint.ingest.batch-max-size (" + config.batchMaxSize()
                    + "), or a full batch could never pass");
        }
        this.buckets = new ClientBuckets(new Rate(this.config.eventsPerSecond(), this.config.burst()),
                this.config.maxAgencies(), System::nanoTime);
    }

    /**
     * Spends the agency's allowance for that many events.
     *
     * @return empty when they may be taken, else the whole seconds to wait before trying again
     */
    public OptionalLong admit(String agency, int events) {
        if (!config.enabled()) {
            return OptionalLong.empty();
        }
        long wait = buckets.acquire(agency, events);
        return wait == 0 ? OptionalLong.empty() : OptionalLong.of(RateLimitFilter.retryAfterSeconds(wait));
    }

    /** The 429 message: the limit, and when to come back. */
    public String refusal(String agency, long retryAfter) {
        return "Too many events: the limit for agency " + agency + " is " + buckets.rate().describe("events")
                + "; retry after " + retryAfter + " s";
    }
}
