package io.chokepoint.alerting.alerts;

import io.chokepoint.platform.web.UnknownIdException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Optional;
import java.util.UUID;

/** Finds an alert named in a path and answers it with its history, its version as the ETag. */
@ApplicationScoped
public class AlertDetails {

    private final AlertViews views;
    private final StandingSuppressions suppressions;

    public AlertDetails(AlertViews views, StandingSuppressions suppressions) {
        this.views = views;
        this.suppressions = suppressions;
    }

    /** The alert, or 404 for an unknown or unreadable id. */
    public Alert find(String id) {
        return parseId(id).flatMap(uuid -> Alert.<Alert>findByIdOptional(uuid)).orElseThrow(() -> unknown(id));
    }

    /** The alert locked for a change until the transaction ends, or 404. */
    public Alert findForUpdate(String id) {
        return parseId(id).flatMap(Alert::findForUpdate).orElseThrow(() -> unknown(id));
    }

    public AlertDetail detail(Alert alert) {
        return views.toDetail(alert, AlertEvent.historyOf(alert.id), suppressions.of(alert.id).orElse(null));
    }

    /** 200 with the alert and {@code ETag: "<version>"}. */
    public RestResponse<AlertDetail> answer(Alert alert) {
        AlertDetail detail = detail(alert);
        return RestResponse.ResponseBuilder.ok(detail).tag(new EntityTag(Long.toString(detail.version()))).build();
    }

    private static UnknownIdException unknown(String id) {
        return new UnknownIdException("No alert with id " + id);
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
