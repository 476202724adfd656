package io.chokepoint.registry.screening;

import java.util.List;

/**
 * A name reduced to what matters for matching.
 *
 * @param tokens     lower-case ASCII words, transliterated, legal forms removed, in their original order
 * @param legalForms the canonical legal forms that were removed (such as "co ltd"), for the explanation
 * @param key        the tokens sorted and joined: equal for names that differ only in order, case, script,
 *                   accents, punctuation or legal form
 * @param surnames   how many leading tokens stood before a comma ("GUZMAN LOERA, Joaquin": 2), the list's way
 *                   of writing a person's surnames first; 0 when the name has no such comma
 * @param unvowelled the name was (partly) written in a script without short vowels, such as Arabic
 */
public record NormalizedName(List<String> tokens, List<String> legalForms, String key, int surnames,
                             boolean unvowelled) {

    static final NormalizedName EMPTY = new NormalizedName(List.of(), List.of(), "", 0, false);

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** Whether the token at this position stands before the comma of "SURNAME, Given Names". */
    boolean isSurname(int index) {
        return index < surnames;
    }

    /** Whether the token at this position is a given name after the first one, i.e. a middle name. */
    boolean isMiddleName(int index) {
        return surnames > 0 && index > surnames;
    }
}
