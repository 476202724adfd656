package io.chokepoint.registry.imports;

import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.registry.entities.Address;
import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.entities.Identifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnXmlParserTest {

    private static final String EXCERPT = "un/consolidated-excerpt.xml";

    @Test
    void readsTheFortyIndividualsAndTwentyEntitiesOfTheExcerpt() {
        ParsedList list = parse(ImportFiles.resource("file", EXCERPT));
        assertEquals("UN-SC", list.source());
        Map<EntityType, Long> types = list.entities().stream()
                .collect(Collectors.groupingBy(ImportedEntity::type, Collectors.counting()));
        assertEquals(Map.of(EntityType.PERSON, 40L, EntityType.ORGANIZATION, 20L), types);
        assertTrue(list.description().contains("40 individuals, 20 entities"), list.description());
        assertTrue(list.entities().stream().allMatch(e -> e.sourceId().matches("[A-Z]{2}[ie]\\.\\d{3}")));
        Map<String, Long> programs = list.entities().stream()
                .collect(Collectors.groupingBy(e -> String.join(",", e.programs()), Collectors.counting()));
        assertEquals(Map.of("DRC", 49L, "Iraq", 8L, "Haiti", 2L, "CAR", 1L), programs);
        long withAliases = list.entities().stream().filter(e -> !e.aliases().isEmpty()).count();
        assertTrue(withAliases > 30, "entries with aliases: " + withAliases);
    }

    @Test
    void readsNamesAliasesWithTheirQualityCountriesAndDates() {
        Map<String, ImportedEntity> byId = byId(parse(ImportFiles.resource("file", EXCERPT)));
        ImportedEntity kakolele = byId.get("CDi.002");
        assertEquals("FRANK KAKOLELE BWAMBALE", kakolele.name());
        assertEquals(EntityType.PERSON, kakolele.type());
        assertEquals(List.of(new Alias("FRANK KAKORERE", Alias.Strength.STRONG),
                new Alias("FRANK KAKORERE BWAMBALE", Alias.Strength.STRONG),
                new Alias("AIGLE BLANC", Alias.Strength.STRONG)), kakolele.aliases());
        assertEquals(List.of("CD"), kakolele.countries());
        assertEquals(List.of(new Address(null, "Kinshasa", null, null, "CD")), kakolele.addresses());
        assertEquals(LocalDate.of(2005, 11, 1), kakolele.listedOn());
        assertTrue(kakolele.remarks().startsWith("Designation: FARDC General; Gender: Male; Left the CNDP"),
                kakolele.remarks());

        ImportedEntity iyamuremye = byId.get("CDi.003");
        assertTrue(iyamuremye.aliases().contains(new Alias("Rumuli", Alias.Strength.WEAK)), "QUALITY Low is weak");
        assertTrue(iyamuremye.aliases().contains(new Alias("Victor Rumuri", Alias.Strength.STRONG)));
        assertEquals(List.of("RW", "CD"), iyamuremye.countries(), "nationality, then address");
        assertTrue(iyamuremye.remarks().contains("DOB 1948; POB Musanze District, Northern Province, Rwanda"),
                iyamuremye.remarks());

        ImportedEntity adf = byId.get("CDe.001");
        assertEquals(EntityType.ORGANIZATION, adf.type());
        assertEquals("ADF", adf.name());
        assertTrue(byId.values().stream().flatMap(e -> e.identifiers().stream())
                .anyMatch(i -> i.equals(new Identifier("Passport", "AB850901", "TZ"))));
    }

    @Test
    void readsAListAsLargeAsTheFullConsolidatedList() {
        byte[] full = enlarged(1000);
        assertTrue(full.length > 1_800_000, "about the 2 MB of the full list: " + full.length);
        long started = System.nanoTime();
        ParsedList list = parse(ImportFile.of("file", "consolidated.xml", full));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1020, list.entities().size());
        assertTrue(millis < 5_000, "parsed in " + millis + " ms");
    }

    @Test
    void refusesMalformedXmlNamingLineAndColumn() {
        String excerpt = new String(ImportFiles.bytes(EXCERPT), StandardCharsets.UTF_8);
        FieldError error = refuse(excerpt.substring(0, 50_000)).errors().get(0);
        assertEquals("file", error.field());
        assertTrue(error.message().matches("is not well-formed XML at line \\d+, column \\d+: .+"), error.message());

        FieldError broken = refuse("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>X</SECOND_NAME>")
                .errors().get(0);
        assertTrue(broken.message().startsWith("is not well-formed XML at line 3, column "), broken.message());
    }

    @Test
    void refusesDtdsAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME>"
                + "<REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        String message = refuse(xxe).errors().get(0).message();
        assertTrue(message.contains("DTD"), message);
        assertTrue(!message.contains("root:"), "nothing of the external file may leak: " + message);

        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&b;</FIRST_NAME></INDIVIDUAL>"
                + "</INDIVIDUALS></CONSOLIDATED_LIST>";
        assertTrue(refuse(laughs).errors().get(0).message().contains("DTD"));
    }

    @Test
    void refusesOtherDocumentsAndEntriesWithoutReference() {
        assertEquals("has root element <sdnList>, not <CONSOLIDATED_LIST>: not a UN Security Council consolidated list",
                refuse("<sdnList><sdnEntry/></sdnList>").errors().get(0).message());
        assertTrue(refuse("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"").errors().get(0).message()
                .startsWith("is not well-formed XML at line 1, column 1"));
        assertEquals("holds no INDIVIDUAL or ENTITY", refuse("<CONSOLIDATED_LIST/>").errors().get(0).message());
        String noReference = "<CONSOLIDATED_LIST>\n<ENTITIES>\n<ENTITY><FIRST_NAME>ACME</FIRST_NAME></ENTITY>"
                + "</ENTITIES></CONSOLIDATED_LIST>";
        assertEquals("ENTITY at line 3 has no REFERENCE_NUMBER", refuse(noReference).errors().get(0).message());
    }

    /** The excerpt's entries repeated under new reference numbers, as many as the full list holds. */
    static byte[] enlarged(int copies) {
        String excerpt = new String(ImportFiles.bytes(EXCERPT), StandardCharsets.UTF_8);
        String individuals = between(excerpt, "<INDIVIDUALS>", "</INDIVIDUALS>");
        String entities = between(excerpt, "<ENTITIES>", "</ENTITIES>");
        StringBuilder people = new StringBuilder(individuals);
        StringBuilder organizations = new StringBuilder(entities);
        for (int copy = 1; copies > 0 && people.length() + organizations.length() < copies * 1_900; copy++) {
            people.append(renumbered(individuals, copy));
            organizations.append(renumbered(entities, copy));
        }
        String xml = excerpt.replace(individuals, people.toString()).replace(entities, organizations.toString());
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String renumbered(String entries, int copy) {
        Matcher m = Pattern.compile("<REFERENCE_NUMBER>([^<]+)</REFERENCE_NUMBER>").matcher(entries);
        return m.replaceAll(r -> "<REFERENCE_NUMBER>" + r.group(1) + "." + copy + "</REFERENCE_NUMBER>");
    }

    private static String between(String text, String open, String close) {
        return text.substring(text.indexOf(open) + open.length(), text.indexOf(close));
    }

    private static ParsedList parse(ImportFile file) {
        return new UnXmlParser(ImportFiles.problems()).parse(file);
    }

    private static InvalidRequestException refuse(String xml) {
        return assertThrows(InvalidRequestException.class,
                () -> new UnXmlParser(ImportFiles.problems()).parse(ImportFiles.text("file", xml)));
    }

    private static Map<String, ImportedEntity> byId(ParsedList list) {
        return list.entities().stream().collect(Collectors.toMap(ImportedEntity::sourceId, Function.identity()));
    }
}
