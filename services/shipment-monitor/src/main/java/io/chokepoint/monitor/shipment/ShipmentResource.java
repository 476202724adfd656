package io.chokepoint.monitor.shipment;

import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.platform.web.UnknownIdException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Shipments, their event history and their latest assessment. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    @Inject
    ShipmentQueries queries;

    @Inject
    ShipmentQueryConfig config;

    @GET
    @Path("{id}")
    public ShipmentViews.ShipmentDetails shipment(@PathParam("id") String id) {
        return parseUuid(id).flatMap(queries::details)
                .orElseThrow(() -> new UnknownIdException("no shipment with id " + id));
    }

    /** Query parameters are read as text so that a bad value gets a 400 naming it, not a bare 404. */
    @GET
    public ShipmentViews.ShipmentPage shipments(@QueryParam("page") String page,
                                                @QueryParam("size") String size,
                                                @QueryParam("reportingAgency") String reportingAgency,
                                                @QueryParam("declarationId") String declarationId,
                                                @QueryParam("flagged") String flagged) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = readInt("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = readInt("size", size, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        Boolean flaggedFilter = readBoolean("flagged", flagged, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        var filter = new ShipmentQueries.Filter(blankToNull(reportingAgency), blankToNull(declarationId), flaggedFilter);
        return queries.list(filter, pageNumber, pageSize);
    }

    private static int readInt(String name, String text, int fallback, int min, int max, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static Boolean readBoolean(String name, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        errors.add(new FieldError(name, "must be true or false"));
        return null;
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
