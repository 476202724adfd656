package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.shipment.EventChannel;
import io.chokepoint.platform.security.Caller;
import io.chokepoint.platform.security.Roles;
import io.chokepoint.platform.web.ErrorResponse;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.MessageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * Partner agencies push shipment events here, each its own agency's only ({@link AgencyScope}), and only for
 * shipments their agency owns unless they are movement reports, under eventIds no other agency's event holds
 * ({@link AgencyRefusals}). Bodies are taken as text and read by the service itself, so that malformed JSON and wrong
 * types are answered in the same 400 shape as validation problems, with every problem.
 */
@Path("/api/v1/shipments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentIngestResource {

    private static final int TOO_MANY_REQUESTS = 429;

    @Inject
    IngestionService ingestion;

    @Inject
    IngestConfig config;

    @Inject
    Caller caller;

    @Inject
    PartnerEventRate eventRate;

    @POST
    @RolesAllowed(Roles.PARTNER)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ShipmentEvent.class)))
    public Response submit(String body) {
        AgencyScope scope = AgencyScope.of(caller);
        OptionalLong wait = eventRate.admit(scope.agency(), 1);
        if (wait.isPresent()) {
            return tooManyEvents(scope, 1, wait.getAsLong());
        }
        IngestOutcome outcome = ingestion.ingest(body, EventChannel.REST, scope);
        return switch (outcome.status()) {
            case ACCEPTED -> Response.accepted(IngestViews.Receipt.of(outcome)).build();
            case DUPLICATE -> Response.ok(IngestViews.Receipt.of(outcome)).build();
            case REJECTED -> badRequest(outcome.errors());
            case REFUSED -> throw AgencyRefusals.of(outcome.refusal());
        };
    }

    @POST
    @Path("batch")
    @RolesAllowed(Roles.PARTNER)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ShipmentEvent.class)))
    public Response submitBatch(String body) {
        AgencyScope scope = AgencyScope.of(caller);
        ShipmentEventReader.Document document = ingestion.reader().parse(body);
        if (!document.isReadable()) {
            ingestion.refusedUnreadable(EventChannel.REST);
            return badRequest(List.of(document.syntaxError()));
        }
        JsonNode root = document.root();
        if (!root.isArray() || root.isEmpty()) {
            return badRequest(List.of(new FieldError(FieldError.BODY, "expected a non-empty JSON array of shipment events")));
        }
        if (root.size() > config.batchMaxSize()) {
            return badRequest(List.of(new FieldError(FieldError.BODY,
                    "a batch holds at most " + config.batchMaxSize() + " events; this one has " + root.size())));
        }
        OptionalLong wait = eventRate.admit(scope.agency(), root.size());
        if (wait.isPresent()) {
            return tooManyEvents(scope, root.size(), wait.getAsLong());
        }
        List<JsonNode> events = new ArrayList<>();
        root.forEach(events::add);
        List<IngestOutcome> outcomes = ingestion.ingestAll(events, EventChannel.REST_BATCH, scope);
        List<IngestViews.BatchItem> results = IntStream.range(0, outcomes.size())
                .mapToObj(i -> IngestViews.BatchItem.of(i, outcomes.get(i)))
                .toList();
        return Response.ok(new IngestViews.BatchReceipt(count(outcomes, IngestStatus.ACCEPTED),
                count(outcomes, IngestStatus.DUPLICATE), count(outcomes, IngestStatus.REJECTED), results)).build();
    }

    private static int count(List<IngestOutcome> outcomes, IngestStatus status) {
        return (int) outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }

    /** Nothing of the request was read past its size: the partner sends it whole again after the wait. */
    private Response tooManyEvents(AgencyScope scope, int events, long retryAfter) {
        ingestion.refusedOverRate(scope.agency(), events);
        return Response.status(TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, retryAfter)
                .entity(new MessageResponse(eventRate.refusal(scope.agency(), retryAfter))).build();
    }

    private static Response badRequest(List<FieldError> errors) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new ErrorResponse(errors)).build();
    }
}
