package io.chokepoint.monitor.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.monitor.codes.CasNumber;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlledGoodsCatalogTest {

    private static ControlledGoodsCatalog shipped() throws IOException {
        try (InputStream json = ControlledGoodsCatalogTest.class.getResourceAsStream("/catalog/controlled-goods.json")) {
            return ControlledGoodsCatalog.read(json, new ObjectMapper());
        }
    }

    @Test
    void theShippedCatalogHasEveryItemOfTheDomainFacts() throws IOException {
        ControlledGoodsCatalog catalog = shipped();
        assertFalse(catalog.version().isBlank());
        Map<String, GoodsCategory> categories = catalog.document().entries().stream()
                .collect(Collectors.toMap(CatalogEntry::code, CatalogEntry::category));
        assertThat(categories.keySet(), hasItems("NPP", "ANPP", "4-AP", "1-BOC-4-AP", "NORFENTANYL", "4-PIPERIDONE",
                "1-BOC-4-PIPERIDONE", "PHENETHYL-BROMIDE", "PROPIONYL-CHLORIDE", "SODIUM-BOROHYDRIDE",
                "TABLET-PRESS", "ENCAPSULATING-MACHINE", "PUNCHES-AND-DIES"));
        assertEquals(GoodsCategory.SURVEILLANCE, categories.get("SODIUM-BOROHYDRIDE"));
        assertEquals(GoodsCategory.TABLETING_EQUIPMENT, categories.get("PUNCHES-AND-DIES"));
        assertTrue(catalog.document().entries().stream().allMatch(entry -> !entry.sources().isEmpty()));
    }

    @Test
    void everyCasOfTheShippedCatalogPassesItsCheckDigitAndIsFound() throws IOException {
        ControlledGoodsCatalog catalog = shipped();
        Set<String> salts = Set.of("40064-34-4", "41979-39-9");
        for (String cas : List.of("39742-60-4", "21409-26-7", "23056-29-3", "125541-22-2", "1609-66-1",
                "41661-47-6", "79099-07-3", "103-63-9", "79-03-8", "16940-66-2")) {
            assertTrue(catalog.byCas(CasNumber.parse(cas).orElseThrow()).isPresent(), cas);
        }
        salts.forEach(cas -> assertEquals("4-PIPERIDONE",
                catalog.byCas(CasNumber.parse(cas).orElseThrow()).orElseThrow().entry().code()));
    }

    @Test
    void aCatalogWithAWrongCheckDigitDoesNotLoad() {
        CatalogEntry typo = new CatalogEntry("NPP", "N-Phenethyl-4-piperidone", GoodsCategory.PRECURSOR,
                List.of("npp"), List.of(), List.of(new CatalogEntry.Cas("39742-60-5", "base", null)),
                List.of(new CatalogEntry.Hs("2933.3x", true, null)), List.of(), List.of());
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ControlledGoodsCatalog.of(new CatalogDocument("t", null, null, null, null, List.of(typo))));
        assertThat(failure.getMessage(), containsString("CAS 39742-60-5 fails its check digit"));
        assertThat(failure.getMessage(), containsString("not an HS code: 2933.3x"));
    }

    private static CatalogEntry entry(String code, List<String> synonyms, String cas, String hs, boolean decisive) {
        return new CatalogEntry(code, code, GoodsCategory.PRECURSOR, synonyms, List.of(),
                List.of(new CatalogEntry.Cas(cas, "base", null)), List.of(new CatalogEntry.Hs(hs, decisive, null)),
                List.of(), List.of("a source"));
    }

    @Test
    void everyProblemIsNamedAtItsPath() {
        CatalogEntry sourceless = new CatalogEntry("X", "X", GoodsCategory.NONE, List.of(" - "), List.of(), List.of(),
                List.of(), List.of(), List.of());
        InvalidCatalogException failure = assertThrows(InvalidCatalogException.class, () -> ControlledGoodsCatalog.of(
                new CatalogDocument(" ", null, null, Map.of("-", "x"), List.of(), List.of(
                        entry("A", List.of("alpha chemical"), "39742-60-4", "2933.37", true),
                        entry("B", List.of("beta chemical"), "39742-60-4", "2933.37", true),
                        sourceless))));
        assertThat(failure.problems().stream().map(p -> p.field()).toList(), hasItems("version",
                "equivalentTerms.-", "entries[1].casNumbers[0].cas", "entries[1].hsCodes[0].code",
                "entries[2].category", "entries[2].sources", "entries[2].synonyms[0]"));
    }

    @Test
    void aNameSharedByTwoItemsIsRefused() {
        InvalidCatalogException failure = assertThrows(InvalidCatalogException.class, () -> ControlledGoodsCatalog.of(
                new CatalogDocument("t", null, null, Map.of("piperidinone", "piperidone"), null, List.of(
                        entry("A", List.of("4-piperidone"), "39742-60-4", "2933.37", true),
                        entry("B", List.of("4-Piperidinone"), "41661-47-6", "2933.39", false)))));
        assertThat(failure.getMessage(), containsString("two items share a name"));
    }

    @Test
    void anUnknownFieldIsRefusedSinceItWouldDropData() {
        String json = "{\"version\":\"t\",\"entries\":[{\"code\":\"A\",\"name\":\"A\",\"category\":\"PRECURSOR\","
                + "\"synonym\":[\"alpha\"],\"sources\":[\"s\"]}]}";
        InvalidCatalogException failure = assertThrows(InvalidCatalogException.class,
                () -> ControlledGoodsCatalog.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        new ObjectMapper()));
        assertEquals("entries[0].synonym", failure.problems().get(0).field());
    }
}
