package io.chokepoint.registry.imports;

import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.registry.entities.Address;
import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.entities.Identifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfacCsvParserTest {

    private static ParsedList list;
    private static Map<String, ImportedEntity> bySourceId;

    @BeforeAll
    static void parseTheRealSnapshot() {
        list = new OfacCsvParser(ImportFiles.problems()).parse(ImportFiles.resource("sdn", "ofac/sdn.csv"),
                ImportFiles.resource("alt", "ofac/alt.csv"), ImportFiles.resource("add", "ofac/add.csv"));
        bySourceId = list.entities().stream().collect(Collectors.toMap(ImportedEntity::sourceId, Function.identity()));
    }

    @Test
    void readsEveryEntryOfTheJuly2021Snapshot() {
        assertEquals("OFAC-SDN", list.source());
        assertEquals(8976, list.entities().size());
        assertEquals(8976, bySourceId.size());
        Map<EntityType, Long> types = list.entities().stream()
                .collect(Collectors.groupingBy(ImportedEntity::type, Collectors.counting()));
        assertEquals(406, types.get(EntityType.VESSEL));
        assertEquals(277, types.get(EntityType.AIRCRAFT));
        assertEquals(3673, types.get(EntityType.ORGANIZATION), "-0- as SDN_Type is an organization");
        assertEquals(4620, types.get(EntityType.PERSON));
        assertTrue(list.description().contains("sdn.csv"));
        long strongAliases = list.entities().stream().flatMap(e -> e.aliases().stream())
                .filter(a -> !a.weak()).count();
        assertTrue(strongAliases > 11_000, "alt.csv holds 11,910 aliases, got " + strongAliases);
    }

    @Test
    void qinshengPharmaceuticalHasItsProgramAliasesAndAddresses() {
        ImportedEntity qinsheng = bySourceId.get("26325");
        assertEquals("QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", qinsheng.name());
        assertEquals(EntityType.ORGANIZATION, qinsheng.type());
        assertEquals(List.of("SDNTK"), qinsheng.programs());
        assertEquals(List.of(
                new Alias("SHANGHAI QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", Alias.Strength.STRONG),
                new Alias("SHANGHAI QINSHENG PHARMACEUTICAL SCIENCE & TECHNOLOGY CO., LTD.", Alias.Strength.STRONG),
                new Alias("SHANGHAI QINSHENG PHARMACEUTICAL SCIENCE AND TECHNOLOGY CO., LTD.", Alias.Strength.STRONG)),
                qinsheng.aliases());
        assertEquals(List.of(
                new Address("Room 614, Floor 3, No. 1, Alley 468, New Siping Highway", "Shanghai 201413", null, null, "CN"),
                new Address("Room 614, Floor 3, Block 1, Lane 468, Xinsiping Highway, Fengxian District", "Shanghai",
                        null, null, "CN")), qinsheng.addresses());
        assertEquals(List.of("CN"), qinsheng.countries());
        assertEquals("Website www.qinvictory.com.", qinsheng.remarks());
        assertNull(qinsheng.listedOn(), "the legacy CSV has no listing date");
    }

    @Test
    void zhengFujingHasWeakAliasesPassportAndIdentificationNumber() {
        ImportedEntity zheng = bySourceId.get("26236");
        assertEquals("ZHENG, Fujing", zheng.name());
        assertEquals(EntityType.PERSON, zheng.type());
        assertEquals(List.of("SDNTK"), zheng.programs());
        assertEquals(List.of(new Alias("JIN, Gordon", Alias.Strength.WEAK), new Alias("DENG, Gao", Alias.Strength.WEAK),
                new Alias("ZHENG, Gordon", Alias.Strength.WEAK)), zheng.aliases());
        assertTrue(zheng.identifiers().contains(new Identifier("Passport", "G31920875", "CN")), zheng.identifiers()::toString);
        assertTrue(zheng.identifiers().contains(new Identifier("Identification Number", "310107198306111336", "CN")));
        assertTrue(zheng.identifiers().contains(new Identifier("Digital Currency Address - XBT",
                "17ezuJoT3XBbdcwFZbkTnrXbup11F4uhiy")));
        assertEquals(List.of("CN"), zheng.countries(), "nationality and citizenship China");
        assertTrue(zheng.remarks().startsWith("DOB 11 Jun 1983; POB China"), zheng.remarks());
        assertTrue(zheng.addresses().isEmpty(), "add.csv holds only an empty row for him");
    }

    @Test
    void readsStrongAndWeakAliasesSeveralProgramsAndForeignAddresses() {
        ImportedEntity bnc = bySourceId.get("306");
        assertTrue(bnc.aliases().contains(new Alias("NATIONAL BANK OF CUBA", Alias.Strength.STRONG)));
        assertTrue(bnc.aliases().contains(new Alias("BNC", Alias.Strength.WEAK)));
        assertTrue(bnc.countries().containsAll(List.of("CH", "ES", "JP")), bnc.countries()::toString);

        long multiProgram = list.entities().stream().filter(e -> e.programs().size() > 1).count();
        assertTrue(multiProgram > 100, "entries with 'SDNTK] [FTO'-like programs: " + multiProgram);
        assertTrue(list.entities().stream().flatMap(e -> e.programs().stream())
                .noneMatch(p -> p.contains("[") || p.contains("]")));
    }

    @Test
    void parsesIdentifiersOfManySchemes() {
        List<Identifier> all = list.entities().stream().flatMap(e -> e.identifiers().stream()).toList();
        Map<String, Long> schemes = all.stream().collect(Collectors.groupingBy(Identifier::scheme, Collectors.counting()));
        for (String scheme : List.of("Passport", "Cedula No.", "R.F.C.", "C.U.R.P.", "NIT #", "Tax ID No.",
                "Registration Number", "National ID No.", "Identification Number", "D-U-N-S Number", "IMO", "MMSI")) {
            assertTrue(schemes.getOrDefault(scheme, 0L) > 0, "no identifier of scheme " + scheme + " in " + schemes.keySet());
        }
        assertTrue(schemes.get("IMO") > 400, "vessels' IMO numbers: " + schemes.get("IMO"));
        assertTrue(all.stream().filter(i -> i.scheme().equals("Cedula No.")).allMatch(i -> i.value().matches(".*\\d.*")));
        assertTrue(all.stream().anyMatch(i -> i.scheme().equals("Cedula No.") && "CO".equals(i.country())));
        assertTrue(all.stream().anyMatch(i -> i.scheme().equals("R.F.C.") && "MX".equals(i.country())));
    }

    @Test
    void handlesQuotesEmptyValuesTheEndOfFileMarkerAndWindows1252() {
        String sdn = "1,\"ACME, S.A. DE C.V.\",-0- ,\"SDNTK] [FTO\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"a.k.a. 'ACME'; R.F.C. AAA-010101-AA1 (Mexico).\"\r\n"
                + "2,\"P\u00c9REZ, Jos\u00e9\",\"individual\",\"SDNT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001A";
        ParsedList parsed = new OfacCsvParser(ImportFiles.problems()).parse(
                ImportFile.of("sdn", "sdn.csv", sdn.getBytes(Charset.forName("windows-1252"))),
                ImportFiles.text("alt", "1,10,\"fka\",\"ACME OLD NAME\",-0- \r\n\u001A"),
                ImportFiles.text("add", "2,20,-0- ,\"Bogota\",\"Colombia\",-0- \r\n\u001A"));
        assertEquals(2, parsed.entities().size());
        ImportedEntity acme = parsed.entities().get(0);
        assertEquals("ACME, S.A. DE C.V.", acme.name());
        assertEquals(List.of("SDNTK", "FTO"), acme.programs());
        assertEquals(List.of(new Alias("ACME OLD NAME", Alias.Strength.STRONG), new Alias("ACME", Alias.Strength.WEAK)),
                acme.aliases());
        assertEquals(List.of(new Identifier("R.F.C.", "AAA-010101-AA1", "MX")), acme.identifiers());
        ImportedEntity perez = parsed.entities().get(1);
        assertEquals("P\u00c9REZ, Jos\u00e9", perez.name());
        assertNull(perez.remarks());
        assertEquals(List.of(new Address(null, "Bogota", null, null, "CO")), perez.addresses());
    }

    @Test
    void refusesATruncatedLineNamingItsNumberAndStart() {
        String sdn = ImportFiles.text("ofac/sdn.csv");
        String[] lines = sdn.split("\r\n");
        lines[2] = lines[2].substring(0, 30);
        InvalidRequestException refused = refuse(String.join("\r\n", lines), "", "");
        FieldError error = refused.errors().get(0);
        assertEquals("sdn", error.field());
        assertTrue(error.message().startsWith("line 3 "), error.message());
        assertTrue(error.message().contains("3 fields where 12 are expected"), error.message());
        assertTrue(error.message().endsWith("'306,\"BANCO NACIONAL DE CUBA\",-'"), error.message());
    }

    @Test
    void refusesAnUnclosedQuoteAFieldCountMismatchAndUnknownEntries() {
        InvalidRequestException refused = refuse(
                "1,\"ACME\",-0- ,\"SDNTK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1960; Passport 12\r\n",
                "1,10,\"aka\",\"X\"\r\n", "99,20,-0- ,\"Bogota\",\"Colombia\",-0- \r\n");
        List<String> messages = refused.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
        assertTrue(messages.get(0).startsWith("sdn: line 1: a quoted field is not closed"), messages::toString);
        assertTrue(messages.get(1).startsWith("alt: line 1 has 4 fields where 5 are expected"), messages::toString);
        assertTrue(messages.get(2).startsWith("add: line 1: ent_num '99' is no entry"), messages::toString);
    }

    @Test
    void refusesTheWrongFileForAPart() {
        InvalidRequestException xml = refuse("<?xml version=\"1.0\"?><CONSOLIDATED_LIST/>", "", "");
        assertTrue(xml.errors().get(0).message().contains("is XML, not OFAC CSV"), xml.errors()::toString);
        String sdnLine = "1,\"ACME\",-0- ,\"SDNTK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
        InvalidRequestException swapped = refuse(sdnLine, sdnLine, "");
        assertEquals("alt", swapped.errors().get(0).field());
        assertTrue(swapped.errors().get(0).message().contains("12 fields where 5 are expected"));
        InvalidRequestException empty = refuse("\u001A", "", "");
        assertEquals("holds no SDN entry", empty.errors().get(0).message());
        InvalidRequestException duplicate = refuse(sdnLine + sdnLine, "", "");
        assertTrue(duplicate.errors().get(0).message().contains("ent_num 1 appears a second time (first on line 1)"));
    }

    @Test
    void stopsAfterTheConfiguredNumberOfProblems() {
        String garbage = "x\r\n".repeat(100);
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () ->
                new OfacCsvParser(new ImportProblems(5)).parse(ImportFiles.text("sdn", garbage),
                        ImportFiles.text("alt", ""), ImportFiles.text("add", "")));
        assertEquals(6, refused.errors().size());
        assertEquals("reading stopped after 5 problems", refused.errors().get(5).message());
    }

    @Test
    void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
        assertEquals(List.of("1", "A, B", "say \"hi\"", "x"), OfacCsvLine.split("1,\"A, B\" ,\"say \"\"hi\"\"\",x"));
        assertEquals(java.util.Arrays.asList("1", null, null), OfacCsvLine.split("1,-0- ,"));
    }

    private static InvalidRequestException refuse(String sdn, String alt, String add) {
        return assertThrows(InvalidRequestException.class, () -> new OfacCsvParser(ImportFiles.problems())
                .parse(ImportFiles.text("sdn", sdn), ImportFiles.text("alt", alt), ImportFiles.text("add", add)));
    }
}
