package io.chokepoint.alerting.audit;

import io.chokepoint.platform.security.AccessRefused;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts on record a request to move an alert that was refused for the caller's roles (403): it never reaches the
 * move, whose own auditing records every other answer, but an attempt by a caller who may not move alerts is what an
 * audit of misuse looks for most. Other refusals by role (reads, subscriptions) are not moves and are not recorded.
 */
@ApplicationScoped
public class ForbiddenTransitions {

    private static final Logger LOG = Logger.getLogger(ForbiddenTransitions.class);
    private static final Pattern TRANSITIONS = Pattern.compile("^/api/v1/alerts/([^/]+)/transitions/?$");
    static final int FORBIDDEN_STATUS = 403;
    static final String MESSAGE = "Forbidden: the caller's roles do not admit moving alerts";

    private final TransitionAudit audit;

    public ForbiddenTransitions(TransitionAudit audit) {
        this.audit = audit;
    }

    /**
     * Records in a transaction of its own (the request's answer is a failure) and never throws: the refusal stands
     * whether or not it could be recorded. The roles are checked on the HTTP server's event loop, where the database
     * must not be waited on, so the record is then written on a worker thread, shortly after the 403 is answered.
     */
    void onRefused(@Observes AccessRefused refused) {
        try {
            alertId(refused.method(), refused.path()).ifPresent(alertId -> {
                TransitionAttempt attempt = TransitionAttempt.received(alertId, refused.principal(), null,
                        refused.remoteAddress() == null || refused.remoteAddress().isBlank()
                                ? RemoteAddress.UNKNOWN : refused.remoteAddress());
                Runnable record = () -> audit.refused(attempt, TransitionOutcome.FORBIDDEN, FORBIDDEN_STATUS,
                        MESSAGE);
                if (BlockingOperationControl.isBlockingAllowed()) {
                    record.run();
                } else {
                    Infrastructure.getDefaultWorkerPool().execute(record);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record the refusal of %s %s to %s", refused.method(), refused.path(),
                    refused.principal());
        }
    }

    /** The alert id of a move's path, decoded as the endpoint's path parameter is; empty for any other request. */
    static Optional<String> alertId(String method, String path) {
        if (!"POST".equalsIgnoreCase(method) || path == null) {
            return Optional.empty();
        }
        Matcher matcher = TRANSITIONS.matcher(path);
        return matcher.matches() ? Optional.of(decoded(matcher.group(1))) : Optional.empty();
    }

    private static String decoded(String segment) {
        try {
            return new URI("/" + segment).getPath().substring(1);
        } catch (URISyntaxException e) {
            // not a well-formed path segment: kept as sent, like the rest of a refused request
            return segment;
        }
    }
}
