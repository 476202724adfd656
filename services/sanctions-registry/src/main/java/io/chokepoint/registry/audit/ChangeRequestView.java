package io.chokepoint.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A recorded request to change the lists as the API answers it.
 *
 * @param actor         who asked: the token's principal (upn, else preferred_username, else sub)
 * @param subject       the token's sub claim; null for requests recorded before authentication existed
 * @param remoteAddress where the request came from, as the HTTP server saw it
 * @param entityId      the entity the request named, or the one a creation made
 * @param source        the list it changes (an import's, or the named entity's)
 * @param files         an import's files as received: part, fileName, size
 * @param status        the HTTP status answered
 * @param listVersion   the version an applied request made
 * @param message       a refusal's message (a conflict, an unknown id, the reference of a failure)
 * @param problems      a refusal's first problems, {"field","message"}
 */
public record ChangeRequestView(String id, Instant receivedAt, String actor, String subject, String remoteAddress,
                                ChangeAction action, String entityId, String source, String format, JsonNode files,
                                ChangeOutcome outcome, int status, String listVersion, String message,
                                JsonNode problems) {

    static ChangeRequestView of(ChangeRequestEntry e) {
        return new ChangeRequestView(e.id.toString(), e.receivedAt, e.actor, e.subject, e.remoteAddress, e.action,
                e.entityId, e.source, e.format, e.files, e.outcome, e.status, e.listVersion, e.message, e.problems);
    }
}
