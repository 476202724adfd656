package io.chokepoint.registry.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What beyond the name moves a match's score: a weak alias, another entity type, a country that agrees or not, an
 * identifier of the entity's. Each change is kept with its reason, put in words only for a reported match.
 */
final class Evidence {

    private double score;
    private final List<Adjustment> adjustments = new ArrayList<>(2);

    private Evidence(double nameScore) {
        this.score = nameScore;
    }

    static Evidence weigh(MatcherSettings settings, double nameScore, IndexedName matched, ScreeningQuery query) {
        Evidence evidence = new Evidence(nameScore);
        ScreenableEntity e = matched.owner.source;
        if (matched.weak) {
            evidence.lower(settings.weakAliasPenalty(), "weak alias");
        }
        if (query.type() != null && query.type() != e.type()) {
            evidence.lower(settings.typeMismatchPenalty(), "type " + e.type() + " is not the queried " + query.type());
        }
        evidence.country(settings, query, e);
        evidence.identifiers(settings, query, e);
        return evidence;
    }

    /** The score, 0 to 1, to four decimals. */
    double score() {
        return Math.round(Math.max(0, Math.min(1, score)) * 10_000) / 10_000.0;
    }

    /** "-0.05 weak alias", "+0.02 country MX agrees", ... */
    List<String> reasons() {
        return adjustments.stream().map(Adjustment::describe).toList();
    }

    private void country(MatcherSettings settings, ScreeningQuery query, ScreenableEntity e) {
        if (query.country() == null || query.country().isBlank() || e.countries().isEmpty()) {
            return;
        }
        String country = query.country().toUpperCase(Locale.ROOT);
        if (e.countries().contains(country)) {
            score += settings.countryMatchBonus();
            adjustments.add(new Adjustment(settings.countryMatchBonus(), "country " + country + " agrees"));
        } else {
            lower(settings.countryMismatchPenalty(), "country " + country + " is none of " + e.countries());
        }
    }

    /** An identifier equal to one of the entity's is strong evidence: the score is at least the floor. */
    private void identifiers(MatcherSettings settings, ScreeningQuery query, ScreenableEntity e) {
        if (query.identifiers() == null) {
            return;
        }
        for (String identifier : query.identifiers()) {
            String key = ScreeningEngine.identifierKey(identifier);
            if (!key.isEmpty() && e.identifiers().contains(key)) {
                double floor = settings.identifierMatchFloor();
                String reason = "identifier " + identifier + " is the entity's";
                adjustments.add(new Adjustment(0, score < floor ? reason + ": raised to " + floor : reason));
                score = Math.max(score, floor);
                return;
            }
        }
    }

    private void lower(double by, String reason) {
        score -= by;
        adjustments.add(new Adjustment(-by, reason));
    }

    /** A change of the score by {@code amount} (0 for a floor), and why. */
    private record Adjustment(double amount, String reason) {

        String describe() {
            return amount == 0 ? reason : (amount > 0 ? "+" : "") + Alignment.format2(amount) + " " + reason;
        }
    }
}
