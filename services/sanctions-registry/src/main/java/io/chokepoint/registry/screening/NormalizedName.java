package io.chokepoint.registry.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * A name reduced to what matters for matching.
 *
 * @param tokens     lower-case ASCII words, transliterated, legal forms removed, in their original order
 * @param forms      the legal forms that were removed, in name order, each with the words it was written with
 * @param key        the tokens sorted and joined: equal for names that differ only in order, case, script,
 *                   accents, punctuation or legal form
 * @param surnames   how many leading tokens stood before a comma ("GUZMAN LOERA, Joaquin": 2), the list's way
 *                   of writing a person's surnames first; 0 when the name has no such comma
 * @param unvowelled the name was (partly) written in a script without short vowels, such as Arabic
 */
public record NormalizedName(List<String> tokens, List<LegalForm> forms, String key, int surnames,
                             boolean unvowelled) {

    static final NormalizedName EMPTY = new NormalizedName(List.of(), List.of(), "", 0, false);

    /**
     * A legal form removed from a name.
     *
     * @param canonical the form as the explanations name it ("co ltd" for "Company Limited")
     * @param words     the words that were read as the form ("company", "limited"); the matcher may still pair
     *                  them with a listed name's words, since a word that reads as a legal form can be a name
     *                  (the surname "PAO", the given name "Ag")
     */
    public record LegalForm(String canonical, List<String> words) {
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The canonical legal forms removed (such as "co ltd"), in name order. */
    public List<String> legalForms() {
        return forms.isEmpty() ? List.of() : forms.stream().map(LegalForm::canonical).toList();
    }

    /** The words read as legal forms, in the order of {@link #forms}. */
    List<String> formWords() {
        if (forms.isEmpty()) {
            return List.of();
        }
        if (forms.size() == 1) {
            return forms.get(0).words();
        }
        List<String> out = new ArrayList<>();
        for (LegalForm form : forms) {
            out.addAll(form.words());
        }
        return out;
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
