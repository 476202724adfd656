package io.chokepoint.alerting.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.platform.messaging.InvalidEventException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Parses consumed JSON into the shared events and rejects those the rules could not work with. */
@Singleton
public class EventReader {

    private static final int MAX_ID_LENGTH = 128;

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ShipmentAssessed assessment(String json) {
        ShipmentAssessed event = parse(json, ShipmentAssessed.class);
        List<String> problems = new ArrayList<>();
        requireId(problems, "eventId", event.eventId());
        requireId(problems, "shipmentId", event.shipmentId());
        requireRevision(problems, event.revision());
        if (event.goods() == null) {
            problems.add("goods is missing");
        } else {
            for (int i = 0; i < event.goods().size(); i++) {
                AssessedGoodsLine line = event.goods().get(i);
                if (line == null) {
                    problems.add("goods[" + i + "] is null");
                } else if (line.classification() != null && line.classification().category() == null) {
                    problems.add("goods[" + i + "].classification.category is missing");
                }
            }
        }
        return valid(event, problems);
    }

    public ScreeningResult screeningResult(String json) {
        ScreeningResult event = parse(json, ScreeningResult.class);
        List<String> problems = new ArrayList<>();
        requireId(problems, "eventId", event.eventId());
        requireId(problems, "shipmentId", event.shipmentId());
        requireRevision(problems, event.revision());
        if (event.parties() == null) {
            problems.add("parties is missing");
        } else {
            for (int i = 0; i < event.parties().size(); i++) {
                checkParty(problems, "parties[" + i + "]", event.parties().get(i));
            }
        }
        return valid(event, problems);
    }

    private static void checkParty(List<String> problems, String path, PartyScreening party) {
        if (party == null) {
            problems.add(path + " is null");
            return;
        }
        if (party.role() == null) {
            problems.add(path + ".role is missing");
        }
        List<Match> matches = party.matches() == null ? List.of() : party.matches();
        for (int j = 0; j < matches.size(); j++) {
            Match match = matches.get(j);
            String matchPath = path + ".matches[" + j + "]";
            if (match == null) {
                problems.add(matchPath + " is null");
                continue;
            }
            requireId(problems, matchPath + ".entityId", match.entityId());
            if (match.score() < 0 || match.score() > 1) {
                problems.add(matchPath + ".score must be between 0 and 1");
            }
        }
    }

    private <T> T parse(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("Empty " + type.getSimpleName() + " record");
        }
        try {
            T event = mapper.readValue(json, type);
            if (event == null) {
                throw new InvalidEventException("Empty " + type.getSimpleName() + " record");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("Unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void requireId(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        } else if (value.length() > MAX_ID_LENGTH) {
            problems.add(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static void requireRevision(List<String> problems, int revision) {
        if (revision < 0) {
            problems.add("revision must not be negative");
        }
    }

    private static <T> T valid(T event, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidEventException(event.getClass().getSimpleName(), problems);
        }
        return event;
    }
}
