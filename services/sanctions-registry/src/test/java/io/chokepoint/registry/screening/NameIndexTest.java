package io.chokepoint.registry.screening;

import io.chokepoint.registry.entities.EntityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameIndexTest {

    private NameIndex index;

    @BeforeEach
    void index() {
        MatcherSettings d = MatcherSettings.defaults();
        // Words held by more than three names are too common to select candidates.
        MatcherSettings settings = new MatcherSettings(d.minTokenSimilarity(), d.initialSimilarity(), d.swapCost(),
                d.typoCost(), d.unvowelledSimilarity(), d.middleNameWeight(), d.surnameWeight(), d.weakAliasPenalty(),
                d.typeMismatchPenalty(), d.countryMismatchPenalty(), d.countryMatchBonus(), d.identifierMatchFloor(),
                3, d.maxCandidates(), d.minCandidateRank());
        index = new NameIndex(settings, new TokenSimilarity(settings));
        for (String name : List.of("ZENITH TRADING", "KAVEH TRADING", "SEPEHR TRADING", "ARTIN TRADING",
                "ZHENG, Fu Jing", "AL-ASSAD, Muhammad")) {
            for (IndexedName indexed : new IndexedEntity(entity(name)).names) {
                index.add(indexed);
            }
        }
        index.reweigh();
    }

    @Test
    void aWordFindsItsTypoVariantsAndSplitSpelling() {
        assertEquals(List.of("zenith"), words(index.term("zenitj", false, false)), "a changed letter");
        assertEquals(List.of("zenith"), words(index.term("zneith", false, false)), "swapped letters");
        assertEquals(List.of("zenith"), words(index.term("zenth", false, false)), "a dropped letter");
        assertTrue(words(index.term("fujing", false, false)).isEmpty());
        NameIndex.Term joined = index.term("fujing", false, false);
        assertEquals(List.of("fu", "jing"), List.of(index.word(joined.part(0)), index.word(joined.part(1))),
                "written together: its parts find candidates");
        assertEquals(List.of("muhammad"), words(index.term("mhmd", true, false)), "by its consonants");
        assertTrue(words(index.term("zenit", false, true)).isEmpty(), "joined words are looked up as they are");
    }

    @Test
    void rareWordsFindTheCandidatesAndCommonWordsOnlyAddToThem() {
        List<IndexedName> found = candidates("Zenith Trading");
        assertEquals(List.of("ZENITH TRADING"), found.stream().map(n -> n.text).toList(),
                "trading, held by four names, selects none");
        assertEquals(4, candidates("Trading").size(), "a query of common words alone still finds them");
    }

    @Test
    void commonWordsWeighLess() {
        NormalizedName query = NameNormalizer.normalize("Zenith Trading");
        double[] weights = index.weights(query);
        assertTrue(weights[1] < weights[0], weights[0] + " " + weights[1]);
        assertEquals(index.unknownWeight(), index.weights(NameNormalizer.normalize("Unheardof"))[0], 1e-9);
    }

    @Test
    void forgetsRemovedNames() {
        IndexedName zenith = candidates("Zenith Trading").get(0);
        index.remove(zenith);
        index.reweigh();
        assertTrue(candidates("Zenith").isEmpty());
        assertEquals(3, candidates("Trading").size());
    }

    private List<IndexedName> candidates(String query) {
        NormalizedName name = NameNormalizer.normalize(query);
        List<NameIndex.Term> terms = new ArrayList<>();
        for (String token : name.tokens()) {
            terms.add(index.term(token, false, false));
        }
        double weight = 0;
        for (double w : index.weights(name)) {
            weight += w;
        }
        List<IndexedName> out = new ArrayList<>();
        for (int slot : index.candidates(terms, weight, new NameIndex.Scratch(), 10, 0)) {
            out.add(index.name(slot));
        }
        return out;
    }

    private List<String> words(NameIndex.Term term) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < term.size(); k++) {
            out.add(index.word(term.id(k)));
        }
        return out;
    }

    private static ScreenableEntity entity(String name) {
        EntityType type = name.contains(",") ? EntityType.PERSON : EntityType.ORGANIZATION;
        return new ScreenableEntity(name, "MANUAL", name, type, name, List.of(), Set.of(), Set.of(), List.of(), 1,
                true);
    }
}
