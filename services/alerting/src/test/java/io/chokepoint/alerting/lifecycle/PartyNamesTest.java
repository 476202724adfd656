package io.chokepoint.alerting.lifecycle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartyNamesTest {

    @Test
    void accentsCasePunctuationAndSpacingDoNotMatter() {
        assertEquals("distribuidora ejemplo s a de c v", PartyNames.normalize("Distribuidora Ejemplo S.A. de C.V."));
        assertEquals(PartyNames.normalize("Química  del Pacífico, S.A."),
                PartyNames.normalize("QUIMICA DEL PACIFICO S A"));
        assertEquals("jiangsu example fine chemical co ltd",
                PartyNames.normalize("  Jiangsu Example Fine-Chemical Co., Ltd. "));
    }

    @Test
    void keyJoinsEntityAndName() {
        assertEquals("ent-1|acme s a", PartyNames.suppressionKey("ent-1", PartyNames.normalize("ACME S.A.")));
    }
}
