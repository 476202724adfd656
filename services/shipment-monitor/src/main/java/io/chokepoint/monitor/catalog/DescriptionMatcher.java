package io.chokepoint.monitor.catalog;

import io.chokepoint.model.assessment.GoodsCategory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds catalog items named in a free-text goods description. Text is normalised by {@link DescriptionText} and
 * compared word by word, so a synonym only matches whole words: "piperonyl butoxide" and "piperazine" never name
 * 4-piperidone. Chemical names are also compared with their word breaks removed, because "4-anilino-piperidine" and
 * "4-anilinopiperidine" are the same name. A word with one typo is read as the catalog word it misspells
 * ({@link TypoReader}). A chemical name glued by a hyphen to a word before it ("1-benzyl-4-piperidone") is part of
 * the name of another substance, a derivative, and does not count.
 */
final class DescriptionMatcher {

    /** A chemical name this long or longer is also compared without word breaks; shorter ones are too ambiguous. */
    private static final int MIN_COMPACT_LENGTH = 8;
    /** Longest run of description words compared with a synonym. */
    private static final int MAX_WINDOW = 12;

    /** A catalog item named in a description, over description words [start, end). */
    record Match(CatalogEntry entry, String phrase, boolean abbreviation, int start, int end, int strength,
                 List<DescriptionText.Correction> corrections) {

        boolean liesWithin(Match other) {
            return other.start <= start && end <= other.end && other.strength > strength;
        }
    }

    private record Phrase(CatalogEntry entry, String text, boolean abbreviation, int strength) {
    }

    private final DescriptionText text;
    private final TypoReader typos;
    private final Map<String, List<Phrase>> byWords = new HashMap<>();
    private final Map<String, List<Phrase>> byCompactForm = new HashMap<>();
    private final List<String> ambiguities = new ArrayList<>();

    DescriptionMatcher(List<CatalogEntry> entries, Map<String, String> equivalentTerms, List<String> distinctTerms) {
        this.text = new DescriptionText(equivalentTerms);
        Set<String> vocabulary = new HashSet<>();
        Set<String> compactForms = new HashSet<>();
        for (CatalogEntry entry : entries) {
            index(entry, entry.name(), false, vocabulary, compactForms);
            entry.synonyms().forEach(synonym -> index(entry, synonym, false, vocabulary, compactForms));
            entry.abbreviations().forEach(abbreviation -> index(entry, abbreviation, true, vocabulary, compactForms));
        }
        // Equivalent spellings are words of the catalog too: a typo of "piperidinone" is read, then unified.
        equivalentTerms.forEach((from, to) -> {
            vocabulary.addAll(DescriptionText.plainWords(from));
            vocabulary.addAll(DescriptionText.plainWords(to));
        });
        this.typos = new TypoReader(vocabulary, compactForms, distinctTerms.stream()
                .flatMap(term -> DescriptionText.plainWords(term).stream()).toList());
    }

    /** Names that two entries share, which would make a description's item a matter of chance. */
    List<String> ambiguities() {
        return List.copyOf(ambiguities);
    }

    /**
     * Every item the description names, in the order they appear (the first is usually the goods themselves:
     * "tablet press with punches and dies"); a name inside a longer one (4-piperidone in N-phenethyl-4-piperidone)
     * is dropped.
     */
    List<Match> find(String description) {
        List<DescriptionText.Word> words = text.words(description, typos::read);
        List<Match> found = new ArrayList<>();
        for (int start = 0; start < words.size(); start++) {
            StringBuilder compact = new StringBuilder();
            for (int end = start + 1; end <= Math.min(words.size(), start + MAX_WINDOW); end++) {
                compact.append(words.get(end - 1).text());
                String spaced = words.subList(start, end).stream().map(DescriptionText.Word::text)
                        .collect(Collectors.joining(" "));
                collect(byWords.get(spaced), words, start, end, found);
                collect(byCompactForm.get(compact.toString()), words, start, end, found);
            }
        }
        return found.stream()
                .filter(match -> found.stream().noneMatch(match::liesWithin))
                .filter(match -> !isPartOfAnotherName(match, words))
                .distinct()
                .sorted(Comparator.comparingInt(Match::start)
                        .thenComparing(Comparator.comparingInt(Match::strength).reversed()))
                .toList();
    }

    /** "1-benzyl-4-piperidone" is not 4-piperidone: a substituent glued before a chemical name makes a derivative. */
    private static boolean isPartOfAnotherName(Match match, List<DescriptionText.Word> words) {
        return match.entry().category() != GoodsCategory.TABLETING_EQUIPMENT
                && match.start() > 0 && words.get(match.start()).glued();
    }

    private void index(CatalogEntry entry, String name, boolean abbreviation, Set<String> vocabulary,
                       Set<String> compactForms) {
        if (name == null) {
            return;
        }
        List<String> words = text.compared(name);
        if (words.isEmpty()) {
            return;
        }
        String compact = String.join("", words);
        Phrase phrase = new Phrase(entry, name, abbreviation, compact.length());
        addTo(byWords, String.join(" ", words), phrase);
        if (!abbreviation) {
            vocabulary.addAll(DescriptionText.plainWords(name));
            vocabulary.addAll(words);
            if (compact.length() >= MIN_COMPACT_LENGTH) {
                addTo(byCompactForm, compact, phrase);
                compactForms.add(compact);
            }
        }
    }

    private void addTo(Map<String, List<Phrase>> index, String key, Phrase phrase) {
        List<Phrase> phrases = index.computeIfAbsent(key, k -> new ArrayList<>());
        phrases.stream().filter(known -> known.entry() != phrase.entry())
                .map(known -> "\"" + phrase.text() + "\" of " + phrase.entry().code() + " reads as \"" + known.text()
                        + "\" of " + known.entry().code())
                .filter(clash -> !ambiguities.contains(clash))
                .forEach(ambiguities::add);
        boolean known = phrases.stream().anyMatch(p -> p.entry() == phrase.entry() && p.abbreviation() == phrase.abbreviation());
        if (!known) {
            phrases.add(phrase);
        }
    }

    private static void collect(List<Phrase> phrases, List<DescriptionText.Word> words, int start, int end,
                                List<Match> found) {
        if (phrases == null) {
            return;
        }
        List<DescriptionText.Correction> corrections = words.subList(start, end).stream()
                .flatMap(word -> word.corrections().stream()).toList();
        for (Phrase phrase : phrases) {
            if (phrase.abbreviation() && !corrections.isEmpty()) {
                continue;
            }
            found.add(new Match(phrase.entry(), phrase.text(), phrase.abbreviation(), start, end, phrase.strength(),
                    corrections));
        }
    }
}
