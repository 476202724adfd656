package io.chokepoint.registry.shipments;

import io.chokepoint.model.Topics;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.platform.outbox.OutboundEvent;
import io.chokepoint.platform.outbox.Outbox;
import io.chokepoint.registry.audit.AuditAction;
import io.chokepoint.registry.lists.ListVersion;
import io.chokepoint.registry.screening.ScreeningConfig;
import io.chokepoint.registry.screening.ScreeningMetrics;
import io.chokepoint.registry.screening.ScreeningOutcome;
import io.chokepoint.registry.screening.ScreeningService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rescreen after one list version: the parties of the latest screened assessment of every shipment of the
 * window are screened again, reporting only the entities the version added or changed, and each shipment with a
 * party that now matches one of them as it did not before gets a late result on {@code screening.results}.
 *
 * <p>A late result holds only those new matches (and only the parties that have one), under the assessment it
 * rescreened (same assessmentEventId and revision), so that alerting evaluates it with that revision's goods and
 * raises an alert for each new match while the alerts it already holds stay as they are. Its eventId derives from
 * the version and the shipment: a rescreen run again publishes the same ids.
 *
 * <p>Screening runs outside any transaction, page by page; the late results, their outbox rows and the mark that
 * the version is done are written in one transaction at the end. A rescreen that stops midway leaves nothing, and
 * runs again whole.
 */
@ApplicationScoped
public class ShipmentRescreen {

    private static final Logger LOG = Logger.getLogger(ShipmentRescreen.class);

    @Inject
    ScreeningService screening;
    @Inject
    ScreeningConfig config;
    @Inject
    Outbox outbox;
    @Inject
    ScreeningBarrier barrier;
    @Inject
    EntityManager entityManager;
    @Inject
    RescreenLock lock;
    @Inject
    ScreeningMetrics metrics;

    /**
     * Rescreens after the version, unless that is done, or the version is not in the index. One rescreen runs at a
     * time across the instances ({@link RescreenLock}); one that waited for another finds the version done by it.
     *
     * @return whether the version's rescreen is done now
     */
    public boolean rescreen(String listVersion) {
        ListVersion version = QuarkusTransaction.requiringNew().call(() -> ListVersion.findById(listVersion));
        if (version == null || isDone(listVersion)) {
            return version != null;
        }
        // Committed by this instance or another: once the index has caught up, it holds the version's changes.
        if (!screening.ensureIndexed(version.seq)) {
            return false;
        }
        return lock.holding(() -> isDone(listVersion) || rescreenNow(version));
    }

    private boolean rescreenNow(ListVersion version) {
        String listVersion = version.id;
        barrier.awaitScreeningsInFlight();
        Set<String> entityIds = QuarkusTransaction.requiringNew().call(() -> addedOrChanged(listVersion));
        Rescreened rescreened = new Rescreened(listVersion, entityIds);
        if (!entityIds.isEmpty()) {
            screenWindow(rescreened, Instant.now().minus(config.rescreenWindow()));
        }
        if (!QuarkusTransaction.requiringNew().call(() -> record(version, rescreened))) {
            return true;
        }
        metrics.screened(ScreeningMetrics.Mode.RESCREEN, rescreened.parties.values());
        metrics.lateResults(rescreened.late.size());
        LOG.infof("Rescreen after list version %s: %d entities added or changed, %d shipments and %d parties"
                        + " screened, %d late results", listVersion, entityIds.size(), rescreened.shipments,
                rescreened.parties.size(), rescreened.late.size());
        return true;
    }

    private static boolean isDone(String listVersion) {
        return QuarkusTransaction.requiringNew().call(() -> ListVersionRescreen.isDone(listVersion));
    }

    /** The entities the version listed anew, relisted or changed; its delisted ones no longer match anything. */
    private Set<String> addedOrChanged(String listVersion) {
        Set<String> ids = new HashSet<>();
        entityManager.createQuery("select a.entityId from AuditEntry a where a.listVersion = ?1"
                        + " and a.action in ?2", UUID.class)
                .setParameter(1, listVersion)
                .setParameter(2, List.of(AuditAction.CREATED, AuditAction.CHANGED, AuditAction.RELISTED))
                .getResultStream().forEach(id -> ids.add(id.toString()));
        return ids;
    }

    private void screenWindow(Rescreened rescreened, Instant since) {
        String after = "";
        while (true) {
            String from = after;
            List<Latest> page = QuarkusTransaction.requiringNew().call(() -> latestAssessments(since, from));
            if (page.isEmpty()) {
                return;
            }
            List<String> assessments = page.stream().map(Latest::assessmentEventId).toList();
            QuarkusTransaction.requiringNew().run(() -> screenAssessments(rescreened, assessments));
            rescreened.shipments += page.size();
            after = page.get(page.size() - 1).shipmentId();
            if (page.size() < config.rescreen().batchSize()) {
                return;
            }
        }
    }

    /**
     * The next page of shipments with parties screened since the instant, by shipmentId after {@code after}, each with
     * its latest screened assessment (highest revision).
     */
    @SuppressWarnings("unchecked")
    private List<Latest> latestAssessments(Instant since, String after) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select distinct on (p.shipment_id) p.shipment_id, p.assessment_event_id
                        from screened_party p join screening_result r on r.assessment_event_id = p.assessment_event_id
                        where p.screened_at >= :since and p.shipment_id > :after
                        order by p.shipment_id, r.revision desc, r.screened_at desc
                        limit :limit""")
                .setParameter("since", since)
                .setParameter("after", after)
                .setParameter("limit", config.rescreen().batchSize())
                .getResultList();
        return rows.stream().map(row -> new Latest((String) row[0], (String) row[1])).toList();
    }

    private void screenAssessments(Rescreened rescreened, List<String> assessmentEventIds) {
        Map<String, List<PartyMatches>> matched = new LinkedHashMap<>();
        for (ScreenedParty party : ScreenedParty.ofAssessments(assessmentEventIds)) {
            ScreeningOutcome outcome = rescreened.parties.computeIfAbsent(PartyKey.of(party),
                    k -> screen(party, rescreened.entityIds));
            if (!outcome.matches().isEmpty()) {
                matched.computeIfAbsent(party.assessmentEventId, k -> new ArrayList<>())
                        .add(new PartyMatches(party, outcome.matches(), outcome.listVersion()));
            }
        }
        if (matched.isEmpty()) {
            return;
        }
        Map<String, MatchedBefore> before = matchedBefore(matched.keySet());
        for (Map.Entry<String, List<PartyMatches>> assessment : matched.entrySet()) {
            MatchedBefore earlier = before.get(assessment.getKey());
            if (earlier != null) {
                lateResult(rescreened, earlier, assessment.getValue());
            }
        }
    }

    private ScreeningOutcome screen(ScreenedParty party, Set<String> entityIds) {
        return screening.screenAmong(ShipmentScreening.query(party.name, party.country, party.identifiers, config),
                entityIds);
    }

    /** What each assessment's screening and the late results since reported, by party. */
    private static Map<String, MatchedBefore> matchedBefore(Set<String> assessmentEventIds) {
        Map<String, MatchedBefore> out = new HashMap<>();
        for (StoredScreeningResult stored : StoredScreeningResult.<StoredScreeningResult>list(
                "assessmentEventId in ?1", assessmentEventIds)) {
            out.put(stored.assessmentEventId, new MatchedBefore(stored.payload));
        }
        for (LateScreeningResult late : LateScreeningResult.ofAssessments(assessmentEventIds)) {
            MatchedBefore earlier = out.get(late.assessmentEventId);
            if (earlier != null) {
                earlier.add(late.payload);
            }
        }
        return out;
    }

    private static void lateResult(Rescreened rescreened, MatchedBefore earlier, List<PartyMatches> parties) {
        List<PartyScreening> fresh = new ArrayList<>();
        String listVersion = null;
        for (PartyMatches party : parties) {
            List<Match> unseen = party.matches().stream()
                    .filter(m -> !earlier.has(party.party(), m.entityId())).toList();
            if (!unseen.isEmpty()) {
                ScreenedParty p = party.party();
                fresh.add(new PartyScreening(p.role, p.name, p.country, unseen));
                listVersion = party.listVersion();
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        ScreeningResult screened = earlier.screening;
        String eventId = lateEventId(rescreened.listVersion, screened.shipmentId());
        rescreened.late.add(new ScreeningResult(eventId, screened.shipmentId(), screened.declarationId(),
                screened.reportingAgency(), screened.assessmentEventId(), screened.revision(), listVersion,
                Instant.now(), true, fresh));
    }

    /** The same for every run of one version's rescreen, so that consumers drop a second publication by it. */
    static String lateEventId(String listVersion, String shipmentId) {
        return UUID.nameUUIDFromBytes(("late-screening|" + listVersion + "|" + shipmentId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Late results, their outbox rows and the version's mark, together; nothing if another run was first (the version's
     * primary key refuses a second mark, should the lock ever fail to keep two runs apart).
     *
     * @return whether this run wrote them
     */
    private boolean record(ListVersion version, Rescreened rescreened) {
        if (ListVersionRescreen.isDone(version.id)) {
            return false;
        }
        List<OutboundEvent> events = new ArrayList<>(rescreened.late.size());
        for (ScreeningResult result : rescreened.late) {
            LateScreeningResult.of(version.id, result).persist();
            events.add(OutboundEvent.of(Topics.SCREENING_RESULTS, result.shipmentId(), result)
                    .withId(result.eventId()));
        }
        outbox.enqueueAll(events);
        ListVersionRescreen done = new ListVersionRescreen();
        done.listVersion = version.id;
        done.seq = version.seq;
        done.shipments = rescreened.shipments;
        done.parties = rescreened.parties.size();
        done.lateResults = rescreened.late.size();
        done.doneAt = Instant.now();
        done.persist();
        return true;
    }

    /** A shipment of the window and the eventId of its latest screened assessment. */
    private record Latest(String shipmentId, String assessmentEventId) {
    }

    /** A party's matches among the version's entities, and the list version they were screened against. */
    private record PartyMatches(ScreenedParty party, List<Match> matches, String listVersion) {
    }

    /** What one rescreen has found so far; each distinct party is screened once. */
    private static final class Rescreened {
        final String listVersion;
        final Set<String> entityIds;
        final Map<PartyKey, ScreeningOutcome> parties = new HashMap<>();
        final List<ScreeningResult> late = new ArrayList<>();
        int shipments;

        Rescreened(String listVersion, Set<String> entityIds) {
            this.listVersion = listVersion;
            this.entityIds = entityIds;
        }
    }

    /** What a screening asks of a party. */
    private record PartyKey(String name, String country, List<String> identifiers) {

        static PartyKey of(ScreenedParty party) {
            return new PartyKey(party.name, party.country, List.copyOf(party.identifiers));
        }
    }

    /** The entities reported for each party of one assessment: by its screening, then by late results. */
    private static final class MatchedBefore {
        final ScreeningResult screening;
        private final Set<String> reported = new HashSet<>();

        MatchedBefore(ScreeningResult screening) {
            this.screening = screening;
            add(screening);
        }

        void add(ScreeningResult result) {
            for (PartyScreening party : result.parties()) {
                for (Match match : party.matches()) {
                    reported.add(key(party.role().name(), party.name(), match.entityId()));
                }
            }
        }

        boolean has(ScreenedParty party, String entityId) {
            return reported.contains(key(party.role.name(), party.name, entityId));
        }

        private static String key(String role, String name, String entityId) {
            return role + '\u0000' + name + '\u0000' + entityId;
        }
    }
}
