package io.chokepoint.monitor.catalog;

import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.GoodsClassification;
import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.monitor.support.TestCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a goods description alone names a catalog item: no CAS number, no decisive HS code. */
class DescriptionMatchingTest {

    private static final GoodsClassifier CLASSIFIER = new GoodsClassifier(TestCatalogs.shipped());

    private static GoodsClassification describe(String description) {
        return CLASSIFIER.classify(new GoodsLine(1, description, "293399", null, BigDecimal.ONE, "KG", null));
    }

    private static GoodsClassification describe(String description, String hsCode) {
        return CLASSIFIER.classify(new GoodsLine(1, description, hsCode, null, BigDecimal.ONE, "KG", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "N-Phenethyl-4-piperidnoe            | NPP                | piperidnoe      | piperidone",
            "N-Phenetyl-4-piperidone             | NPP                | phenetyl        | phenethyl",
            "1-phenethyl-4-piperidinnone         | NPP                | piperidinnone   | piperidinone",
            "4-Anilinopiperdine                  | 4-AP               | anilinopiperdine | anilinopiperidine",
            "Norfentanil                         | NORFENTANYL        | norfentanil     | norfentanyl",
            "Norfentanyll citrate                | NORFENTANYL        | norfentanyll    | norfentanyl",
            "Despropionly fentanyl               | ANPP               | despropionly    | despropionyl",
            "Sodium borohydrid                   | SODIUM-BOROHYDRIDE | borohydrid      | borohydride",
            "Propionyl chlorde                   | PROPIONYL-CHLORIDE | chlorde         | chloride",
            "Tablet presss                       | TABLET-PRESS       | presss          | presses",
            "Capsule filing machine              | ENCAPSULATING-MACHINE | filing       | filling"
    })
    void oneTypoInALongWordIsReadAndSaid(String description, String item, String written, String readAs) {
        GoodsClassification line = describe(description.trim(), "");
        assertEquals(item.trim(), line.itemCode(), description);
        assertThat(String.join("|", line.evidence()),
                containsString("reading \"" + written.trim() + "\" as \"" + readAs.trim() + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"N-Phenethyl-4-pipredinoen", "Norfentanylle", "Pill prss", "4-AQ"})
    void moreThanOneTypoOrATypoInAShortWordIsNotGuessed(String description) {
        assertEquals(GoodsCategory.NONE, describe(description).category(), description);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1-(2-phenylethyl)-4-piperidinone                | NPP",
            "1-(2-Phenylethyl)piperidin-4-one               | NPP",
            "N-(2-phenylethyl)-4-piperidone                 | NPP",
            "N Phenethyl 4 Piperidone                       | NPP",
            "N-phenethyl-4-piperidone                       | NPP",
            "NPhenethyl4Piperidone                          | NPP",
            "4-Piperidinone, 1-(2-phenylethyl)-             | NPP",
            "4-Piperidinamine, N-phenyl-1-(2-phenylethyl)-  | ANPP",
            "N-phenyl-1-(2-phenylethyl)-4-piperidinamine    | ANPP",
            "4-(Phenylamino)piperidine dihydrochloride      | 4-AP",
            "N-Phenyl-4-piperidinamine                      | 4-AP",
            "tert-butyl 4-(phenylamino)piperidine-1-carboxylate | 1-BOC-4-AP",
            "1-Piperidinecarboxylic acid, 4-oxo-, 1,1-dimethylethyl ester | 1-BOC-4-PIPERIDONE",
            "N-BOC-4-piperidinone                           | 1-BOC-4-PIPERIDONE",
            "Benzene, (2-bromoethyl)-                       | PHENETHYL-BROMIDE",
            "2-Phenylethyl bromide                          | PHENETHYL-BROMIDE",
            "Piperidin-4-one hydrochloride                  | 4-PIPERIDONE",
            "4-Piperidone HCl (CAS 41979-39-9)              | 4-PIPERIDONE"
    })
    void chemicalNameVariantsNameTheirItem(String description, String item) {
        assertEquals(item.trim(), describe(description.trim()).itemCode(), description);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NPP                            | NPP",
            "NPP 99% min                    | NPP",
            "ANPP                           | ANPP",
            "4-ANPP                         | ANPP",
            "4-AP hydrochloride             | 4-AP",
            "1-Boc-4-AP                     | 1-BOC-4-AP",
            "Boc-4-AP                       | 1-BOC-4-AP",
            "NaBH4                          | SODIUM-BOROHYDRIDE",
            "NPP (N-phenethyl-4-piperidone) | NPP"
    })
    void abbreviationsNameTheirItemUnderAChemicalCode(String description, String item) {
        assertEquals(item.trim(), describe(description.trim()).itemCode(), description);
    }

    @Test
    void anAbbreviationUnderAnotherChapterIsAnotherThing() {
        assertEquals(GoodsCategory.NONE, describe("NPP control rod drive spares", "840140").category());
        assertEquals(GoodsCategory.NONE, describe("4-AP connector", "853690").category());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Piperonyl butoxide", "Piperonyl butoxide 95% technical", "Piperazine", "Piperazine citrate",
            "Piperazine dihydrochloride", "Piperidine", "4-Piperidinol", "Piperidin-4-ol", "4-Hydroxypiperidine",
            "1-Benzyl-4-piperidone", "N-Methyl-4-piperidone", "1-Methyl-4-piperidinone", "Phenethyl alcohol",
            "2-Phenylethylamine", "4-Aminopyridine", "Pyridine", "Propionic acid", "Sodium chloride",
            "Sodium chlorite", "Potassium bromide", "Bromine", "Ceramic tables", "Machined tablet holder blanks",
            "Tablets of paracetamol", "Fentanyl test strips"})
    void lookAlikesStayUnmatched(String description) {
        GoodsClassification line = describe(description);
        assertEquals(GoodsCategory.NONE, line.category(), description + " -> " + line.itemCode() + " " + line.evidence());
        assertThat(line.evidence(), empty());
    }

    @Test
    void aDerivativeIsNotItsParentButAMatchingCasStillDecides() {
        assertEquals(GoodsCategory.NONE, describe("1-Benzyl-4-piperidone").category());
        GoodsClassification withCas = CLASSIFIER.classify(new GoodsLine(1, "1-Benzyl-4-piperidone", "293339",
                "41661-47-6", BigDecimal.ONE, "KG", null));
        assertEquals("4-PIPERIDONE", withCas.itemCode(), "the CAS number of 4-piperidone outweighs the wording");
    }

    @Test
    void theCatalogVersionIsOnEveryClassification() {
        assertEquals(TestCatalogs.shipped().version(), describe("Cotton T-shirts").catalogVersion());
        assertEquals(TestCatalogs.shipped().version(), describe("Norfentanil").catalogVersion());
    }

    @Test
    void aMisspeltControlledNameUnderABenignCodeIsStillMisdeclared() {
        GoodsClassification line = describe("Norfentanil");
        assertTrue(line.misdeclared(), "2933.99 is not an HS code of norfentanyl");
        assertThat(String.join("|", line.evidence()), containsString("reading \"norfentanil\" as \"norfentanyl\""));
    }

    @Test
    void aTypoDoesNotMakeAnAbbreviation() {
        assertTrue(describe("ANPQ").evidence().isEmpty());
    }
}
