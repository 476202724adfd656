package io.chokepoint.registry.screening;

import io.chokepoint.model.screening.Match;
import io.chokepoint.registry.entities.EntityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningEngineTest {

    private static final double THRESHOLD = 0.85;

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
                entity("e-vessel", EntityType.VESSEL, "OCEAN STAR", List.of(), Set.of(), 1)), "2026-11-28.0001", 1);
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
    void answersBestFirstWithinTheLimit() {
        engine.apply(List.of(entity("e-qinsheng-2", EntityType.ORGANIZATION, "QINSHENG PHARMA TECHNOLOGY",
                List.of(), Set.of("CN"), 1)), null, 0);
        List<Match> all = engine.screen(new ScreeningQuery("Qinsheng Pharmaceutical Technology", null, null,
                List.of(), 0.5, 10)).matches();
        assertEquals(List.of("e-qinsheng", "e-qinsheng-2"), all.stream().map(Match::entityId).toList());
        assertEquals(1, engine.screen(new ScreeningQuery("Qinsheng Pharmaceutical Technology", null, null,
                List.of(), 0.5, 1)).matches().size());
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
