package io.chokepoint.monitor.catalog;

import java.util.List;
import java.util.Map;

/**
 * The controlled-goods catalog as shipped (src/main/resources/catalog/controlled-goods.json) and as served by
 * {@code GET /api/v1/catalog}.
 *
 * @param version         stamped on every classification made with it
 * @param equivalentTerms words written two ways that mean the same (piperidinone, piperidone), applied to
 *                        descriptions and synonyms alike before they are compared
 */
public record CatalogDocument(
        String version,
        String description,
        List<String> sources,
        Map<String, String> equivalentTerms,
        List<CatalogEntry> entries) {

    public CatalogDocument {
        sources = sources == null ? List.of() : List.copyOf(sources);
        equivalentTerms = equivalentTerms == null ? Map.of() : Map.copyOf(equivalentTerms);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
