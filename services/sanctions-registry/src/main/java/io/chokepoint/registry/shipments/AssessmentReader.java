package io.chokepoint.registry.shipments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.ShipmentAssessed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Parses and checks a {@code shipments.assessed} record; anything it rejects goes to the DLQ. */
@ApplicationScoped
class AssessmentReader {

    private static final int MAX_ID = 100;

    @Inject
    ObjectMapper mapper;

    ShipmentAssessed read(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidAssessmentException("empty record");
        }
        ShipmentAssessed assessment;
        try {
            assessment = mapper.readValue(payload, ShipmentAssessed.class);
        } catch (JsonProcessingException e) {
            throw new InvalidAssessmentException("unreadable ShipmentAssessed: " + e.getOriginalMessage(), e);
        }
        List<String> problems = problems(assessment);
        if (!problems.isEmpty()) {
            throw new InvalidAssessmentException("invalid ShipmentAssessed: " + String.join("; ", problems));
        }
        return assessment;
    }

    private static List<String> problems(ShipmentAssessed a) {
        List<String> problems = new ArrayList<>();
        if (a == null) {
            problems.add("record is null");
            return problems;
        }
        requireId(problems, "eventId", a.eventId());
        requireId(problems, "shipmentId", a.shipmentId());
        if (a.parties() == null || a.parties().isEmpty()) {
            problems.add("parties is empty");
            return problems;
        }
        for (int i = 0; i < a.parties().size(); i++) {
            AssessedParty party = a.parties().get(i);
            if (party == null) {
                problems.add("parties[" + i + "] is null");
            } else {
                if (party.role() == null) {
                    problems.add("parties[" + i + "].role is missing");
                }
                if (party.name() == null || party.name().isBlank()) {
                    problems.add("parties[" + i + "].name is missing");
                }
            }
        }
        return problems;
    }

    private static void requireId(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        } else if (value.length() > MAX_ID) {
            problems.add(field + " is longer than " + MAX_ID + " characters");
        }
    }
}
