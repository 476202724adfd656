package io.chokepoint.registry.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Legal forms, each with the spellings declarations use, reduced to one canonical form. They say little about
 * who a party is ("Co., Ltd." and "Company Limited" are one form, and a trading company may declare either),
 * so the matcher removes them from names and only names them in its explanations. Spellings are token
 * sequences as {@link NameNormalizer} leaves them: lower case, punctuation gone, dotted letters joined
 * ("S.A. de C.V." is "sa de cv", "S. A." is "s a").
 */
final class LegalForms {

    /** Forms found at the end of a name; removed repeatedly, so "Co., Ltd." goes as "ltd", then "co". */
    private static final List<Spelling> TRAILING_SPELLINGS = spellings(
            form("co ltd", "company limited", "co limited", "co ltd", "coltd", "company ltd", "kk",
                    "kabushiki kaisha", "yugen kaisha"),
            form("ltd", "limited", "ltd", "ltda", "limitada", "pty ltd", "pty", "pte ltd", "pte", "pvt ltd", "pvt",
                    "private limited", "sdn bhd", "bhd", "ltee"),
            form("co", "company", "co", "cia", "compania", "companhia", "and co", "y cia", "y co", "e cia",
                    "et cie", "und co", "cie"),
            form("inc", "incorporated", "inc"),
            form("corp", "corporation", "corp"),
            form("llc", "llc", "l l c", "limited liability company", "pllc", "fz llc", "fzllc"),
            form("llp", "llp", "lp", "plc", "p l c"),
            form("gmbh", "gmbh", "mbh", "gmbh and co kg", "gmbh co kg", "gmbh und co kg", "co kg", "and co kg",
                    "kg", "ag", "ohg", "ug", "e v", "ev"),
            form("sa de cv", "sa de cv", "s a de c v", "sapi de cv", "s a p i de c v", "s de rl de cv",
                    "s de r l de c v", "s de rl", "s de r l", "de cv", "de c v", "sc de rl"),
            form("sa", "sa", "s a", "sociedad anonima", "societe anonyme", "sal", "s a l", "sac", "s a c", "saa",
                    "sae", "saic", "sas", "s a s", "sarl", "s a r l", "sca", "s c a", "scs", "snc", "srl", "s r l",
                    "spa", "s p a", "sl", "s l", "sa cv", "eirl", "eireli", "sprl", "bvba"),
            form("bv", "bv", "b v", "nv", "n v", "vof"),
            form("oy", "oy", "oyj", "ab", "as", "a s", "asa", "aps", "a p s"),
            form("jsc", "jsc", "ojsc", "cjsc", "pjsc", "jsco", "joint stock company", "open joint stock company",
                    "closed joint stock company", "public joint stock company", "private joint stock company",
                    "ao", "oao", "zao", "pao", "ooo", "tov"),
            form("fze", "fze", "fzco", "fzc", "dmcc", "fz co"),
            form("sro", "sro", "s r o", "spol s r o", "doo", "d o o", "sp z o o", "kft", "zrt", "nyrt"));

    /** Forms written in front of the name, mostly in the former Soviet Union and Indonesia. */
    private static final List<Spelling> LEADING_SPELLINGS = spellings(
            form("jsc", "ooo", "zao", "oao", "pao", "ao", "tov", "jsc", "ojsc", "cjsc", "pjsc",
                    "joint stock company", "open joint stock company", "closed joint stock company",
                    "public joint stock company", "private joint stock company"),
            form("llc", "llc", "limited liability company"),
            form("pt", "pt", "cv"),
            form("ms", "m s", "ms"),
            form("the", "the"));

    private LegalForms() {
    }

    /**
     * Removes the legal forms at both ends of the tokens, keeping at least one token ("Company Limited" alone
     * stays as it is).
     */
    static Stripped strip(List<String> tokens) {
        List<NormalizedName.LegalForm> removed = new ArrayList<>();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (Spelling spelling : TRAILING_SPELLINGS) {
                int from = tokens.size() - spelling.tokens.size();
                if (from >= 1 && written(tokens, from, spelling)) {
                    removed.add(0, asWritten(tokens, from, tokens.size(), spelling));
                    tokens.subList(from, tokens.size()).clear();
                    stripped = true;
                    break;
                }
            }
        }
        for (Spelling spelling : LEADING_SPELLINGS) {
            int size = spelling.tokens.size();
            if (tokens.size() > size && written(tokens, 0, spelling)) {
                removed.add(0, asWritten(tokens, 0, size, spelling));
                tokens.subList(0, size).clear();
                return new Stripped(removed, size);
            }
        }
        return new Stripped(removed, 0);
    }

    /** The form with its words as the name writes them: a word read as a legal form may be a name after all. */
    private static NormalizedName.LegalForm asWritten(List<String> tokens, int from, int to, Spelling spelling) {
        return new NormalizedName.LegalForm(spelling.canonical, List.copyOf(tokens.subList(from, to)));
    }

    /** Whether the tokens from this position are the spelling, allowing for a typo in its words. */
    private static boolean written(List<String> tokens, int from, Spelling spelling) {
        for (int k = 0; k < spelling.tokens.size(); k++) {
            if (!sameWord(tokens.get(from + k), spelling.tokens.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A legal form's word as written, typos included: two letters swapped ("LTD" as "LDT", "CO" as "OC"), one
     * letter wrong in a long word ("LIMITDE", "LIMITEDA" for "LIMITADA"), or its ending written twice
     * ("CORPORATIONORATION"). Short words must be exact otherwise, or "CORN" would be "CORP".
     */
    static boolean sameWord(String written, String form) {
        if (written.equals(form)) {
            return true;
        }
        if (written.length() == form.length() && TokenSimilarity.isOneSwap(written, form)) {
            return true;
        }
        if (form.length() >= 5 && EditDistance.bounded(written, form, 1) <= 1) {
            return true;
        }
        return form.length() >= 4 && written.length() > form.length() && written.startsWith(form)
                && form.endsWith(written.substring(form.length()));
    }

    /**
     * @param forms          the forms removed, in name order
     * @param leadingTokens  how many tokens were removed from the front
     */
    record Stripped(List<NormalizedName.LegalForm> forms, int leadingTokens) {

        static final Stripped NONE = new Stripped(List.of(), 0);
    }

    private static Form form(String canonical, String... spellings) {
        return new Form(canonical, spellings);
    }

    /** Longest spellings first, so that "s a de c v" goes before "s a" could take its end. */
    private static List<Spelling> spellings(Form... forms) {
        List<Spelling> out = new ArrayList<>();
        for (Form form : forms) {
            for (String spelling : form.spellings) {
                out.add(new Spelling(List.of(spelling.split(" ")), form.canonical));
            }
        }
        out.sort(Comparator.comparingInt((Spelling s) -> s.tokens.size()).reversed());
        return List.copyOf(out);
    }

    private record Form(String canonical, String[] spellings) {
    }

    private record Spelling(List<String> tokens, String canonical) {
    }
}
