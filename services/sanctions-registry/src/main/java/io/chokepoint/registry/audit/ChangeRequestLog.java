package io.chokepoint.registry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.chokepoint.platform.web.FieldError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each request to change the lists once, with its outcome. Only inserts: the table is append-only (a trigger
 * refuses any update or delete).
 */
@ApplicationScoped
public class ChangeRequestLog {

    private static final Logger LOG = Logger.getLogger(ChangeRequestLog.class);
    private static final int MAX_FILE_NAME = 255;
    /** A problem's field or message, and a refusal's message: they may quote what the client sent. */
    private static final int MAX_TEXT = 2000;
    // A refusal that follows an applied request (its answer failed after the commit) leaves the applied record.
    private static final String INSERT = """
            insert into list_change_request (id, received_at, actor, subject, remote_address, action, entity_id,
                source, format, files, outcome, status, list_version, message, problems)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb))
            on conflict (id) do nothing""";

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    AuditConfig config;

    /**
     * Records an accepted request in the transaction of its change, so that both commit or neither does.
     *
     * @param listVersion the version it made; null when it changed nothing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(ChangeRequest request, String listVersion) {
        ChangeOutcome outcome = listVersion == null ? ChangeOutcome.UNCHANGED : ChangeOutcome.APPLIED;
        int status = request.action() == ChangeAction.CREATE && listVersion != null ? 201 : 200;
        em.unwrap(Session.class).doWork(connection -> insert(connection, request, outcome, status, listVersion));
    }

    /**
     * Records a refused or failed request in a transaction of its own: the change's transaction, if one began, has
     * rolled back. A failure to write is logged with everything the record would have held, not thrown: the client
     * gets the answer its request earned.
     */
    public void refused(ChangeRequest request, int status) {
        refused(request, ChangeOutcome.ofStatus(status), status);
    }

    /**
     * Records a request that authorization refused for the caller's roles (403), in a transaction of its own, so that
     * it commits although the request fails; like {@link #refused(ChangeRequest, int)}, a failure to write is logged,
     * not thrown.
     */
    public void forbidden(ChangeRequest request) {
        refused(request, ChangeOutcome.FORBIDDEN, 403);
    }

    private void refused(ChangeRequest request, ChangeOutcome outcome, int status) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    insert(connection, request, outcome, status, null);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            request.markRefusalRecorded();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record list change request %s: %s %s by %s from %s, entity %s, format %s,"
                            + " answered %d %s %s", request.id(), outcome, request.action(), request.actor(),
                    request.remoteAddress(), request.entityId(), request.format(), status,
                    request.answerMessage(), request.answerProblems());
        }
    }

    private void insert(Connection connection, ChangeRequest request, ChangeOutcome outcome, int status,
                        String listVersion) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, request.id());
            insert.setObject(2, OffsetDateTime.ofInstant(request.receivedAt(), ZoneOffset.UTC));
            insert.setString(3, fit(request.actor(), 200));
            insert.setString(4, fit(request.subject(), 200));
            insert.setString(5, fit(request.remoteAddress(), 100));
            insert.setString(6, request.action().name());
            insert.setString(7, fit(request.entityId(), 100));
            insert.setString(8, fit(request.source(), 32));
            insert.setString(9, fit(request.format(), 32));
            setJson(insert, 10, files(request.files()));
            insert.setString(11, outcome.name());
            insert.setInt(12, status);
            insert.setString(13, listVersion);
            insert.setString(14, outcome == ChangeOutcome.APPLIED || outcome == ChangeOutcome.UNCHANGED
                    ? null : fit(request.answerMessage(), MAX_TEXT));
            setJson(insert, 15, problems(request.answerProblems()));
            insert.executeUpdate();
        }
    }

    private static List<ReceivedFile> files(List<ReceivedFile> files) {
        if (files == null) {
            return null;
        }
        return files.stream().map(f -> new ReceivedFile(fit(f.part(), MAX_FILE_NAME), fit(f.fileName(), MAX_FILE_NAME),
                f.size())).toList();
    }

    /** The first problems answered, and a last one counting those left out. */
    private List<FieldError> problems(List<FieldError> problems) {
        if (problems == null) {
            return null;
        }
        int max = Math.max(1, config.maxRecordedProblems());
        List<FieldError> kept = new ArrayList<>(problems.subList(0, Math.min(max, problems.size())).stream()
                .map(p -> new FieldError(fit(p.field(), MAX_TEXT), fit(p.message(), MAX_TEXT))).toList());
        if (problems.size() <= max) {
            return kept;
        }
        kept.add(new FieldError(null, (problems.size() - max) + " more problem(s) answered, not recorded"));
        return kept;
    }

    private void setJson(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
            return;
        }
        try {
            insert.setString(index, mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Values from the client are cut to their column (the request is refused anyway if one was too long), and a NUL,
     * which PostgreSQL stores neither in text nor in jsonb, becomes U+FFFD: the record must not fail on what it
     * records.
     */
    private static String fit(String value, int max) {
        if (value == null) {
            return null;
        }
        String cut = value.length() <= max ? value : value.substring(0, max);
        return cut.replace('\0', '\uFFFD');
    }
}
