package io.chokepoint.registry.screening;

import io.chokepoint.model.screening.Match;
import io.chokepoint.registry.entities.EntityType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * In-memory screening of names against the listed entities. Plain Java and thread-safe: many screenings run at
 * once while list changes are applied one at a time. Candidates come from the {@link NameIndex} (names sharing a
 * word, a typo variant, a split or joined spelling with the query) and from identifiers, at most
 * {@link MatcherSettings#maxCandidates()} names per query; only those are scored ({@link NameScorer}), then
 * type, country, weak aliases and identifiers adjust the score. Every match explains itself.
 */
public final class ScreeningEngine {

    /** The list version reported before any version exists. */
    public static final String NO_LIST_VERSION = "none";
    private static final int PARALLEL_NORMALISATION = 10_000;

    private final MatcherSettings settings;
    private final NameScorer scorer;
    private final SuppressionLookup suppressions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NameIndex index;
    private final ThreadLocal<NameIndex.Scratch> scratch = ThreadLocal.withInitial(NameIndex.Scratch::new);
    private final Map<String, IndexedEntity> entities = new HashMap<>();
    /** Last state seen per entity, delisted ones included, so that a late older change is ignored. */
    private final Map<String, Known> known = new HashMap<>();
    /** Entities known per source: [listed, delisted]. */
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, Set<IndexedEntity>> byIdentifier = new HashMap<>();
    private String listVersion = NO_LIST_VERSION;
    private long listSeq = Long.MIN_VALUE;

    public ScreeningEngine(MatcherSettings settings, SuppressionLookup suppressions) {
        this.settings = settings;
        this.scorer = new NameScorer(settings);
        this.index = new NameIndex(settings, scorer.similarity());
        this.suppressions = suppressions;
    }

    /**
     * Applies the state of changed entities as of a list version: listed ones are (re)indexed, delisted
     * ones forgotten. States older than what the engine holds are ignored, so order of arrival is free.
     */
    public void apply(Collection<ScreenableEntity> changes, String version, long versionSeq) {
        // Normalising is the costly part of indexing; it needs no lock, and a whole list is normalised in parallel.
        Stream<ScreenableEntity> stream = changes.size() >= PARALLEL_NORMALISATION
                ? changes.parallelStream() : changes.stream();
        List<IndexedEntity> prepared = stream.map(c -> c.listed() ? new IndexedEntity(c) : null).toList();
        lock.writeLock().lock();
        try {
            int i = 0;
            for (ScreenableEntity change : changes) {
                IndexedEntity entity = prepared.get(i++);
                if (!take(change)) {
                    continue;
                }
                remove(change.entityId());
                if (entity != null) {
                    add(entity);
                }
            }
            index.reweigh();
            if (version != null && versionSeq > listSeq) {
                listVersion = version;
                listSeq = versionSeq;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Records the entity's state unless a newer one is known; answers whether it was taken. */
    private boolean take(ScreenableEntity change) {
        Known before = known.get(change.entityId());
        if (before != null && before.revision() > change.revision()) {
            return false;
        }
        Known after = new Known(change.revision(), change.source(), change.listed());
        known.put(change.entityId(), after);
        if (before != null) {
            counts.get(before.source())[before.listed() ? 0 : 1]--;
        }
        counts.computeIfAbsent(after.source(), s -> new int[2])[after.listed() ? 0 : 1]++;
        return true;
    }

    public ScreeningOutcome screen(ScreeningQuery query) {
        return screen(query, null);
    }

    /**
     * As {@link #screen(ScreeningQuery)}, reporting only these entities: a rescreen after a list change asks about
     * the entities it added or changed. They are picked from the candidates before scoring, so a match scores and
     * explains itself exactly as in a full screening, and the limit is not spent on other entities.
     */
    public ScreeningOutcome screenAmong(ScreeningQuery query, Set<String> entityIds) {
        return screen(query, entityIds);
    }

    private ScreeningOutcome screen(ScreeningQuery query, Set<String> among) {
        NormalizedName name = NameNormalizer.normalize(query.name(), query.type());
        lock.readLock().lock();
        try {
            List<NameIndex.Term> words = terms(name);
            NameScorer.Query scored = new NameScorer.Query(name, index.weights(name), matches(words));
            List<Ranked> matches = new ArrayList<>();
            Map<IndexedEntity, Set<IndexedName>> candidates = candidates(scored, words, query);
            boolean suppressible = !candidates.isEmpty() && !suppressions.isEmpty();
            String suppressionKey = suppressible ? suppressionKey(query, name) : "";
            String declaredKey = suppressible ? DeclaredNames.key(query.name()) : "";
            int suppressed = 0;
            for (Map.Entry<IndexedEntity, Set<IndexedName>> candidate : candidates.entrySet()) {
                IndexedEntity entity = candidate.getKey();
                if (among != null && !among.contains(entity.source.entityId())) {
                    continue;
                }
                Ranked match = match(query, scored, entity, candidate.getValue());
                if (match == null) {
                    continue;
                }
                // Scored before the suppression is looked up, so that only a match it hid is counted as suppressed.
                if (suppressible && suppressions.isSuppressed(suppressionKey, declaredKey, entity.source.entityId())) {
                    suppressed++;
                } else {
                    matches.add(match);
                }
            }
            matches.sort(Ranked.ORDER);
            return new ScreeningOutcome(listVersion, matches.stream().limit(query.limit()).map(Ranked::match).toList(),
                    suppressed);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Suppressions are stored by the key of the name normalised without its type; only a person's name is
     * normalised differently (it keeps what looks like a legal form).
     */
    private static String suppressionKey(ScreeningQuery query, NormalizedName name) {
        return query.type() == EntityType.PERSON ? NameNormalizer.normalize(query.name()).key() : name.key();
    }

    public String listVersion() {
        lock.readLock().lock();
        try {
            return listVersion;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The sequence number of {@link #listVersion()}: every version up to it is applied. */
    public long listSeq() {
        lock.readLock().lock();
        try {
            return listSeq;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of listed entities held. */
    public int size() {
        lock.readLock().lock();
        try {
            return entities.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The sources of the entities known, listed or delisted. */
    public Set<String> sources() {
        lock.readLock().lock();
        try {
            return Set.copyOf(counts.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Entities of the source known in this state: listed ones are those held, delisted ones those seen delisted. */
    public int count(String source, boolean listed) {
        lock.readLock().lock();
        try {
            int[] bySource = counts.get(source);
            return bySource == null ? 0 : bySource[listed ? 0 : 1];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Identifiers compare without case, spaces or punctuation: "91320000-MA1X" equals "91320000MA1X". */
    public static String identifierKey(String value) {
        return value == null ? "" : value.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The names worth scoring, by entity: the best-ranked of the index, and every name of an identified entity. */
    private Map<IndexedEntity, Set<IndexedName>> candidates(NameScorer.Query scored, List<NameIndex.Term> words,
                                                           ScreeningQuery query) {
        Map<IndexedEntity, Set<IndexedName>> out = new IdentityHashMap<>();
        if (!scored.name.isEmpty()) {
            double queryWeight = scored.tokenWeight();
            List<NameIndex.Term> terms = new ArrayList<>(words);
            terms.addAll(joinedNeighbours(scored.name));
            double minRank = query.threshold() * settings.minCandidateRank();
            for (int slot : index.candidates(terms, queryWeight, scratch.get(), settings.maxCandidates(), minRank)) {
                IndexedName candidate = index.name(slot);
                out.computeIfAbsent(candidate.owner, e -> new HashSet<>()).add(candidate);
            }
        }
        for (String identifier : query.identifiers() == null ? List.<String>of() : query.identifiers()) {
            for (IndexedEntity entity : byIdentifier.getOrDefault(identifierKey(identifier), Set.of())) {
                out.computeIfAbsent(entity, e -> new HashSet<>()).addAll(entity.names);
            }
        }
        return out;
    }

    /** What the index knows of each query word: the listed words it may stand for. */
    private List<NameIndex.Term> terms(NormalizedName name) {
        List<NameIndex.Term> terms = new ArrayList<>(name.tokens().size());
        for (String token : name.tokens()) {
            terms.add(index.term(token, name.unvowelled(), false));
        }
        return terms;
    }

    private static WordMatches matches(List<NameIndex.Term> terms) {
        WordMatches matches = new WordMatches(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            NameIndex.Term term = terms.get(i);
            for (int k = 0; k < term.size(); k++) {
                matches.put(term.id(k), i, term.similarity(k));
            }
        }
        return matches;
    }

    /** Each two neighbouring words written together: "fu jing" may be listed "FUJING". */
    private List<NameIndex.Term> joinedNeighbours(NormalizedName name) {
        List<String> tokens = name.tokens();
        List<NameIndex.Term> terms = new ArrayList<>(tokens.size());
        for (int i = 0; i + 1 < tokens.size(); i++) {
            terms.add(index.term(tokens.get(i) + tokens.get(i + 1), name.unvowelled(), true));
        }
        return terms;
    }

    /**
     * The entity's best name for this query, or null if its score stays below the threshold; a weak alias wins
     * only if it beats the others despite its penalty.
     */
    private Ranked match(ScreeningQuery query, NameScorer.Query scored, IndexedEntity entity, Set<IndexedName> names) {
        NormalizedName name = scored.name;
        boolean person = entity.source.type() == EntityType.PERSON;
        IndexedName best = null;
        Alignment bestAlignment = null;
        double bestAdjusted = -1;
        for (IndexedName candidate : names) {
            Alignment alignment = scorer.align(scored, candidate.normalized, candidate.tokenIds,
                    index.weights(candidate), person);
            double adjusted = alignment.score() - (candidate.weak ? settings.weakAliasPenalty() : 0);
            if (adjusted > bestAdjusted) {
                best = candidate;
                bestAlignment = alignment;
                bestAdjusted = adjusted;
            }
        }
        Evidence evidence = Evidence.weigh(settings, bestAlignment.score(), best, query);
        double score = evidence.score();
        if (score < query.threshold()) {
            return null;
        }
        ScreenableEntity e = entity.source;
        Match match = new Match(e.entityId(), e.source(), e.sourceId(), e.name(), best.text, e.type().name(),
                e.programs(), score, explain(name, best, bestAlignment, evidence, score));
        return new Ranked(match, best.primary ? 0 : best.weak ? 2 : 1,
                name.legalForms().equals(best.normalized.legalForms()));
    }

    /** The last state of an entity the engine has seen. */
    private record Known(long revision, String source, boolean listed) {
    }

    /**
     * A match with what orders equal scores: a primary name before an alias before a weak alias (an entry named so
     * is likelier meant than one that merely has the name as an alias), then the entry whose legal form is the
     * query's ("... TRADING L.L.C." before "... TRADING FZE"); entries listed twice under one name come in the order
     * of their ids, so that the answer does not change from one screening to the next.
     */
    private record Ranked(Match match, int nameKind, boolean sameLegalForm) {

        static final Comparator<Ranked> ORDER = Comparator.comparingDouble((Ranked r) -> -r.match.score())
                .thenComparingInt(Ranked::nameKind)
                .thenComparing(r -> !r.sameLegalForm)
                .thenComparing(r -> r.match.name())
                .thenComparing(r -> r.match.entityId());
    }

    private String explain(NormalizedName name, IndexedName matched, Alignment alignment, Evidence evidence,
                           double score) {
        StringBuilder why = new StringBuilder()
                .append("matched ").append(matched.kind()).append(" \"").append(matched.text)
                .append("\" (list version ").append(listVersion).append("): name similarity ")
                .append(Alignment.format2(alignment.score()))
                .append(" (").append(alignment.describe(scorer));
        Set<String> ignored = alignment.ignoredLegalForms();
        if (!ignored.isEmpty()) {
            why.append("; legal forms ignored: ").append(String.join(", ", ignored));
        }
        why.append(')');
        for (String reason : evidence.reasons()) {
            why.append("; ").append(reason);
        }
        return why.append("; score ").append(Alignment.format2(score)).toString();
    }

    private void add(IndexedEntity entity) {
        entities.put(entity.source.entityId(), entity);
        for (IndexedName name : entity.names) {
            index.add(name);
        }
        for (String identifier : entity.source.identifiers()) {
            byIdentifier.computeIfAbsent(identifier, k -> new HashSet<>()).add(entity);
        }
    }

    private void remove(String entityId) {
        IndexedEntity entity = entities.remove(entityId);
        if (entity == null) {
            return;
        }
        for (IndexedName name : entity.names) {
            index.remove(name);
        }
        for (String identifier : entity.source.identifiers()) {
            Set<IndexedEntity> holders = byIdentifier.get(identifier);
            if (holders != null) {
                holders.remove(entity);
                if (holders.isEmpty()) {
                    byIdentifier.remove(identifier);
                }
            }
        }
    }
}
