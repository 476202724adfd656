package io.chokepoint.registry.screening;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameNormalizerTest {

    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertEquals(List.of("jose", "nunez", "muller", "strasse"),
                NameNormalizer.normalize("José NÚÑEZ-Müller, Straße").tokens());
        assertEquals(List.of("kim", "tong", "myong"), NameNormalizer.normalize("KIM, Tong-Myo'ng").tokens());
    }

    @Test
    void stripsLegalFormsWrittenAnyWay() {
        String expected = "pharmaceutical qinsheng technology";
        assertEquals(expected, NameNormalizer.normalize("Qinsheng Pharmaceutical Technology Co., Ltd.").key());
        assertEquals(expected, NameNormalizer.normalize("QINSHENG PHARMACEUTICAL TECHNOLOGY COMPANY LIMITED").key());
        assertEquals(expected, NameNormalizer.normalize("Qinsheng Pharmaceutical Technology CO.,LTD").key());
        assertEquals(List.of("distribuidora", "ejemplo"),
                NameNormalizer.normalize("Distribuidora Ejemplo S.A. de C.V.").tokens());
        assertEquals(List.of("acme", "handels"), NameNormalizer.normalize("Acme Handels GmbH & Co. KG").tokens()
                .subList(0, 2));
        assertEquals(List.of("romashka"), NameNormalizer.normalize("OOO Romashka LLC").tokens());
    }

    @Test
    void neverStripsANameToNothing() {
        assertEquals(List.of("company"), NameNormalizer.normalize("Company Limited").tokens());
    }

    @Test
    void keyIgnoresWordOrder() {
        assertEquals(NameNormalizer.normalize("Joaquin Guzman Loera").key(),
                NameNormalizer.normalize("GUZMAN LOERA, Joaquin").key());
    }
}
