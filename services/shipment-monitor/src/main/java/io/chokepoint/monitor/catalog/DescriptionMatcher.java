package io.chokepoint.monitor.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds catalog items named in a free-text goods description. Text is normalised (case, accents, punctuation and
 * hyphens become word breaks, equivalent spellings unified) and compared word by word, so a synonym only matches
 * whole words: "piperonyl butoxide" and "piperazine" never name 4-piperidone. Chemical names are also compared
 * with their word breaks removed, because "4-anilino-piperidine" and "4-anilinopiperidine" are the same name.
 */
final class DescriptionMatcher {

    /** A chemical name this long or longer is also compared without word breaks; shorter ones are too ambiguous. */
    private static final int MIN_COMPACT_LENGTH = 8;
    /** Longest run of description words compared with a synonym. */
    private static final int MAX_WINDOW = 12;
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** A catalog item named in a description, over description words [start, end). */
    record Match(CatalogEntry entry, String phrase, boolean abbreviation, int start, int end, int strength) {

        boolean liesWithin(Match other) {
            return other.start <= start && end <= other.end && other.strength > strength;
        }
    }

    private record Phrase(CatalogEntry entry, String text, boolean abbreviation, int strength) {
    }

    private final Map<String, String> equivalentTerms;
    private final Map<String, List<Phrase>> byWords = new HashMap<>();
    private final Map<String, List<Phrase>> byCompactForm = new HashMap<>();

    DescriptionMatcher(List<CatalogEntry> entries, Map<String, String> equivalentTerms) {
        this.equivalentTerms = equivalentTerms;
        for (CatalogEntry entry : entries) {
            index(entry, entry.name(), false);
            entry.synonyms().forEach(synonym -> index(entry, synonym, false));
            entry.abbreviations().forEach(abbreviation -> index(entry, abbreviation, true));
        }
    }

    /**
     * Every item the description names, in the order they appear (the first is usually the goods themselves:
     * "tablet press with punches and dies"); a name inside a longer one (4-piperidone in N-phenethyl-4-piperidone)
     * is dropped.
     */
    List<Match> find(String description) {
        List<String> words = words(description);
        List<Match> found = new ArrayList<>();
        for (int start = 0; start < words.size(); start++) {
            StringBuilder compact = new StringBuilder();
            for (int end = start + 1; end <= Math.min(words.size(), start + MAX_WINDOW); end++) {
                compact.append(words.get(end - 1));
                String spaced = String.join(" ", words.subList(start, end));
                collect(byWords.get(spaced), start, end, found);
                collect(byCompactForm.get(compact.toString()), start, end, found);
            }
        }
        return found.stream()
                .filter(match -> found.stream().noneMatch(match::liesWithin))
                .distinct()
                .sorted(Comparator.comparingInt(Match::start)
                        .thenComparing(Comparator.comparingInt(Match::strength).reversed()))
                .toList();
    }

    List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(NON_WORD.split(plain))
                .filter(word -> !word.isEmpty())
                .map(word -> equivalentTerms.getOrDefault(word, word))
                .toList();
    }

    private void index(CatalogEntry entry, String text, boolean abbreviation) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return;
        }
        String compact = String.join("", words);
        Phrase phrase = new Phrase(entry, text, abbreviation, compact.length());
        addTo(byWords, String.join(" ", words), phrase);
        if (!abbreviation && compact.length() >= MIN_COMPACT_LENGTH) {
            addTo(byCompactForm, compact, phrase);
        }
    }

    private static void addTo(Map<String, List<Phrase>> index, String key, Phrase phrase) {
        List<Phrase> phrases = index.computeIfAbsent(key, k -> new ArrayList<>());
        boolean known = phrases.stream().anyMatch(p -> p.entry() == phrase.entry() && p.abbreviation() == phrase.abbreviation());
        if (!known) {
            phrases.add(phrase);
        }
    }

    private static void collect(List<Phrase> phrases, int start, int end, List<Match> found) {
        if (phrases == null) {
            return;
        }
        for (Phrase phrase : phrases) {
            found.add(new Match(phrase.entry(), phrase.text(), phrase.abbreviation(), start, end, phrase.strength()));
        }
    }
}
