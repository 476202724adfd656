package io.chokepoint.monitor.shipment;

import io.chokepoint.monitor.errors.ErrorResponse;
import io.chokepoint.monitor.errors.FieldError;
import io.chokepoint.monitor.errors.MessageResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
    public Response shipment(@PathParam("id") String id) {
        Optional<ShipmentViews.ShipmentDetails> details = parseUuid(id).flatMap(queries::details);
        return details.map(Response::ok)
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new MessageResponse("no shipment with id " + id)))
                .build();
    }

    /** Query parameters are read as text so that a bad value gets a 400 naming it, not a bare 404. */
    @GET
    public Response shipments(@QueryParam("page") String page,
                              @QueryParam("size") String size,
                              @QueryParam("reportingAgency") String reportingAgency,
                              @QueryParam("declarationId") String declarationId,
                              @QueryParam("flagged") String flagged) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = readInt("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = readInt("size", size, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        Boolean flaggedFilter = readBoolean("flagged", flagged, errors);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new ErrorResponse(errors)).build();
        }
        var filter = new ShipmentQueries.Filter(blankToNull(reportingAgency), blankToNull(declarationId), flaggedFilter);
        return Response.ok(queries.list(filter, pageNumber, pageSize)).build();
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
