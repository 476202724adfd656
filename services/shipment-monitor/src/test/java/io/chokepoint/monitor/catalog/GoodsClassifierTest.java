package io.chokepoint.monitor.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.GoodsClassification;
import io.chokepoint.model.shipment.GoodsLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoodsClassifierTest {

    private static ControlledGoodsCatalog catalog;
    private static GoodsClassifier classifier;

    @BeforeAll
    static void loadTheShippedCatalog() throws IOException {
        try (InputStream json = GoodsClassifierTest.class.getResourceAsStream("/catalog/controlled-goods.json")) {
            catalog = ControlledGoodsCatalog.read(json, new ObjectMapper());
        }
        classifier = new GoodsClassifier(catalog);
    }

    private static GoodsClassification classify(String description, String hsCode, String cas) {
        return classifier.classify(new GoodsLine(1, description, hsCode, cas, BigDecimal.ONE, "KG", null));
    }

    @Test
    void recognisesNppAsTheLeadsEndToEndLine() {
        GoodsClassification npp = classify("N-Phenethyl-4-piperidone", "293337", "39742-60-4");
        assertEquals(GoodsCategory.PRECURSOR, npp.category());
        assertEquals("NPP", npp.itemCode());
        assertEquals(catalog.version(), npp.catalogVersion());
        assertFalse(npp.misdeclared());
        assertThat(npp.evidence(), hasItem("CAS 39742-60-4 is NPP (N-Phenethyl-4-piperidone)"));
        assertThat(npp.evidence(), hasItem("HS 2933.37 is the subheading for NPP"));
        assertThat(npp.evidence(), hasSize(3));
    }

    @Test
    void theCasNumberDecidesEvenUnderAVagueDescription() {
        GoodsClassification line = classify("Pharmaceutical intermediate", "293399", "79099-07-3");
        assertEquals("1-BOC-4-PIPERIDONE", line.itemCode());
        assertTrue(line.misdeclared(), "2933.99 is not an HS code of 1-boc-4-piperidone");
        assertThat(String.join("|", line.evidence()), containsString("declared HS 2933.99 is not an HS code of 1-BOC-4-PIPERIDONE"));
    }

    @Test
    void aSaltCasNamesItsBase() {
        GoodsClassification line = classify("4-Piperidone monohydrate hydrochloride", "293339", "40064-34-4");
        assertEquals("4-PIPERIDONE", line.itemCode());
        assertFalse(line.misdeclared());
        assertThat(line.evidence(), hasItem("CAS 40064-34-4 is 4-Piperidone, as monohydrate hydrochloride"));
    }

    @ParameterizedTest
    @CsvSource({
            "ANPP,                                         293336, ANPP",
            "Anything at all,                              293336, ANPP",
            "Unnamed chemical,                             2933.37, NPP",
            "N-BOC-4-piperidone,                           293339, 1-BOC-4-PIPERIDONE",
            "Norfentanyl,                                  293339, NORFENTANYL",
            "4-Anilinopiperidine,                          2933399073, 4-AP",
            "4-anilino-piperidine dihydrochloride,         293339, 4-AP",
            "4-Anilino-N-phenethylpiperidine,              293336, ANPP",
            "tert-Butyl 4-(phenylamino)piperidine-1-carboxylate, 293339, 1-BOC-4-AP",
            "1-Phenethyl-4-piperidinone,                   293339, NPP",
            "N-Phenethyl-4-piperidone (NPP),               293337, NPP",
            "4-PIPERIDONE HCL,                             293339, 4-PIPERIDONE",
            "Piperidin-4-one,                              ,       4-PIPERIDONE",
            "Despropionylfentanyl,                         293339, ANPP"
    })
    void recognisesPrecursorsByHsAndDescription(String description, String hsCode, String expected) {
        GoodsClassification line = classify(description, hsCode, null);
        assertEquals(GoodsCategory.PRECURSOR, line.category(), description);
        assertEquals(expected, line.itemCode(), description);
    }

    @ParameterizedTest
    @CsvSource({
            "TDP-5 tablet press machine,                   847989, TABLET-PRESS",
            "Rotary tablet press with punches and dies,   847989, TABLET-PRESS",
            "Semi-automatic capsule filling machine,       842230, ENCAPSULATING-MACHINE",
            "Spare tablet punches,                          847990, PUNCHES-AND-DIES",
            "PILL PRESSES,                                  847989, TABLET-PRESS"
    })
    void recognisesTabletingEquipment(String description, String hsCode, String expected) {
        GoodsClassification line = classify(description, hsCode, null);
        assertEquals(GoodsCategory.TABLETING_EQUIPMENT, line.category(), description);
        assertEquals(expected, line.itemCode(), description);
        assertFalse(line.misdeclared(), description);
    }

    @Test
    void aTabletPressUnderAPackagingCodeIsMisdeclared() {
        GoodsClassification line = classify("Tablet press", "842230", null);
        assertEquals("TABLET-PRESS", line.itemCode());
        assertTrue(line.misdeclared());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Piperonyl butoxide", "Piperazine", "Piperazine citrate", "Piperidine",
            "Cotton T-shirts", "Paracetamol 500 mg tablets", "Hydraulic punch press", "Tablet PC",
            "4-Aminopyridine", "Fentanyl test strips"})
    void leavesLookAlikesAlone(String description) {
        GoodsClassification line = classify(description, "293299", null);
        assertEquals(GoodsCategory.NONE, line.category(), description);
        assertNull(line.itemCode());
        assertThat(line.evidence(), empty());
        assertFalse(line.misdeclared());
    }

    @Test
    void anAbbreviationCountsOnlyUnderAChemicalCode() {
        assertEquals(GoodsCategory.NONE, classify("Spare parts for NPP cooling pumps", "841391", null).category());
        assertEquals("NPP", classify("NPP", "293399", null).itemCode());
        assertEquals("NPP", classify("NPP", null, null).itemCode());
    }

    @Test
    void aControlledDescriptionUnderABenignCodeIsMisdeclared() {
        GoodsClassification line = classify("1-boc-4-piperidone", "2932.99", null);
        assertEquals("1-BOC-4-PIPERIDONE", line.itemCode());
        assertTrue(line.misdeclared());
    }

    @Test
    void aCasAndADecisiveCodeThatDisagreeAreBothReported() {
        GoodsClassification line = classify("Chemical", "293336", "39742-60-4");
        assertEquals("NPP", line.itemCode());
        assertTrue(line.misdeclared());
        assertThat(line.evidence(), hasItem("HS 2933.36 is the subheading for ANPP, not for NPP that the CAS number names"));
    }

    @Test
    void surveillanceChemicalsAreWatchedNotControlled() {
        GoodsClassification line = classify("Sodium borohydride", "285000", "16940-66-2");
        assertEquals(GoodsCategory.SURVEILLANCE, line.category());
        assertEquals("SODIUM-BOROHYDRIDE", line.itemCode());
        GoodsClassification elsewhere = classify("Propanoyl chloride", "291590", null);
        assertEquals("PROPIONYL-CHLORIDE", elsewhere.itemCode());
        assertFalse(classify("Phenethyl bromide", "293399", "103-63-9").misdeclared(),
                "only controlled items are flagged as mis-declared");
    }

    @Test
    void aDescriptionNamingSeveralItemsKeepsTheFirstAndMentionsTheRest() {
        GoodsClassification line = classify("Tablet press with tablet punches; 4-anilinopiperidine; 4-AP", "847989", null);
        assertEquals("TABLET-PRESS", line.itemCode());
        String evidence = String.join("|", line.evidence());
        assertThat(evidence, containsString("also names PUNCHES-AND-DIES"));
        assertThat(evidence, containsString("also names 4-AP (4-Anilinopiperidine) (as \"4-Anilinopiperidine\")"));
        assertThat("an abbreviation under a machinery code is not read", evidence, not(containsString("as \"4-AP\"")));
    }

    @Test
    void anUnknownCasIsNotAMatch() {
        GoodsClassification line = classify("Citric acid monohydrate", "291814", "77-92-9");
        assertEquals(GoodsCategory.NONE, line.category());
    }
}
