package io.chokepoint.registry.suppressions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.alert.PartySuppressionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Parses and checks an {@code alerts.suppressions} record; anything it rejects goes to the DLQ. */
@ApplicationScoped
class SuppressionReader {

    private static final int MAX_ID = 100;

    @Inject
    ObjectMapper mapper;

    PartySuppressionChanged read(String payload) {
        if (payload.isBlank()) {
            throw new InvalidSuppressionException("empty record");
        }
        PartySuppressionChanged change;
        try {
            change = mapper.readValue(payload, PartySuppressionChanged.class);
        } catch (JsonProcessingException e) {
            throw new InvalidSuppressionException("unreadable PartySuppressionChanged: " + e.getOriginalMessage(), e);
        }
        List<String> problems = problems(change);
        if (!problems.isEmpty()) {
            throw new InvalidSuppressionException("invalid PartySuppressionChanged: " + String.join("; ", problems));
        }
        return change;
    }

    private static List<String> problems(PartySuppressionChanged c) {
        List<String> problems = new ArrayList<>();
        if (c == null) {
            problems.add("record is null");
            return problems;
        }
        if (c.eventId() == null || c.eventId().isBlank()) {
            problems.add("eventId is missing");
        } else if (c.eventId().length() > MAX_ID) {
            problems.add("eventId is longer than " + MAX_ID + " characters");
        }
        if (!isUuid(c.entityId())) {
            problems.add("entityId must be an entity id (a UUID), was " + c.entityId());
        }
        if (isBlank(c.normalizedName())) {
            problems.add("normalizedName is missing");
        } else if (c.key() == null || !c.key().equals(c.entityId() + "|" + c.normalizedName())) {
            problems.add("key must be <entityId>|<normalizedName>, was " + c.key());
        }
        if (c.changedAt() == null) {
            problems.add("changedAt is missing");
        }
        return problems;
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
