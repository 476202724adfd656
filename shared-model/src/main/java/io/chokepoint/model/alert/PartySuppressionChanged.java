package io.chokepoint.model.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.model.Topics;

import java.time.Instant;

/**
 * Published on {@value #TOPIC} (compacted; key {@code <entityId>|<normalizedName>}) each
 * time the suppression of a party name for a sanctioned entity changes. The last record of a key is its state:
 * {@code active} true means an officer found that this name is not that entity (a false positive), and screening
 * should not match them again; false means no suppression stands any more. Several alerts may suppress the same
 * key; lifting one while another stands publishes {@code active=true} naming the one still standing.
 * <p>
 * The normalised name is the declared name decomposed (NFKD), without accents, in lower case, with each run of
 * characters other than letters and digits turned into one space, trimmed; consumers key their lookups the same way.
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

    public static final String TOPIC = Topics.ALERTS_SUPPRESSIONS;
}
