package io.chokepoint.registry.imports;

import io.chokepoint.registry.entities.Address;
import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.EntityContent;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.entities.Identifier;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One entry of an imported list, whatever its format. Lists keep the file's order and hold no duplicates, so
 * that importing the same file twice yields equal content and no change.
 *
 * @param source    the list (OFAC-SDN, UN-SC, FTM or a FollowTheMoney dataset name)
 * @param sourceId  the entry's id in that list (OFAC ent_num, UN REFERENCE_NUMBER, FtM id)
 * @param countries ISO 3166-1 alpha-2 codes: nationality, citizenship, addresses, flag
 * @param remarks   the list's remarks, with what has no field of its own (date and place of birth, titles, ...)
 * @param listedOn  when the list says the entry was designated, if it says so
 */
public record ImportedEntity(
        String source,
        String sourceId,
        EntityType type,
        String name,
        List<Alias> aliases,
        List<String> countries,
        List<Address> addresses,
        List<Identifier> identifiers,
        List<String> programs,
        String remarks,
        LocalDate listedOn) {

    public ImportedEntity {
        aliases = distinct(aliases);
        countries = distinct(countries);
        addresses = distinct(addresses);
        identifiers = distinct(identifiers);
        programs = distinct(programs);
    }

    public EntityContent content() {
        return new EntityContent(type, name, aliases, countries, addresses, identifiers, programs, remarks, listedOn);
    }

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
