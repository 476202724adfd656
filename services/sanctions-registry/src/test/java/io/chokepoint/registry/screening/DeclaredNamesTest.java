package io.chokepoint.registry.screening;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The party-name key of alerting's suppressions, as its contract states it. */
class DeclaredNamesTest {

    @Test
    void dropsAccentsCaseAndPunctuationButKeepsEveryWordInItsPlace() {
        assertEquals("distribuidora ejemplo s a de c v", DeclaredNames.key("Distribuidora Ejemplo S.A. de C.V."));
        assertEquals("quimica nunez 2 ltd", DeclaredNames.key("  QUÍMICA  Núñez-#2, Ltd.  "));
        assertEquals("o brien fine chemicals", DeclaredNames.key("O'Brien ﬁne Chemicals"), "NFKD splits ligatures");
        assertEquals("жуков сергеи", DeclaredNames.key("Жуков, Сергей"),
                "other scripts are not transliterated; the breve of й goes as any accent does");
        assertEquals("", DeclaredNames.key(" .,- "));
    }
}
