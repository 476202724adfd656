package io.chokepoint.monitor.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what partners may submit. */
@ConfigMapping(prefix = "chokepoint.ingest")
public interface IngestConfig {

    /** Most events one {@code POST /api/v1/shipments/batch} may carry; a larger batch is refused whole. */
    @WithDefault("1000")
    int batchMaxSize();

    /** How many events each partner agency may push over REST, whatever the number of requests they come in. */
    EventRate eventRate();

    /**
     * How many times an event is tried when a concurrent writer wins a unique-key race (same eventId, or the first
     * events of one declaration): the retry sees the winner's row and answers duplicate or updates its shipment.
     */
    @WithDefault("3")
    int raceAttempts();

    /**
     * Most distinct reporting agencies named in the {@code agency} tag of the ingestion metrics; agencies seen after
     * that many are counted as {@code other}, so that a partner inventing codes cannot multiply the series.
     */
    @WithDefault("50")
    int agencyTagLimit();

    /**
     * Longest text accepted in each free-text field of an event, in characters; a longer one is refused (400, or the
     * dead-letter topic) naming the field and the limit. {@code eventId} is capped by the contract at 64.
     */
    MaxLength maxLength();

    /** Most goods lines in one event. */
    @WithDefault("999")
    int maxGoodsLines();

    /** Most identifiers of one party. */
    @WithDefault("20")
    int maxIdentifiers();

    /** Most transshipment ports on one route. */
    @WithDefault("20")
    int maxTransshipmentPorts();

    /** Most characters (Unicode code points) of each free-text field. */
    interface MaxLength {

        /** {@code declarationId}, the partner's own reference. */
        @WithDefault("128")
        int declarationId();

        /** {@code reportingAgency}, a code such as {@code CN-GACC}. */
        @WithDefault("64")
        int reportingAgency();

        /** A party's {@code name}. */
        @WithDefault("256")
        int partyName();

        /** A party's {@code address}. */
        @WithDefault("512")
        int partyAddress();

        /** An identifier's {@code scheme} ({@code USCI}, {@code RFC}). */
        @WithDefault("64")
        int identifierScheme();

        /** An identifier's {@code value}. */
        @WithDefault("128")
        int identifierValue();

        /** A goods line's {@code description}. */
        @WithDefault("1024")
        int goodsDescription();

        /** A goods line's {@code unit} ({@code KG}, {@code PCS}). */
        @WithDefault("32")
        int unit();

        /** The route's {@code modeOfTransport}. */
        @WithDefault("32")
        int modeOfTransport();

        /** The codes checked by their form, {@code hsCode}, {@code casNumber} and {@code vesselImo}, spaces included. */
        @WithDefault("32")
        int code();
    }

    /**
     * A token bucket per agency (the token's {@code agency} claim), one token per event: a batch of 1000 spends
     * 1000. Over it, 429 with {@code Retry-After}, and nothing of the request is taken.
     */
    interface EventRate {

        /** Whether events are counted per agency and refused over the limit. */
        @WithDefault("true")
        boolean enabled();

        /** Events per second an agency may keep up. */
        @WithDefault("5000")
        double eventsPerSecond();

        /** Events an agency may push at once after a quiet spell; at least {@code batch-max-size}. */
        @WithDefault("20000")
        int burst();

        /** Most agencies tracked at once (the quiet ones are forgotten first; they lose nothing). */
        @WithDefault("1000")
        int maxAgencies();
    }
}
