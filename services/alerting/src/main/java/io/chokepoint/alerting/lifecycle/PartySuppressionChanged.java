package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Published on {@value #TOPIC} (compacted; key {@code <entityId>|<normalizedName>}, see {@link PartyNames}) each
 * time the suppression of a party name for a sanctioned entity changes. The last record of a key is its state:
 * {@code active} true means an officer found that this name is not that entity (a false positive), and screening
 * should not match them again; false means no suppression stands any more. Several alerts may suppress the same
 * key; lifting one while another stands publishes {@code active=true} naming the one still standing.
 * <p>
 * Meant for shared-model once sanctions-registry consumes it.
 *
 * @param eventId        unique; also the CloudEvents id
 * @param key            the record key
 * @param partyName      the name as declared on the shipment
 * @param normalizedName the name as keyed
 * @param alertId        the alert whose dismissal the suppression rests on (the lifted one when inactive)
 * @param reason         the officer's words: why it is a false positive, or why the suppression was lifted
 * @param actor          who made this change
 * @param changedAt      when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartySuppressionChanged(
        String eventId,
        String key,
        String entityId,
        String partyName,
        String normalizedName,
        boolean active,
        String alertId,
        String shipmentId,
        String partyRole,
        String partyCountry,
        String reason,
        String actor,
        Instant changedAt) {

    public static final String TOPIC = "alerts.suppressions";
}
