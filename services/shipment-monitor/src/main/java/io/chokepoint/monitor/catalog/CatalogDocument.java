package io.chokepoint.monitor.catalog;

import java.util.List;
import java.util.Map;

/**
 * The controlled-goods catalog as shipped (src/main/resources/catalog/controlled-goods.json) and as served by
 * {@code GET /api/v1/catalog}.
 *
 * @param version         stamped on every classification made with it; a changed catalog must carry a new one
 * @param equivalentTerms spellings that mean the same (piperidinone = piperidone, 2-phenylethyl = phenethyl),
 *                        applied to descriptions and synonyms alike before they are compared; a key may be several
 *                        words
 * @param distinctTerms   real words one letter away from a catalog word (piperazine, piperidinol...): never read as
 *                        a typo of it
 */
public record CatalogDocument(
        String version,
        String description,
        List<String> sources,
        Map<String, String> equivalentTerms,
        List<String> distinctTerms,
        List<CatalogEntry> entries) {

    public CatalogDocument {
        sources = sources == null ? List.of() : List.copyOf(sources);
        equivalentTerms = equivalentTerms == null ? Map.of() : Map.copyOf(equivalentTerms);
        distinctTerms = distinctTerms == null ? List.of() : List.copyOf(distinctTerms);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
