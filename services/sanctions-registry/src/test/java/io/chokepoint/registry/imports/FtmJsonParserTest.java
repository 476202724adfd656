package io.chokepoint.registry.imports;

import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.entities.Identifier;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FtmJsonParserTest {

    @Test
    void readsPeopleAndOrganizationsAndFoldsAddressesIn() {
        ParsedList list = new FtmJsonParser(ImportFiles.problems(), "FTM")
                .parse(ImportFiles.resource("file", "ftm/entities.ftm.json"));
        assertEquals("FTM", list.source());
        Map<EntityType, Long> types = list.entities().stream()
                .collect(Collectors.groupingBy(ImportedEntity::type, Collectors.counting()));
        assertEquals(Map.of(EntityType.PERSON, 4L, EntityType.ORGANIZATION, 2L), types, "the Address is no entry");
        Map<String, ImportedEntity> byId = list.entities().stream()
                .collect(Collectors.toMap(ImportedEntity::sourceId, Function.identity()));

        ImportedEntity kuzmenko = byId.get("NK-2Ka3UvopqbpZmVDFjWd4LA");
        assertEquals("Vitaly Yurievich KUZMENKO", kuzmenko.name());
        assertTrue(kuzmenko.aliases().contains(new Alias("Vitalij Kuzmenko", Alias.Strength.STRONG)));
        assertEquals(List.of("RU"), kuzmenko.countries());
        assertEquals(List.of(new Identifier("taxNumber", "366510784303")), kuzmenko.identifiers());
        assertTrue(kuzmenko.remarks().startsWith("DOB 1971-01-22"), kuzmenko.remarks());
        assertEquals(LocalDate.of(2024, 2, 23), kuzmenko.listedOn());

        ImportedEntity irgc = byId.get("NK-2PacmNpiLUmoz4XD2mSt7A");
        assertEquals(EntityType.ORGANIZATION, irgc.type());
        assertEquals("IRGC", irgc.name());
        assertEquals(List.of(new Alias("Iranian Revolutionary Guard Corps", Alias.Strength.STRONG)), irgc.aliases());
        assertEquals(List.of("IR"), irgc.countries());
    }

    @Test
    void foldsSanctionsAndAddressesIntoTheirEntity() {
        String lines = """
                {"id":"acme","schema":"Company","properties":{"name":["ACME Ltd"],"addressEntity":["addr-1"],"weakAlias":["AC"]}}
                {"id":"addr","schema":"Address","referents":["addr-1"],"properties":{"full":["1 Main St"],"city":["Lima"],"country":["pe"]}}
                {"id":"s1","schema":"Sanction","properties":{"entity":["acme"],"program":["EO14059"],"listingDate":["2023-04-14"]}}
                {"id":"own","schema":"Ownership","properties":{"owner":["acme"]}}
                """;
        ParsedList list = new FtmJsonParser(ImportFiles.problems(), "eu_fsf").parse(ImportFiles.text("file", lines));
        assertEquals(1, list.entities().size());
        ImportedEntity acme = list.entities().get(0);
        assertEquals("eu_fsf", acme.source());
        assertEquals(List.of("EO14059"), acme.programs());
        assertEquals(LocalDate.of(2023, 4, 14), acme.listedOn());
        assertEquals(List.of("PE"), acme.countries());
        assertEquals("Lima", acme.addresses().get(0).city());
        assertEquals(List.of(new Alias("AC", Alias.Strength.WEAK)), acme.aliases());
    }

    @Test
    void refusesLinesThatAreNoEntitiesNamingTheLine() {
        String lines = "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n"
                + "{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":[\"B\"]\n"
                + "{\"schema\":\"Person\"}\n"
                + "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n"
                + "{\"id\":\"c\",\"schema\":\"Company\",\"properties\":{}}\n";
        List<FieldError> errors = assertThrows(InvalidRequestException.class, () -> new FtmJsonParser(
                ImportFiles.problems(), "FTM").parse(ImportFiles.text("file", lines))).errors();
        List<String> messages = errors.stream().map(FieldError::message).toList();
        assertEquals(4, messages.size(), messages::toString);
        assertTrue(messages.get(0).startsWith("line 2 is not JSON at column "), messages.get(0));
        assertTrue(messages.get(1).startsWith("line 3 is no FollowTheMoney entity"), messages.get(1));
        assertEquals("line 4: id a appears a second time (first on line 1)", messages.get(2));
        assertEquals("line 5: Company c has no name", messages.get(3));
    }

    @Test
    void refusesOtherFormatsWithOneProblem() {
        String csv = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\n173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\"\n";
        List<FieldError> errors = assertThrows(InvalidRequestException.class, () -> new FtmJsonParser(
                ImportFiles.problems(), "FTM").parse(ImportFiles.text("file", csv))).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).message().startsWith("line 1 is not JSON"), errors.get(0).message());

        List<FieldError> xml = assertThrows(InvalidRequestException.class, () -> new FtmJsonParser(
                ImportFiles.problems(), "FTM").parse(ImportFiles.resource("file", "un/consolidated-excerpt.xml"))).errors();
        assertEquals(1, xml.size());
        assertTrue(xml.get(0).message().contains("is XML, not FollowTheMoney JSON"));
    }
}
