package io.chokepoint.monitor.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a description or a catalog name into the words that are compared: case and accents dropped, punctuation,
 * hyphens, spaces and brackets all become word breaks (so "1-(2-phenylethyl)-4-piperidinone" and
 * "1 (2 phenylethyl) 4 piperidinone" read alike), and equivalent spellings unified. Each word remembers whether it was
 * glued to the one before by hyphens or brackets only, as inside one chemical name, and which typos were read.
 */
final class DescriptionText {

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** What joins the parts of one chemical name: hyphens and brackets, no space. */
    private static final Pattern NAME_JOINT = Pattern.compile("[-()\\[\\]]+");

    /** A typo that was read as a catalog word. */
    record Correction(String written, String readAs) {
    }

    /**
     * One word.
     *
     * @param glued       joined to the previous word by hyphens or brackets only ("benzyl-4-piperidone"), so both
     *                    belong to one chemical name; an opening bracket alone does not glue ("NPP(...)")
     * @param corrections typos read inside this word
     */
    record Word(String text, boolean glued, List<Correction> corrections) {

        Word withText(String newText, Correction correction) {
            List<Correction> all = new ArrayList<>(corrections);
            all.add(correction);
            return new Word(newText, glued, List.copyOf(all));
        }
    }

    private record Equivalence(List<String> words, List<String> replacement) {
    }

    private final List<Equivalence> equivalences;

    DescriptionText(Map<String, String> equivalentTerms) {
        this.equivalences = equivalentTerms.entrySet().stream()
                .map(term -> new Equivalence(plainWords(term.getKey()), plainWords(term.getValue())))
                .filter(term -> !term.words().isEmpty())
                .sorted(Comparator.comparingInt((Equivalence term) -> term.words().size()).reversed())
                .toList();
    }

    /** The words as written, only lower-cased and split. */
    static List<String> plainWords(String text) {
        return split(text).stream().map(Word::text).toList();
    }

    /** The words to compare, typos read by {@code reader} (identity for none), equivalent spellings unified. */
    List<Word> words(String text, UnaryOperator<Word> reader) {
        return unify(split(text).stream().map(reader).toList());
    }

    /** The words to compare, as strings. */
    List<String> compared(String text) {
        return words(text, UnaryOperator.identity()).stream().map(Word::text).toList();
    }

    private static List<Word> split(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<Word> words = new ArrayList<>();
        Matcher word = WORD.matcher(plain);
        int previousEnd = -1;
        while (word.find()) {
            String joint = previousEnd < 0 ? "" : plain.substring(previousEnd, word.start());
            boolean glued = NAME_JOINT.matcher(joint).matches() && !joint.equals("(") && !joint.equals("[");
            words.add(new Word(word.group(), glued, List.of()));
            previousEnd = word.end();
        }
        return words;
    }

    private List<Word> unify(List<Word> words) {
        List<Word> unified = new ArrayList<>();
        int at = 0;
        while (at < words.size()) {
            Equivalence equivalence = equivalenceAt(words, at);
            if (equivalence == null) {
                unified.add(words.get(at));
                at++;
                continue;
            }
            List<Word> replaced = words.subList(at, at + equivalence.words().size());
            List<Correction> corrections = replaced.stream().flatMap(w -> w.corrections().stream()).toList();
            for (int i = 0; i < equivalence.replacement().size(); i++) {
                boolean glued = i == 0 ? replaced.get(0).glued() : true;
                unified.add(new Word(equivalence.replacement().get(i), glued, i == 0 ? corrections : List.of()));
            }
            at += equivalence.words().size();
        }
        return unified;
    }

    private Equivalence equivalenceAt(List<Word> words, int at) {
        for (Equivalence equivalence : equivalences) {
            int size = equivalence.words().size();
            if (at + size <= words.size() && Arrays.equals(
                    words.subList(at, at + size).stream().map(Word::text).toArray(),
                    equivalence.words().toArray())) {
                return equivalence;
            }
        }
        return null;
    }
}
