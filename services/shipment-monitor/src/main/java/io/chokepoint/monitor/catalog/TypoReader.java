package io.chokepoint.monitor.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a word with one typo (a letter added, dropped, changed, or two neighbours swapped) as the catalog word it
 * misspells. Only words of {@value #MIN_LETTERS} letters or more are read so, on both sides: in short words one
 * letter is too much of the word. A word is left as written when it is itself a catalog word, when the catalog names
 * it as a distinct real word (piperazine is not a misspelt anything), or when it is one letter away from two
 * catalog words, since guessing between them would be arbitrary. Names written as words are tried before names
 * written run together ("piperidin4one"), so "piperidinnone" is read as "piperidinone", not as the other.
 */
final class TypoReader {

    static final int MIN_LETTERS = 6;

    private final Set<String> known = new HashSet<>();
    private final List<Map<Integer, List<String>>> tiers = new ArrayList<>();
    private final Set<String> distinct;

    /**
     * @param words         the words of the catalog's names, tried first
     * @param compactForms  its long names with their word breaks removed, tried next
     * @param distinctWords real words never read as typos
     */
    TypoReader(Collection<String> words, Collection<String> compactForms, Collection<String> distinctWords) {
        this.distinct = new HashSet<>(distinctWords);
        known.addAll(words);
        known.addAll(compactForms);
        tiers.add(byLength(words));
        tiers.add(byLength(compactForms));
    }

    DescriptionText.Word read(DescriptionText.Word word) {
        String written = word.text();
        if (!longEnough(written) || known.contains(written) || distinct.contains(written)) {
            return word;
        }
        for (Map<Integer, List<String>> tier : tiers) {
            Set<String> candidates = new HashSet<>();
            for (int length = written.length() - 1; length <= written.length() + 1; length++) {
                tier.getOrDefault(length, List.of()).stream()
                        .filter(candidate -> isOneEditAway(written, candidate))
                        .forEach(candidates::add);
            }
            if (candidates.size() > 1) {
                return word;
            }
            if (candidates.size() == 1) {
                String readAs = candidates.iterator().next();
                return word.withText(readAs, new DescriptionText.Correction(written, readAs));
            }
        }
        return word;
    }

    private static Map<Integer, List<String>> byLength(Collection<String> words) {
        Map<Integer, List<String>> byLength = new HashMap<>();
        new HashSet<>(words).stream().filter(TypoReader::longEnough)
                .forEach(word -> byLength.computeIfAbsent(word.length(), k -> new ArrayList<>()).add(word));
        return byLength;
    }

    static boolean longEnough(String word) {
        return word.chars().filter(Character::isLetter).count() >= MIN_LETTERS;
    }

    /** One insertion, deletion, substitution or swap of neighbours (optimal string alignment distance 1). */
    static boolean isOneEditAway(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int prefix = 0;
        while (prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (a.length() == b.length()) {
            String restA = a.substring(prefix + 1);
            String restB = b.substring(prefix + 1);
            if (restA.equals(restB)) {
                return true;
            }
            return prefix + 1 < a.length()
                    && a.charAt(prefix) == b.charAt(prefix + 1) && a.charAt(prefix + 1) == b.charAt(prefix)
                    && a.substring(prefix + 2).equals(b.substring(prefix + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(prefix + 1).equals(shorter.substring(prefix));
    }
}
