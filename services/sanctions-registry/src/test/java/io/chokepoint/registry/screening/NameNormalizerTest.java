package io.chokepoint.registry.screening;

import io.chokepoint.registry.entities.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameNormalizerTest {

    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertEquals(List.of("jose", "nunez", "muller", "strasse"),
                NameNormalizer.normalize("José NÚÑEZ-Müller, Straße").tokens());
        assertEquals(List.of("kim", "tong", "myong"), NameNormalizer.normalize("KIM, Tong-Myo'ng").tokens());
    }

    @Test
    void transliteratesCyrillicAsTheListsDo() {
        assertEquals(List.of("zhukov", "sergey", "viktorovich"),
                NameNormalizer.normalize("Жуков Сергей Викторович").tokens());
        assertEquals(List.of("shcherbakov", "yuriy"), NameNormalizer.normalize("Щербаков Юрий").tokens());
    }

    @Test
    void transliteratesChineseCharactersToPinyinSyllables() {
        NormalizedName name = NameNormalizer.normalize("郑富敬");
        assertEquals(List.of("zheng", "fu", "jing"), name.tokens());
        assertFalse(name.unvowelled());
    }

    @Test
    void transliteratesArabicAndSaysItsShortVowelsAreMissing() {
        NormalizedName name = NameNormalizer.normalize("محمد الأسد");
        assertEquals(List.of("mhmd", "al", "asd"), name.tokens(), "the joined article is a word of its own");
        assertTrue(name.unvowelled());
        assertFalse(NameNormalizer.normalize("Muhammad al-Assad").unvowelled());
    }

    @Test
    void stripsLegalFormsWrittenAnyWay() {
        String expected = "pharmaceutical qinsheng technology";
        assertEquals(expected, NameNormalizer.normalize("Qinsheng Pharmaceutical Technology Co., Ltd.").key());
        assertEquals(expected, NameNormalizer.normalize("QINSHENG PHARMACEUTICAL TECHNOLOGY COMPANY LIMITED").key());
        assertEquals(expected, NameNormalizer.normalize("Qinsheng Pharmaceutical Technology CO.,LTD").key());
        assertEquals(List.of("distribuidora", "ejemplo"),
                NameNormalizer.normalize("Distribuidora Ejemplo S.A. de C.V.").tokens());
        assertEquals(List.of("distribuidora", "ejemplo"),
                NameNormalizer.normalize("DISTRIBUIDORA EJEMPLO, SA DE CV").tokens());
        assertEquals(List.of("acme", "handels"), NameNormalizer.normalize("Acme Handels GmbH & Co. KG").tokens());
        assertEquals(List.of("romashka"), NameNormalizer.normalize("OOO Romashka LLC").tokens());
        assertEquals(List.of("arfada", "petroleum"),
                NameNormalizer.normalize("ARFADA PETROLEUM PRIVATE JOINT STOCK COMPANY").tokens());
    }

    @Test
    void namesTheCanonicalFormOfWhatItStripped() {
        NormalizedName name = NameNormalizer.normalize("D.G.D. INVESTMENTS L.L.C.");
        assertEquals(List.of("dgd", "investments"), name.tokens(), "dotted letters are one word");
        assertEquals(List.of("llc"), name.legalForms());
        assertEquals(List.of("co ltd"), NameNormalizer.normalize("Soltech Industry Company Limited").legalForms());
        assertEquals(List.of("co ltd"), NameNormalizer.normalize("SOLTECH INDUSTRY CO., LTD.").legalForms());
    }

    @Test
    void recognisesLegalFormsWithTypos() {
        assertEquals(List.of("finrost"), NameNormalizer.normalize("FINROST LIIMTED").tokens());
        assertEquals(List.of("ramcharan", "brothers"), NameNormalizer.normalize("RAMCHARAN BROTHERS TLD").tokens());
        assertEquals(List.of("selkbaf"), NameNormalizer.normalize("SELKBAF OC").tokens());
        assertEquals(List.of("edificaciones", "del", "caribe"),
                NameNormalizer.normalize("EDIFICACIONES DEL CARIBE LIMITEDA.").tokens());
        assertEquals(List.of("npc", "alliance"), NameNormalizer.normalize("NPC ALLIANCE CORPORATIONORATION").tokens());
        assertEquals(List.of("gex", "explore"), NameNormalizer.normalize("GEX EXPLORE S. ED R.L. DE C.V.").tokens());
        assertEquals(List.of("russian", "financial", "society"),
                NameNormalizer.normalize("LIMITED LIABILTIY COMPANY RUSSIAN FINANCIAL SOCIETY").tokens());
        assertEquals(List.of("golden", "corn"), NameNormalizer.normalize("GOLDEN CORN").tokens(),
                "a short word is a legal form only with its own letters");
    }

    @Test
    void keepsTheWordsOfWhatItStripped() {
        NormalizedName name = NameNormalizer.normalize("Yu Hsiang Pao");
        assertEquals(List.of("yu", "hsiang"), name.tokens());
        assertEquals(List.of(new NormalizedName.LegalForm("jsc", List.of("pao"))), name.forms());
        NormalizedName both = NameNormalizer.normalize("OOO Romashka Co., Ltd.");
        assertEquals(List.of("jsc", "co ltd"), both.legalForms(), both.toString());
        assertEquals(List.of("ooo", "co", "ltd"), both.formWords(), "in name order");
        assertEquals("romashka", both.key(), "the key leaves legal forms out");
    }

    @Test
    void keepsEveryWordOfAPersonsName() {
        assertEquals(List.of("moussa", "bah", "ag"),
                NameNormalizer.normalize("MOUSSA, Bah Ag", EntityType.PERSON).tokens());
        assertEquals(List.of("moussa", "bah"), NameNormalizer.normalize("MOUSSA, Bah Ag").tokens());
    }

    @Test
    void readsTheSurnamesBeforeTheComma() {
        NormalizedName name = NameNormalizer.normalize("GUZMAN LOERA, Joaquin Archivaldo", EntityType.PERSON);
        assertEquals(2, name.surnames());
        assertTrue(name.isSurname(1));
        assertFalse(name.isMiddleName(2), "the first given name");
        assertTrue(name.isMiddleName(3));
        assertEquals(0, NameNormalizer.normalize("Joaquin Guzman Loera").surnames());
    }

    @Test
    void writesTheAssimilatedArabicArticleAsAl() {
        assertEquals(List.of("al", "rahmah", "welfare", "organization"),
                NameNormalizer.normalize("AR RAHMAH WELFARE ORGANIZATION").tokens());
        assertEquals(List.of("nasir", "al", "din"), NameNormalizer.normalize("Nasir ud-Din").tokens());
        assertEquals(List.of("el", "tilemsi", "ahmed"), NameNormalizer.normalize("EL TILEMSI, Ahmed").tokens(),
                "the article written apart stays as written; the matcher takes el for al");
    }

    @Test
    void writesCommonAbbreviationsOut() {
        assertEquals(List.of("acme", "international", "trading"),
                NameNormalizer.normalize("Acme Intl. Trdg.").tokens());
        assertEquals(List.of("acme", "science", "and", "technology"),
                NameNormalizer.normalize("ACME SCIENCE & TECHNOLOGY").tokens());
    }

    @Test
    void neverStripsANameToNothing() {
        assertEquals(List.of("company"), NameNormalizer.normalize("Company Limited").tokens());
        assertTrue(NameNormalizer.normalize("  ").isEmpty());
        assertTrue(NameNormalizer.normalize(null).isEmpty());
    }

    @Test
    void keyIgnoresWordOrder() {
        assertEquals(NameNormalizer.normalize("Joaquin Guzman Loera").key(),
                NameNormalizer.normalize("GUZMAN LOERA, Joaquin").key());
    }
}
