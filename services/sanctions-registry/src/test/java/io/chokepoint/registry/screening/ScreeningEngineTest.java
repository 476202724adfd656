package io.chokepoint.registry.screening;

import io.chokepoint.model.screening.Match;
import io.chokepoint.registry.entities.EntityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningEngineTest {

    /** The service's default: these tests check what a shipment screening would report. */
    private static final double THRESHOLD = ScreeningDefaults.load().alertThreshold();

    private final Set<String> suppressed = new HashSet<>();
    private ScreeningEngine engine;

    @BeforeEach
    void index() {
        engine = new ScreeningEngine(MatcherSettings.defaults(), (key, id) -> suppressed.contains(key + "|" + id));
        engine.apply(List.of(
                entity("e-guzman", EntityType.PERSON, "GUZMAN LOERA, Joaquin", List.of("EL CHAPO"), Set.of("MX"), 1),
                entity("e-qinsheng", EntityType.ORGANIZATION, "QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.",
                        List.of("SHANGHAI QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD."), Set.of("CN"), 1),
                entity("e-nunez", EntityType.PERSON, "NÚÑEZ MÜLLER, José", List.of(), Set.of("CO"), 1),
                entity("e-vessel", EntityType.VESSEL, "OCEAN STAR", List.of(), Set.of(), 1),
                entity("e-zheng", EntityType.PERSON, "ZHENG, Fujing", List.of(), Set.of("CN"), 1),
                entity("e-zhukov", EntityType.PERSON, "ZHUKOV, Sergei Viktorovich", List.of(), Set.of("RU"), 1),
                entity("e-assad", EntityType.PERSON, "AL-ASSAD, Muhammad", List.of(), Set.of("SY"), 1),
                entity("e-khalil", EntityType.PERSON, "KHALIL HADDAD, Rami Antoine", List.of(), Set.of("LB"), 1),
                entity("e-finrost", EntityType.ORGANIZATION, "FINROST LIMITED", List.of(), Set.of("RU"), 1),
                entity("e-zenith", EntityType.ORGANIZATION, "ZENITH TRADING COMPANY", List.of(), Set.of(), 1),
                entity("e-trading-1", EntityType.ORGANIZATION, "ALPHA OMEGA TRADING", List.of(), Set.of(), 1),
                entity("e-trading-2", EntityType.ORGANIZATION, "KAVEH TRADING", List.of(), Set.of(), 1),
                entity("e-trading-3", EntityType.ORGANIZATION, "SEPEHR TRADING", List.of(), Set.of(), 1),
                entity("e-trading-4", EntityType.ORGANIZATION, "NOOR GENERAL TRADING", List.of(), Set.of(), 1),
                entity("e-trading-5", EntityType.ORGANIZATION, "DELTA TRADING", List.of(), Set.of(), 1),
                entity("e-trading-6", EntityType.ORGANIZATION, "BEHSAZ TRADING", List.of(), Set.of(), 1),
                entity("e-trading-7", EntityType.ORGANIZATION, "ARTIN TRADING", List.of(), Set.of(), 1),
                entity("e-trading-8", EntityType.ORGANIZATION, "PARSIAN TRADING", List.of(), Set.of(), 1),
                entity("e-ri", EntityType.PERSON, "RI, Chun Song", List.of(), Set.of("KP"), 1)),
                "2026-11-28.0001", 1);
    }

    @Test
    void ignoresWordOrder() {
        Match match = best("Joaquin Guzman Loera", null, null);
        assertEquals("e-guzman", match.entityId());
        assertEquals(1.0, match.score(), 0.0001);
        assertTrue(match.explanation().contains("GUZMAN LOERA, Joaquin"), match.explanation());
    }

    @Test
    void ignoresLegalForms() {
        Match match = best("QINSHENG PHARMACEUTICAL TECHNOLOGY COMPANY LIMITED", EntityType.ORGANIZATION, "CN");
        assertEquals("e-qinsheng", match.entityId());
        assertEquals(1.0, match.score(), 0.0001);
        assertTrue(match.explanation().contains("legal forms ignored"), match.explanation());
        assertTrue(match.explanation().contains("country CN agrees"), match.explanation());
    }

    @Test
    void ignoresDiacritics() {
        Match match = best("Jose Nunez Muller", EntityType.PERSON, null);
        assertEquals("e-nunez", match.entityId());
        assertEquals(1.0, match.score(), 0.0001);
    }

    @Test
    void forgivesAOneLetterTypo() {
        Match match = best("Qinshen Pharmaceutical Technology Co., Ltd.", null, null);
        assertEquals("e-qinsheng", match.entityId());
        assertTrue(match.score() >= THRESHOLD && match.score() < 1.0, "score " + match.score());
        assertTrue(match.explanation().contains("qinshen~qinsheng"), match.explanation());
    }

    @Test
    void findsASingleWordNameWithATypoInItsFirstLetters() {
        Match match = best("Oecan Star", EntityType.VESSEL, null);
        assertEquals("e-vessel", match.entityId());
    }

    @Test
    void reportsNothingForAClearNonMatch() {
        assertTrue(screen("Ningbo Northstar Polymer Limited", null, null).isEmpty());
        assertTrue(screen("Wei Whitfield", EntityType.PERSON, "US").isEmpty());
    }

    @Test
    void matchesAnAliasAndNamesIt() {
        Match match = best("Shanghai Qinsheng Pharmaceutical Technology", null, null);
        assertEquals("SHANGHAI QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", match.matchedName());
        assertEquals("QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", match.name());
    }

    @Test
    void countryAndTypeDisagreementLowerTheScore() {
        double agreeing = best("Joaquin Guzman Loera", EntityType.PERSON, "MX").score();
        Match otherCountry = best("Joaquin Guzman Loera", EntityType.PERSON, "PE");
        Match otherType = best("Joaquin Guzman Loera", EntityType.ORGANIZATION, "MX");
        assertTrue(otherCountry.score() < agreeing);
        assertTrue(otherCountry.explanation().contains("country PE is none of [MX]"), otherCountry.explanation());
        assertTrue(otherType.score() < agreeing);
        assertTrue(otherType.explanation().contains("type PERSON is not the queried ORGANIZATION"), otherType.explanation());
    }

    @Test
    void anIdentifierRaisesTheScore() {
        engine.apply(List.of(new ScreenableEntity("e-ids", "MANUAL", "MAN-1", EntityType.ORGANIZATION,
                "Example Chemical Trading", List.of(), Set.of(), Set.of("91320000MA1X"), List.of(), 1, true)), null, 0);
        ScreeningOutcome outcome = engine.screen(new ScreeningQuery("Sample Chem", null, null,
                List.of("91320000-ma1x"), THRESHOLD, 10));
        assertEquals("e-ids", outcome.matches().get(0).entityId());
        assertTrue(outcome.matches().get(0).explanation().contains("identifier"));
    }

    @Test
    void aDelistedEntityStopsMatching() {
        engine.apply(List.of(entity("e-guzman", EntityType.PERSON, "GUZMAN LOERA, Joaquin", List.of(), Set.of("MX"), 2)
                .delisted()), "2026-11-28.0002", 2);
        assertTrue(screen("Joaquin Guzman Loera", null, null).isEmpty());
        assertEquals("2026-11-28.0002", engine.listVersion());
    }

    @Test
    void anOlderStateNeverReplacesANewerOne() {
        engine.apply(List.of(entity("e-guzman", EntityType.PERSON, "GUZMAN LOERA, Joaquin", List.of(), Set.of("MX"), 3)
                .delisted()), "2026-11-28.0003", 3);
        engine.apply(List.of(entity("e-guzman", EntityType.PERSON, "GUZMAN LOERA, Joaquin", List.of(), Set.of("MX"), 2)),
                "2026-11-28.0002", 2);
        assertTrue(screen("Joaquin Guzman Loera", null, null).isEmpty());
        assertEquals("2026-11-28.0003", engine.listVersion());
    }

    @Test
    void aSuppressedPairIsNotReportedForAnySpellingOfTheName() {
        suppressed.add(NameNormalizer.normalize("Joaquin Guzman Loera").key() + "|e-guzman");
        assertTrue(screen("GUZMAN LOERA, JOAQUIN", null, null).isEmpty());
        assertEquals("e-qinsheng", best("Qinsheng Pharmaceutical Technology", null, null).entityId());
    }

    @Test
    void aSuppressionByTheDeclaredNameHidesThePairToo() {
        Set<String> declared = new HashSet<>();
        ScreeningEngine withDeclared = new ScreeningEngine(MatcherSettings.defaults(), new SuppressionLookup() {
            @Override
            public boolean isSuppressed(String partyNameKey, String entityId) {
                return false;
            }

            @Override
            public boolean isSuppressed(String partyNameKey, String declaredNameKey, String entityId) {
                return declared.contains(declaredNameKey + "|" + entityId);
            }
        });
        withDeclared.apply(List.of(entity("e-obrien", EntityType.ORGANIZATION, "O'BRIEN FINE CHEMICALS", List.of(),
                Set.of(), 1)), "2026-11-28.0001", 1);
        ScreeningQuery query = new ScreeningQuery("O'Brien Fine Chemicals", null, null, List.of(), THRESHOLD, 10);
        assertEquals(1, withDeclared.screen(query).matches().size());
        declared.add("o brien fine chemicals|e-obrien");
        assertTrue(withDeclared.screen(query).matches().isEmpty());
    }

    @Test
    void aMatchHiddenBySuppressionIsCountedNotReported() {
        ScreeningQuery query = new ScreeningQuery("Finrost Limited", null, null, List.of(), THRESHOLD, 10);
        assertEquals(0, engine.screen(query).suppressed());
        suppressed.add(NameNormalizer.normalize("Finrost Limited").key() + "|e-finrost");

        ScreeningOutcome outcome = engine.screen(query);

        assertTrue(outcome.matches().isEmpty());
        assertEquals(1, outcome.suppressed());
        // another country costs the score its penalty: below this threshold, no match, so none suppressed
        ScreeningQuery below = new ScreeningQuery("Finrost Limited", null, "US", List.of(), 0.95, 10);
        assertEquals(0, engine.screen(below).suppressed(), "a suppressed candidate below the threshold is no match");
    }

    @Test
    void countsEntitiesBySourceAndStatusAndTakesAStateOnlyOnce() {
        assertEquals(19, engine.count("OFAC-SDN", true));
        ScreenableEntity finrost = entity("e-finrost", EntityType.ORGANIZATION, "FINROST LIMITED", List.of(),
                Set.of("RU"), 2);

        engine.apply(List.of(finrost.delisted()), "2026-11-28.0002", 2);
        engine.apply(List.of(finrost.delisted()), "2026-11-28.0002", 2);
        engine.apply(List.of(entity("e-finrost", EntityType.ORGANIZATION, "FINROST LIMITED", List.of(), Set.of("RU"),
                1)), null, 0);

        assertEquals(18, engine.count("OFAC-SDN", true));
        assertEquals(1, engine.count("OFAC-SDN", false), "the same state applied twice counts once");
        assertEquals(18, engine.size());
        assertTrue(screen("Finrost Limited", null, null).isEmpty(), "the older listed state came too late");
        assertEquals(Set.of("OFAC-SDN"), engine.sources());
        assertEquals("2026-11-28.0002", engine.listVersion());
    }

    @Test
    void answersBestFirstWithinTheLimit() {
        engine.apply(List.of(entity("e-qinsheng-2", EntityType.ORGANIZATION, "QINSHENG TECHNOLOGY",
                List.of(), Set.of("CN"), 1)), null, 0);
        List<Match> all = engine.screen(new ScreeningQuery("Qinsheng Pharmaceutical Technology", null, null,
                List.of(), 0.5, 10)).matches();
        assertEquals(List.of("e-qinsheng", "e-qinsheng-2"), all.stream().map(Match::entityId).toList());
        assertEquals(1, engine.screen(new ScreeningQuery("Qinsheng Pharmaceutical Technology", null, null,
                List.of(), 0.5, 1)).matches().size());
    }

    @Test
    void transliteratesCyrillic() {
        Match match = best("Жуков Сергей Викторович", EntityType.PERSON, null);
        assertEquals("e-zhukov", match.entityId());
        assertTrue(match.explanation().contains("sergey~sergei"), match.explanation());
    }

    @Test
    void transliteratesChineseCharactersAndJoinsTheirSyllables() {
        Match match = best("郑富敬", EntityType.PERSON, null);
        assertEquals("e-zheng", match.entityId());
        assertEquals(1.0, match.score(), 0.0001);
        assertTrue(match.explanation().contains("fu jing~fujing"), match.explanation());
    }

    @Test
    void matchesArabicScriptByItsConsonants() {
        Match match = best("محمد الأسد", EntityType.PERSON, null);
        assertEquals("e-assad", match.entityId());
        assertTrue(match.explanation().contains("mhmd~muhammad"), match.explanation());
    }

    @Test
    void joinsAndSplitsWordsWrittenEitherWay() {
        assertEquals(1.0, best("Fu Jing ZHENG", null, null).score(), 0.0001);
        engine.apply(List.of(entity("e-tongmyong", EntityType.PERSON, "KIM, Tong Myong", List.of(), Set.of("KP"), 1)),
                null, 0);
        Match match = best("Tongmyong KIM", EntityType.PERSON, null);
        assertEquals("e-tongmyong", match.entityId());
        assertEquals(1.0, match.score(), 0.0001);
    }

    @Test
    void toleratesAMissingMiddleNameButNotAMissingSurname() {
        Match withoutMiddleName = best("Rami Khalil Haddad", EntityType.PERSON, null);
        assertEquals("e-khalil", withoutMiddleName.entityId());
        assertTrue(withoutMiddleName.explanation().contains("antoine w") && withoutMiddleName.explanation()
                .contains("(middle name)"), withoutMiddleName.explanation());
        List<Match> withoutSurname = screen("Rami Antoine Khalil", EntityType.PERSON, null);
        assertTrue(withoutSurname.isEmpty(), withoutSurname::toString);
        Match below = engine.screen(new ScreeningQuery("Rami Antoine Khalil", EntityType.PERSON, null, List.of(), 0, 1))
                .matches().get(0);
        assertTrue(below.explanation().contains("haddad") && below.explanation().contains("(surname)"),
                below.explanation());
    }

    @Test
    void commonWordsCountLessThanRareOnes() {
        assertEquals("e-zenith", best("Zenith Trading Co.", EntityType.ORGANIZATION, null).entityId());
        Match onlyTheCommonWord = engine.screen(new ScreeningQuery("Horizon Trading Company", EntityType.ORGANIZATION,
                null, List.of(), 0, 10)).matches().stream().filter(m -> m.entityId().equals("e-zenith")).findFirst()
                .orElseThrow();
        assertTrue(onlyTheCommonWord.score() < 0.5, onlyTheCommonWord.explanation());
        double trading = weight(onlyTheCommonWord.explanation(), "trading");
        double zenith = weight(onlyTheCommonWord.explanation(), "zenith");
        assertTrue(trading < zenith / 2, onlyTheCommonWord.explanation());
    }

    @Test
    void recognisesLegalFormsWrittenWithATypo() {
        Match match = best("FINROST LIIMTED", EntityType.ORGANIZATION, null);
        assertEquals("e-finrost", match.entityId());
        assertEquals(1.0, match.score(), 0.0001);
        assertTrue(match.explanation().contains("legal forms ignored: ltd"), match.explanation());
    }

    @Test
    void forgivesTyposByWordLength() {
        Match swapped = best("Chun Song IR", EntityType.PERSON, null);
        assertEquals("e-ri", swapped.entityId());
        assertTrue(swapped.explanation().contains("ir~ri 0.83"), swapped.explanation());
        assertTrue(screen("Chun Song RO", EntityType.PERSON, null).isEmpty(),
                "a changed letter makes another short name");
        Match changed = best("Fujing ZHANG", EntityType.PERSON, null);
        assertEquals("e-zheng", changed.entityId());
        assertTrue(changed.explanation().contains("zhang~zheng 0.80"), changed.explanation());
    }

    @Test
    void explainsWhichNameMatchedWithWhatWeightAgainstWhichListVersion() {
        Match match = best("El Chapo", EntityType.PERSON, "MX");
        assertEquals("e-guzman", match.entityId());
        assertEquals("EL CHAPO", match.matchedName());
        String why = match.explanation();
        assertTrue(why.startsWith("matched alias \"EL CHAPO\" (list version 2026-11-28.0001): name similarity 1.00"),
                why);
        assertTrue(why.contains("chapo w") && why.contains("+0.02 country MX agrees"), why);
        assertTrue(why.endsWith("score 1.00"), why);
    }

    @Test
    void aWordReadAsALegalFormStillMatchesAListedSurname() {
        engine.apply(List.of(entity("e-pao", EntityType.PERSON, "PAO, Yu Hsiang", List.of(), Set.of(), 1)), null, 0);
        Match match = best("Yu Hsiang Pao", null, null);
        assertEquals("e-pao", match.entityId());
        assertEquals(1.0, match.score(), 0.0001);
        assertTrue(match.explanation().contains("pao w"), match.explanation());
        assertFalse(match.explanation().contains("legal forms ignored"), match.explanation());
        assertEquals("e-pao", best("Yu Hsiang POA", null, null).entityId(), "with two letters swapped too");
        assertEquals("e-pao", best("PAO Yu Hsiang", EntityType.ORGANIZATION, null).entityId(),
                "written in front, where it reads as the Russian form too");
    }

    @Test
    void wordsReadAsLegalFormsPairWithNamesOfEveryKind() {
        engine.apply(List.of(
                entity("e-moussa", EntityType.PERSON, "MOUSSA, Bah Ag", List.of(), Set.of("ML"), 1),
                entity("e-ooo", EntityType.PERSON, "OOO, Kwang Chol", List.of(), Set.of("KP"), 1),
                entity("e-sa", EntityType.PERSON, "SA, Jong Hun", List.of(), Set.of("KP"), 1),
                entity("e-ag-trading", EntityType.ORGANIZATION, "WEISSHORN TRADING AG", List.of(), Set.of("CH"), 1)),
                null, 0);
        assertEquals(1.0, score("Moussa Bah Ag", "e-moussa"), 0.0001);
        assertEquals(1.0, score("Kwang Chol Ooo", "e-ooo"), 0.0001);
        assertEquals(1.0, score("OOO Kwang Chol", "e-ooo"), 0.0001);
        assertEquals(1.0, score("Jong Hun SA", "e-sa"), 0.0001);
        Match reordered = best("Weisshorn AG Trading", EntityType.ORGANIZATION, null);
        assertEquals("e-ag-trading", reordered.entityId());
        assertEquals(1.0, reordered.score(), 0.0001, "the query's AG, no legal form in its middle, pairs with the "
                + "listed one: " + reordered.explanation());
    }

    @Test
    void aLegalFormWithoutAPartnerStillCostsNothing() {
        Match match = best("ZENITH TRADING CO LTD", EntityType.ORGANIZATION, null);
        assertEquals("e-zenith", match.entityId());
        assertEquals(1.0, match.score(), 0.0001);
        assertTrue(match.explanation().contains("legal forms ignored: co ltd, co"), match.explanation());
        Match person = best("Chun Song Ri Ltd", null, null);
        assertEquals("e-ri", person.entityId());
        assertEquals(1.0, person.score(), 0.0001, person.explanation());
    }

    /** The score of the entity's match for a query of any type. */
    private double score(String name, String entityId) {
        return screen(name, null, null).stream().filter(m -> m.entityId().equals(entityId)).findFirst()
                .orElseThrow(() -> new AssertionError("no match of " + entityId + " for " + name)).score();
    }

    /** The weight the explanation gives a word ("trading w1.2"). */
    private static double weight(String explanation, String word) {
        Matcher m = Pattern.compile("\\b" + word + "(?:~\\S+ [0-9.]+)? w([0-9.]+)")
                .matcher(explanation);
        assertTrue(m.find(), explanation);
        return Double.parseDouble(m.group(1));
    }

    private Match best(String name, EntityType type, String country) {
        List<Match> matches = screen(name, type, country);
        assertTrue(!matches.isEmpty(), "no match for " + name);
        return matches.get(0);
    }

    private List<Match> screen(String name, EntityType type, String country) {
        return engine.screen(new ScreeningQuery(name, type, country, List.of(), THRESHOLD, 10)).matches();
    }

    private static ScreenableEntity entity(String id, EntityType type, String name, List<String> aliases,
                                           Set<String> countries, long revision) {
        return new ScreenableEntity(id, "OFAC-SDN", id, type, name,
                aliases.stream().map(a -> new ScreenableEntity.ListedName(a, false)).toList(),
                countries, Set.of(), List.of("SDNTK"), revision, true);
    }
}
