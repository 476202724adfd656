package io.chokepoint.monitor.shipment;

import io.chokepoint.monitor.codes.CountryCode;
import io.chokepoint.platform.security.Caller;
import io.chokepoint.platform.security.Roles;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.platform.web.UnknownIdException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Shipments, their event history and their latest assessment: all of them for an officer, for a partner those its
 * agency reported an event of ({@link ReadScope}).
 */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    private static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

    @Inject
    ShipmentQueries queries;

    @Inject
    ShipmentQueryConfig config;

    @Inject
    Caller caller;

    /** A shipment its agency reported no event of answers a partner exactly as an unknown id does. */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER})
    public ShipmentViews.ShipmentDetails shipment(@PathParam("id") String id) {
        ReadScope scope = ReadScope.of(caller);
        return parseUuid(id).flatMap(shipmentId -> queries.details(shipmentId, scope))
                .orElseThrow(() -> new UnknownIdException("no shipment with id " + id));
    }

    /**
     * Query parameters are read as text so that a bad value gets a 400 naming it, not a bare 404. {@code from} and
     * {@code to} take an ISO-8601 instant ({@code 2026-11-28T10:15:00Z}) or a date; {@code from} is inclusive,
     * {@code to} exclusive for an instant and inclusive of the whole day for a date (UTC). A partner's list holds the
     * shipments its agency reported an event of; {@code reportingAgency} (the owner) may name its own agency only,
     * another is a 403 (after the 400 for bad parameters).
     */
    @GET
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER})
    public ShipmentViews.ShipmentPage shipments(@QueryParam("page") String page,
                                                @QueryParam("size") String size,
                                                @QueryParam("reportingAgency") String reportingAgency,
                                                @QueryParam("declarationId") String declarationId,
                                                @QueryParam("flagged") String flagged,
                                                @QueryParam("country") String country,
                                                @QueryParam("substance") String substance,
                                                @QueryParam("from") String from,
                                                @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = readInt("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = readInt("size", size, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        Boolean flaggedFilter = readBoolean("flagged", flagged, errors);
        String countryFilter = readCountry(country, errors);
        String substanceFilter = readItemCode(substance, errors);
        Instant fromFilter = readMoment("from", from, false, errors);
        Instant toFilter = readMoment("to", to, true, errors);
        if (fromFilter != null && toFilter != null && !fromFilter.isBefore(toFilter)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ReadScope scope = ReadScope.of(caller);
        String agencyFilter = scope.listFilter(blankToNull(reportingAgency));
        var filter = new ShipmentQueries.Filter(agencyFilter, blankToNull(declarationId),
                flaggedFilter, countryFilter, substanceFilter, fromFilter, toFilter);
        return queries.list(filter, scope, pageNumber, pageSize);
    }

    private static String readCountry(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String country = text.trim().toUpperCase(Locale.ROOT);
        if (!CountryCode.isValid(country)) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 country code such as MX"));
            return null;
        }
        return country;
    }

    private static String readItemCode(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        if (!ITEM_CODE.matcher(code).matches()) {
            errors.add(new FieldError("substance", "must be a catalog item code such as NPP (see GET /api/v1/catalog)"));
            return null;
        }
        return code;
    }

    /** An instant, an instant with an offset, or a date: its start, or for an end the start of the next day. */
    private static Instant readMoment(String name, String text, boolean end, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-11-28T10:15:00Z or a date"
                        + " such as 2026-11-28"));
                return null;
            }
        }
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
