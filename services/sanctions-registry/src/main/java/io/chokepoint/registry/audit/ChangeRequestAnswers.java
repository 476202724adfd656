package io.chokepoint.registry.audit;

import io.chokepoint.platform.web.ErrorResponse;
import io.chokepoint.platform.web.MessageResponse;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records a refused list change with what its answer says: the problems of a 400, the message of a 404, 409 or 500
 * (its reference). Runs for answers of the endpoints and of the exception mappers alike, after the change's
 * transaction has rolled back; writes in a transaction of its own before the answer leaves.
 */
public class ChangeRequestAnswers {

    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    ChangeRequestLog log;

    @ServerResponseFilter
    public void answered(ContainerResponseContext response) {
        RoutingContext routing = currentRequest.getCurrent();
        ChangeRequest request = ChangeRequests.of(routing);
        if (request == null || response.getStatus() < 400) {
            return;
        }
        if (routing.response().headWritten()) {
            // Answered while the body was read (a streamed body over the size limit): what the client got counts.
            int sent = routing.response().getStatusCode();
            request.answerBare(sent, routing.response().getStatusMessage());
            record(request, sent);
            return;
        }
        Object entity = response.getEntity();
        if (entity instanceof ErrorResponse errors) {
            request.answer(null, errors.errors());
        } else if (entity instanceof MessageResponse message) {
            request.answer(message.message(), null);
        } else {
            request.answer(response.getStatusInfo().getReasonPhrase(), null);
        }
        record(request, response.getStatus());
    }

    /** On the event loop (a request refused before its endpoint ran) the end of the answer records it instead. */
    private void record(ChangeRequest request, int status) {
        if (BlockingOperationControl.isBlockingAllowed()) {
            log.refused(request, status);
        }
    }
}
