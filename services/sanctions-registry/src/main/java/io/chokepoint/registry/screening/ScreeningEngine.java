package io.chokepoint.registry.screening;

import io.chokepoint.model.screening.Match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory screening of names against the listed entities. Plain Java and thread-safe: many screenings
 * run at once while list changes are applied one at a time. Candidates come from a token index, so a query
 * scores only the names that share a token, a token's prefix or its suffix with it, plus the entities that
 * share an identifier with it.
 */
public final class ScreeningEngine {

    /** The list version reported before any version exists. */
    public static final String NO_LIST_VERSION = "none";
    private static final int AFFIX = 3;

    private final MatcherSettings settings;
    private final NameScorer scorer;
    private final SuppressionLookup suppressions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, IndexedEntity> entities = new HashMap<>();
    /** Last revision seen per entity, delisted ones included, so that a late older change is ignored. */
    private final Map<String, Long> revisions = new HashMap<>();
    private final Map<String, Set<NameRef>> postings = new HashMap<>();
    private final Map<String, Set<IndexedEntity>> byIdentifier = new HashMap<>();
    private String listVersion = NO_LIST_VERSION;
    private long listSeq = Long.MIN_VALUE;

    public ScreeningEngine(MatcherSettings settings, SuppressionLookup suppressions) {
        this.settings = settings;
        this.scorer = new NameScorer(settings);
        this.suppressions = suppressions;
    }

    /**
     * Applies the state of changed entities as of a list version: listed ones are (re)indexed, delisted
     * ones forgotten. States older than what the engine holds are ignored, so order of arrival is free.
     */
    public void apply(Collection<ScreenableEntity> changes, String version, long versionSeq) {
        lock.writeLock().lock();
        try {
            for (ScreenableEntity change : changes) {
                Long known = revisions.get(change.entityId());
                if (known != null && known > change.revision()) {
                    continue;
                }
                revisions.put(change.entityId(), change.revision());
                remove(change.entityId());
                if (change.listed()) {
                    add(new IndexedEntity(change));
                }
            }
            if (version != null && versionSeq > listSeq) {
                listVersion = version;
                listSeq = versionSeq;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public ScreeningOutcome screen(ScreeningQuery query) {
        NormalizedName name = NameNormalizer.normalize(query.name());
        lock.readLock().lock();
        try {
            Map<IndexedEntity, Set<Integer>> candidates = candidates(name, query.identifiers());
            List<Match> matches = new ArrayList<>();
            for (Map.Entry<IndexedEntity, Set<Integer>> candidate : candidates.entrySet()) {
                IndexedEntity entity = candidate.getKey();
                if (suppressions.isSuppressed(name.key(), entity.source.entityId())) {
                    continue;
                }
                Match match = match(query, name, entity, candidate.getValue());
                if (match.score() >= query.threshold()) {
                    matches.add(match);
                }
            }
            matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::name));
            return new ScreeningOutcome(listVersion, List.copyOf(matches.subList(0, Math.min(query.limit(), matches.size()))));
        } finally {
            lock.readLock().unlock();
        }
    }

    public String listVersion() {
        lock.readLock().lock();
        try {
            return listVersion;
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

    /** Identifiers compare without case, spaces or punctuation: "91320000-MA1X" equals "91320000MA1X". */
    public static String identifierKey(String value) {
        return value == null ? "" : value.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private Map<IndexedEntity, Set<Integer>> candidates(NormalizedName name, List<String> identifiers) {
        Map<IndexedEntity, Set<Integer>> out = new HashMap<>();
        for (NameRef ref : namePostings(name)) {
            out.computeIfAbsent(ref.owner(), e -> new HashSet<>()).add(ref.index());
        }
        for (String identifier : identifiers == null ? List.<String>of() : identifiers) {
            for (IndexedEntity entity : byIdentifier.getOrDefault(identifierKey(identifier), Set.of())) {
                Set<Integer> all = out.computeIfAbsent(entity, e -> new HashSet<>());
                for (int i = 0; i < entity.names.size(); i++) {
                    all.add(i);
                }
            }
        }
        return out;
    }

    /** The names sharing a key with the query, skipping keys too common to be selective. */
    private Set<NameRef> namePostings(NormalizedName name) {
        List<Set<NameRef>> lists = new ArrayList<>();
        for (String token : name.tokens()) {
            for (String key : keys(token)) {
                Set<NameRef> posting = postings.get(key);
                if (posting != null) {
                    lists.add(posting);
                }
            }
        }
        lists.sort(Comparator.comparingInt(Set::size));
        Set<NameRef> out = new HashSet<>();
        for (Set<NameRef> posting : lists) {
            if (posting.size() <= settings.maxPostingSize() || out.isEmpty()) {
                out.addAll(posting);
            }
        }
        return out;
    }

    /** The entity's best name for this query; a weak alias wins only if it beats the others despite its penalty. */
    private Match match(ScreeningQuery query, NormalizedName name, IndexedEntity entity, Set<Integer> nameIndexes) {
        IndexedName best = null;
        NameScore bestScore = null;
        double bestAdjusted = -1;
        for (int index : nameIndexes) {
            IndexedName candidate = entity.names.get(index);
            NameScore score = scorer.score(name, candidate.normalized());
            double adjusted = score.score() - (candidate.weak() ? settings.weakAliasPenalty() : 0);
            if (adjusted > bestAdjusted) {
                best = candidate;
                bestScore = score;
                bestAdjusted = adjusted;
            }
        }
        return explainAndScore(query, name, entity, best, bestScore);
    }

    private Match explainAndScore(ScreeningQuery query, NormalizedName name, IndexedEntity entity,
                                  IndexedName matched, NameScore nameScore) {
        ScreenableEntity e = entity.source;
        double score = nameScore.score();
        StringBuilder why = new StringBuilder()
                .append("matched ").append(matched.primary() ? "name" : matched.weak() ? "weak alias" : "alias")
                .append(" \"").append(matched.text()).append("\": name similarity ")
                .append(NameScorer.format(score)).append(" (").append(nameScore.detail());
        Set<String> ignored = new LinkedHashSet<>(name.legalForms());
        ignored.addAll(matched.normalized().legalForms());
        if (!ignored.isEmpty()) {
            why.append("; legal forms ignored: ").append(String.join(", ", ignored));
        }
        why.append(')');
        if (matched.weak()) {
            score -= settings.weakAliasPenalty();
            why.append("; -").append(NameScorer.format(settings.weakAliasPenalty())).append(" weak alias");
        }
        score = adjustForType(query, e, score, why);
        score = adjustForCountry(query, e, score, why);
        score = adjustForIdentifiers(query, e, score, why);
        score = Math.max(0, Math.min(1, score));
        double rounded = Math.round(score * 10_000) / 10_000.0;
        why.append("; score ").append(NameScorer.format(rounded));
        return new Match(e.entityId(), e.source(), e.sourceId(), e.name(), matched.text(), e.type().name(),
                e.programs(), rounded, why.toString());
    }

    private double adjustForType(ScreeningQuery query, ScreenableEntity e, double score, StringBuilder why) {
        if (query.type() != null && query.type() != e.type()) {
            why.append("; -").append(NameScorer.format(settings.typeMismatchPenalty()))
                    .append(" type ").append(e.type()).append(" is not the queried ").append(query.type());
            return score - settings.typeMismatchPenalty();
        }
        return score;
    }

    private double adjustForCountry(ScreeningQuery query, ScreenableEntity e, double score, StringBuilder why) {
        if (query.country() == null || query.country().isBlank() || e.countries().isEmpty()) {
            return score;
        }
        String country = query.country().toUpperCase(Locale.ROOT);
        if (e.countries().contains(country)) {
            why.append("; +").append(NameScorer.format(settings.countryMatchBonus()))
                    .append(" country ").append(country).append(" agrees");
            return score + settings.countryMatchBonus();
        }
        why.append("; -").append(NameScorer.format(settings.countryMismatchPenalty()))
                .append(" country ").append(country).append(" is none of ").append(e.countries());
        return score - settings.countryMismatchPenalty();
    }

    private double adjustForIdentifiers(ScreeningQuery query, ScreenableEntity e, double score, StringBuilder why) {
        if (query.identifiers() == null) {
            return score;
        }
        for (String identifier : query.identifiers()) {
            String key = identifierKey(identifier);
            if (!key.isEmpty() && e.identifiers().contains(key)) {
                why.append("; identifier ").append(identifier).append(" is the entity's");
                return Math.max(score, settings.identifierMatchFloor());
            }
        }
        return score;
    }

    private void add(IndexedEntity entity) {
        entities.put(entity.source.entityId(), entity);
        for (int i = 0; i < entity.names.size(); i++) {
            NameRef ref = new NameRef(entity, i);
            for (String token : entity.names.get(i).normalized().tokens()) {
                for (String key : keys(token)) {
                    postings.computeIfAbsent(key, k -> new HashSet<>()).add(ref);
                }
            }
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
        for (int i = 0; i < entity.names.size(); i++) {
            NameRef ref = new NameRef(entity, i);
            for (String token : entity.names.get(i).normalized().tokens()) {
                for (String key : keys(token)) {
                    removeFrom(postings, key, ref);
                }
            }
        }
        for (String identifier : entity.source.identifiers()) {
            removeFrom(byIdentifier, identifier, entity);
        }
    }

    private static <T> void removeFrom(Map<String, Set<T>> index, String key, T value) {
        Set<T> set = index.get(key);
        if (set != null) {
            set.remove(value);
            if (set.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** The exact token, and its first and last letters so that a typo elsewhere still finds it. */
    private static List<String> keys(String token) {
        if (token.length() <= AFFIX) {
            return List.of("t:" + token);
        }
        return List.of("t:" + token, "p:" + token.substring(0, AFFIX), "s:" + token.substring(token.length() - AFFIX));
    }

    private record IndexedName(String text, boolean weak, boolean primary, NormalizedName normalized) {
    }

    /** Identity equality on purpose: a re-indexed entity is a new object, and stale references must not match it. */
    private static final class IndexedEntity {
        final ScreenableEntity source;
        final List<IndexedName> names = new ArrayList<>();

        IndexedEntity(ScreenableEntity source) {
            this.source = source;
            names.add(new IndexedName(source.name(), false, true, NameNormalizer.normalize(source.name())));
            for (ScreenableEntity.ListedName alias : source.aliases()) {
                NormalizedName normalized = NameNormalizer.normalize(alias.name());
                if (!normalized.isEmpty()) {
                    names.add(new IndexedName(alias.name(), alias.weak(), false, normalized));
                }
            }
        }
    }

    private record NameRef(IndexedEntity owner, int index) {
    }
}
