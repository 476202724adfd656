package io.chokepoint.registry.imports;

import java.util.List;

/**
 * A whole list file, parsed and checked: what an import compares with the listed entities of its source.
 *
 * @param description what was imported, in words, for the list version ("OFAC SDN import of sdn.csv, ...")
 */
public record ParsedList(String source, String description, List<ImportedEntity> entities) {

    public ParsedList {
        entities = List.copyOf(entities);
    }
}
