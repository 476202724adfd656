package io.chokepoint.registry.screening;

import java.util.List;

/**
 * A name reduced to what matters for matching.
 *
 * @param tokens     lower-case ASCII-folded words, legal forms removed, in their original order
 * @param legalForms the legal forms that were removed (such as "co ltd"), for the explanation
 * @param key        the tokens sorted and joined: equal for names that differ only in order, case,
 *                   accents, punctuation or legal form
 */
public record NormalizedName(List<String> tokens, List<String> legalForms, String key) {

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** Sum of the token lengths: tokens weigh by their length when names are compared. */
    public int weight() {
        int total = 0;
        for (String token : tokens) {
            total += token.length();
        }
        return total;
    }
}
