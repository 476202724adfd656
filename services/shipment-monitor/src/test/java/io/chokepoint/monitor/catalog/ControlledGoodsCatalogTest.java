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
                () -> ControlledGoodsCatalog.of(new CatalogDocument("t", null, null, null, List.of(typo))));
        assertThat(failure.getMessage(), containsString("CAS 39742-60-5 fails its check digit"));
        assertThat(failure.getMessage(), containsString("not an HS code: 2933.3x"));
    }
}
