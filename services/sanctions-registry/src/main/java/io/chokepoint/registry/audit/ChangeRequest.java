package io.chokepoint.registry.audit;

import io.chokepoint.platform.web.FieldError;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request to change the lists, from its arrival to its answer. It is started when the request arrives, before
 * its body is read, so that a request refused for its size is recorded too; the endpoint adds what it learns (the
 * import's format, source and files, the entity a creation made); {@link ChangeRequestLog} writes it once, with its
 * outcome. Filled on the event loop, then on a worker thread: the fields are volatile.
 */
public final class ChangeRequest {

    private final UUID id = UUID.randomUUID();
    private final Instant receivedAt;
    private final ChangeAction action;
    private final String actor;
    private final String remoteAddress;
    private final AtomicBoolean refusalRecorded = new AtomicBoolean();
    private volatile String subject;
    private volatile String entityId;
    private volatile String source;
    private volatile String format;
    private volatile List<ReceivedFile> files;
    private volatile String answerMessage;
    private volatile List<FieldError> answerProblems;

    /**
     * @param actor         who asks: the verified token's principal (upn, else preferred_username, else sub)
     * @param remoteAddress the client's address as the HTTP server reports it
     * @param entityId      the entity the request's path names, null for a creation or an import
     */
    public ChangeRequest(ChangeAction action, String entityId, String actor, String remoteAddress, Instant receivedAt) {
        this.action = action;
        this.entityId = entityId;
        this.actor = actor;
        this.remoteAddress = remoteAddress;
        this.receivedAt = receivedAt;
    }

    public UUID id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public ChangeAction action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** The token's {@code sub} claim: the identity provider's stable id of the actor. */
    public String subject() {
        return subject;
    }

    public void subject(String subject) {
        this.subject = subject;
    }

    public String entityId() {
        return entityId;
    }

    /** The entity a creation made. */
    public void entityId(UUID entityId) {
        this.entityId = entityId.toString();
    }

    public String source() {
        return source;
    }

    public void source(String source) {
        this.source = source;
    }

    public String format() {
        return format;
    }

    public void format(String format) {
        this.format = format;
    }

    public List<ReceivedFile> files() {
        return files;
    }

    public void files(List<ReceivedFile> files) {
        this.files = List.copyOf(files);
    }

    /** What the refusal answered: its {"message"}, or its {"errors"}. */
    void answer(String message, List<FieldError> problems) {
        this.answerMessage = message;
        this.answerProblems = problems == null ? null : List.copyOf(problems);
    }

    /** An answer without a body of ours, written by the HTTP server itself. */
    void answerBare(int status, String reason) {
        answer("answered " + status + " " + reason, null);
    }

    String answerMessage() {
        return answerMessage;
    }

    List<FieldError> answerProblems() {
        return answerProblems;
    }

    boolean refusalRecorded() {
        return refusalRecorded.get();
    }

    void markRefusalRecorded() {
        refusalRecorded.set(true);
    }
}
