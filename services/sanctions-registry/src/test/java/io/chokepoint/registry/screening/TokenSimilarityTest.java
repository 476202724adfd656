package io.chokepoint.registry.screening;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenSimilarityTest {

    private final TokenSimilarity similarity = new TokenSimilarity(MatcherSettings.defaults());

    @Test
    void swappedLettersAreATypoAtAnyLength() {
        assertEquals(1 - 0.5 / 3, similarity.similarity("kmi", "kim"), 1e-9);
        assertEquals(1 - 0.5 / 3, similarity.similarity("ir", "ri"), 1e-9, "two letters count as three");
        assertEquals(1 - 0.5 / 5, similarity.similarity("negra", "negar"), 1e-9);
        assertEquals(1 - 0.5 / 9, similarity.similarity("brokreage", "brokerage"), 1e-9, "cheaper in a long word");
    }

    @Test
    void otherTyposAreForgivenByLength() {
        assertEquals(0, similarity.similarity("kim", "kin"), "none up to four letters");
        assertEquals(0, similarity.similarity("qian", "jian"));
        assertEquals(0.8, similarity.similarity("zhang", "zheng"), 1e-9, "one from five letters");
        assertEquals(1 - 1.0 / 8, similarity.similarity("qinshen", "qinsheng"), 1e-9);
        assertEquals(0, similarity.similarity("mohammed", "muhammad"), "two need ten letters");
        assertEquals(1 - 2.0 / 11, similarity.similarity("abdelrahman", "abdulrahmen"), 1e-9);
        assertEquals(1, similarity.allowedTypos(9));
        assertEquals(2, similarity.allowedTypos(10));
        assertEquals(5, similarity.shortestWithTypo());
    }

    @Test
    void anInitialStandsForAPersonsNameOnly() {
        assertEquals(0.9, similarity.similarity("j", "joaquin", false, true), 1e-9);
        assertEquals(0, similarity.similarity("m", "mumbai", false, false));
        assertEquals(0, similarity.similarity("k", "joaquin", false, true));
    }

    @Test
    void theSpellingsOfTheArabicArticleAreOneWord() {
        assertEquals(1, similarity.similarity("el", "al"));
        assertEquals(1, similarity.similarity("ul", "al"));
    }

    @Test
    void consonantsDecideForAWordWithoutShortVowels() {
        assertEquals(0, similarity.similarity("mhmd", "muhammad"));
        assertEquals(0.9, similarity.similarity("mhmd", "muhammad", true, false), 1e-9);
        assertEquals(0.9, similarity.similarity("asd", "assad", true, false), 1e-9);
        assertEquals(0, similarity.similarity("mhmd", "hamid", true, false));
        assertEquals("mhmd", TokenSimilarity.skeleton("muhammad"));
    }
}
