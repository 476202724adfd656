package io.chokepoint.registry.screening;

import io.chokepoint.model.shipment.PartyIdentifier;
import io.chokepoint.platform.security.Roles;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Screens names against the listed entities: for officers and the keepers of the lists. */
@Path("/api/v1/screen")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScreenResource {

    private static final String ANY = "ANY";

    @Inject
    ScreeningService screening;
    @Inject
    ScreeningConfig config;
    @Inject
    ScreeningMetrics metrics;

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.REGISTRY_ADMIN})
    public ScreenResponse screen(ScreenRequest request) {
        Problems problems = new Problems();
        ScreeningQuery query = toQuery(problems, "", request);
        problems.throwIfAny();
        return screen(List.of(query)).get(0);
    }

    @POST
    @Path("batch")
    @RolesAllowed({Roles.OFFICER, Roles.REGISTRY_ADMIN})
    public List<ScreenResponse> screenBatch(List<ScreenRequest> requests) {
        Problems problems = new Problems();
        if (requests == null) {
            problems.add("body", "a JSON array of queries is required");
            problems.throwIfAny();
        }
        if (requests.size() > config.maxBatchSize()) {
            problems.add("body", "holds " + requests.size() + " queries, at most " + config.maxBatchSize() + " are allowed");
            problems.throwIfAny();
        }
        List<ScreeningQuery> queries = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            queries.add(toQuery(problems, "[" + i + "].", requests.get(i)));
        }
        problems.throwIfAny();
        return screen(queries);
    }

    private List<ScreenResponse> screen(List<ScreeningQuery> queries) {
        List<ScreeningOutcome> outcomes = queries.stream().map(q -> screening.screen(q, ScreeningMetrics.Mode.API))
                .toList();
        metrics.screened(ScreeningMetrics.Mode.API, outcomes);
        return outcomes.stream().map(ScreenResponse::of).toList();
    }

    private ScreeningQuery toQuery(Problems problems, String prefix, ScreenRequest request) {
        if (request == null) {
            problems.add(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "a JSON object is required");
            return null;
        }
        problems.requireText(prefix + "name", request.name(), config.maxNameLength());
        EntityType type = type(problems, prefix + "type", request.type());
        problems.checkCountry(prefix + "country", request.country());
        double threshold = request.threshold() == null ? config.alertThreshold() : request.threshold();
        if (threshold < 0 || threshold > 1) {
            problems.add(prefix + "threshold", "must be between 0 and 1");
        }
        int limit = request.limit() == null ? config.defaultLimit() : request.limit();
        if (limit < 1 || limit > config.maxLimit()) {
            problems.add(prefix + "limit", "must be between 1 and " + config.maxLimit());
        }
        List<String> identifiers = identifiers(problems, prefix + "identifiers", request.identifiers());
        String country = request.country() == null ? null : request.country().trim().toUpperCase(Locale.ROOT);
        return new ScreeningQuery(request.name(), type, country, identifiers, threshold, limit);
    }

    /** PERSON, ORGANIZATION, VESSEL, AIRCRAFT, or ANY (also when absent), which the engine knows as null. */
    private static EntityType type(Problems problems, String field, String value) {
        if (value == null || value.isBlank() || ANY.equalsIgnoreCase(value.trim())) {
            return null;
        }
        try {
            return EntityType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(field, "must be one of [PERSON, ORGANIZATION, VESSEL, AIRCRAFT, ANY], got '" + value + "'");
            return null;
        }
    }

    private List<String> identifiers(Problems problems, String field, List<PartyIdentifier> identifiers) {
        if (identifiers == null) {
            return List.of();
        }
        if (identifiers.size() > config.maxIdentifiers()) {
            problems.add(field, "holds " + identifiers.size() + " identifiers, at most " + config.maxIdentifiers()
                    + " are allowed");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            PartyIdentifier identifier = identifiers.get(i);
            String valueField = field + "[" + i + "].value";
            if (identifier == null) {
                problems.add(valueField, "is required");
            } else if (problems.requireText(valueField, identifier.value(), config.maxIdentifierLength())) {
                values.add(identifier.value());
            }
        }
        return values;
    }
}
