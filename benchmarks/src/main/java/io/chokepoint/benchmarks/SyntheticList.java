package io.chokepoint.benchmarks;

import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.screening.ScreenableEntity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic list of made-up but realistic entities, to measure screening at a size no real list has: people
 * written as OFAC writes them ("SURNAME, Given Middle"), companies ("Qingdao Velmora Fine Chemicals Co., Ltd."),
 * some vessels, a third with aliases. Name parts are built from syllables, and drawn with a skew (a few given names
 * and words are very common, most are rare), as in real lists, so that common words have long postings.
 * No data is downloaded; the same seed gives the same list.
 */
public final class SyntheticList {

    private static final String[] ONSETS = {"", "b", "ch", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "p",
        "r", "s", "sh", "t", "ts", "v", "w", "y", "z", "br", "dr", "gr", "kr", "st", "tr", "zh"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ei", "ou", "ia", "ue"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "m", "k", "t", "ng", "v", "d"};
    private static final String[] SURNAME_ENDINGS = {"", "", "", "ov", "ova", "ez", "son", "ski", "ini", "ian", "enko",
        "oglu", "ardi", "ito", "berg", "ani", "ung"};
    private static final String[] INDUSTRIES = {"Trading", "General Trading", "Fine Chemicals", "Chemical Industries",
        "Pharmaceutical", "Pharma Technology", "Biotech", "Logistics", "Freight Forwarding", "Shipping",
        "Import Export",
        "Machinery", "Packaging Machinery", "Laboratory Supplies", "Polymer", "Coatings", "Agrochemical", "Electronics",
        "Industrial Equipment", "Holdings", "Investment", "Petroleum", "Textiles", "Materials", "Technology",
        "International", "Group", "Enterprises", "Development", "Construction"};
    private static final String[] LEGAL_FORMS = {"Co., Ltd.", "Limited", "LLC", "GmbH", "S.A. de C.V.", "Inc.", "B.V.",
        "S.A.", "Corp.", "Pte. Ltd.", "FZE", "JSC", "S.R.L.", "AG", "Sdn. Bhd.", ""};
    private static final String[] COUNTRIES = {"CN", "MX", "US", "IN", "RU", "IR", "AE", "TR", "CO", "DE", "NL", "HK",
        "SG", "KP", "SY", "VE", "PK", "MY", "TH", "BR"};
    private static final String[] VESSEL_WORDS = {"Star", "Ocean", "Pearl", "Glory", "Spirit", "Fortune", "Horizon",
        "Wind", "Queen", "Eagle", "Harmony", "Dragon"};

    private final String[] givenNames;
    private final String[] surnames;
    private final String[] places;
    private final String[] coinedWords;

    /** Pools of name parts; their sizes set how often a part recurs in a list. */
    public SyntheticList(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        givenNames = pool(random, 6_000, 2, 3, false);
        surnames = pool(random, 80_000, 2, 3, true);
        places = pool(random, 3_000, 2, 3, false);
        coinedWords = pool(random, 60_000, 2, 3, false);
    }

    /** {@code count} entities with ids "SYN-0" ... ; the same seed and count give the same entities. */
    public List<ScreenableEntity> entities(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ScreenableEntity> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(entity(random, i));
        }
        return out;
    }

    /**
     * Queries as declarations would write them: a listed name (or alias) varied in case, order, legal form or by two
     * swapped letters, and a share of names that are not listed (new combinations of the same parts).
     */
    public List<String> queries(List<ScreenableEntity> listed, int count, double negativeShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (random.nextDouble() < negativeShare) {
                out.add(random.nextBoolean() ? person(random, false) : company(random));
                continue;
            }
            ScreenableEntity e = listed.get(random.nextInt(listed.size()));
            String name = e.aliases().isEmpty() || random.nextInt(4) > 0 ? e.name()
                    : e.aliases().get(random.nextInt(e.aliases().size())).name();
            out.add(vary(random, name));
        }
        return out;
    }

    private ScreenableEntity entity(SplittableRandom random, int i) {
        int kind = random.nextInt(100);
        EntityType type = kind < 55 ? EntityType.PERSON : kind < 95 ? EntityType.ORGANIZATION : EntityType.VESSEL;
        String name = switch (type) {
            case PERSON -> person(random, true);
            case ORGANIZATION -> company(random);
            default -> vessel(random);
        };
        List<ScreenableEntity.ListedName> aliases = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            int n = 1 + random.nextInt(2);
            for (int a = 0; a < n; a++) {
                String alias = type == EntityType.PERSON ? person(random, true) : company(random);
                aliases.add(new ScreenableEntity.ListedName(alias, random.nextInt(4) == 0));
            }
        }
        Set<String> countries = new LinkedHashSet<>(List.of(COUNTRIES[random.nextInt(COUNTRIES.length)]));
        return new ScreenableEntity("SYN-" + i, "SYNTHETIC", Integer.toString(i), type, name, aliases, countries,
                Set.of(), List.of("SDNTK"), 1, true);
    }

    /** "SURNAME [SURNAME], Given [Middle]" as listed, or "Given Surname" as a declaration writes it. */
    private String person(SplittableRandom random, boolean listed) {
        String surname = skewed(random, surnames);
        if (random.nextInt(4) == 0) {
            surname += " " + skewed(random, surnames);
        }
        String given = skewed(random, givenNames);
        if (random.nextInt(3) == 0) {
            given += " " + skewed(random, givenNames);
        }
        return listed ? surname.toUpperCase(Locale.ROOT) + ", " + given : given + " " + surname;
    }

    private String company(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        if (random.nextInt(3) > 0) {
            name.append(skewed(random, places)).append(' ');
        }
        name.append(skewed(random, coinedWords)).append(' ')
                .append(INDUSTRIES[skewedIndex(random, INDUSTRIES.length)]);
        String form = LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
        return form.isEmpty() ? name.toString() : name + " " + form;
    }

    private String vessel(SplittableRandom random) {
        return (skewed(random, coinedWords) + " " + VESSEL_WORDS[random.nextInt(VESSEL_WORDS.length)])
                .toUpperCase(Locale.ROOT);
    }

    private static String vary(SplittableRandom random, String name) {
        return switch (random.nextInt(5)) {
            case 0 -> name;
            case 1 -> name.toLowerCase(Locale.ROOT).replace(",", "").replace(".", "");
            case 2 -> reorder(name);
            case 3 -> swapLetters(random, reorder(name));
            default -> name.replace("Co., Ltd.", "Company Limited").replace("Limited", "Ltd").replace("S.A.", "SA");
        };
    }

    private static String reorder(String name) {
        int comma = name.indexOf(", ");
        return comma < 0 ? name : name.substring(comma + 2) + " " + name.substring(0, comma);
    }

    private static String swapLetters(SplittableRandom random, String name) {
        char[] letters = name.toCharArray();
        for (int attempt = 0; attempt < 10; attempt++) {
            int k = random.nextInt(Math.max(1, letters.length - 1));
            if (Character.isLetter(letters[k]) && Character.isLetter(letters[k + 1]) && letters[k] != letters[k + 1]) {
                char c = letters[k];
                letters[k] = letters[k + 1];
                letters[k + 1] = c;
                break;
            }
        }
        return new String(letters);
    }

    /** A part drawn with a skew: low indexes (the common parts) far more often than high ones. */
    private static String skewed(SplittableRandom random, String[] pool) {
        return pool[skewedIndex(random, pool.length)];
    }

    private static int skewedIndex(SplittableRandom random, int size) {
        double u = random.nextDouble();
        return (int) Math.min(size - 1, Math.floor(size * u * u * u));
    }

    private static String[] pool(SplittableRandom random, int size, int minSyllables, int maxSyllables,
                                 boolean surname) {
        Set<String> parts = new LinkedHashSet<>();
        while (parts.size() < size) {
            int syllables = minSyllables + random.nextInt(maxSyllables - minSyllables + 1);
            StringBuilder part = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                part.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
                if (s == syllables - 1 || random.nextInt(3) == 0) {
                    part.append(CODAS[random.nextInt(CODAS.length)]);
                }
            }
            if (surname) {
                part.append(SURNAME_ENDINGS[random.nextInt(SURNAME_ENDINGS.length)]);
            }
            if (part.length() >= 3) {
                parts.add(Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
        }
        return parts.toArray(String[]::new);
    }
}
