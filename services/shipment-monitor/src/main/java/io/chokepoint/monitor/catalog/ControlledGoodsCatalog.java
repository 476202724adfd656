package io.chokepoint.monitor.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.monitor.codes.CasNumber;
import io.chokepoint.monitor.codes.HsCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog, checked on load and indexed for classification: by CAS number, by decisive HS code and by the names
 * a description may use. A catalog with a wrong CAS check digit or a malformed HS code does not load at all, so a
 * typo in the data cannot silently stop a substance from being recognised.
 */
public final class ControlledGoodsCatalog {

    /** A catalog item found by one of its CAS numbers. */
    public record CasListing(CatalogEntry entry, CatalogEntry.Cas cas) {
    }

    private record DecisiveCode(HsCode code, CatalogEntry entry) {
    }

    private final CatalogDocument document;
    private final Map<String, CasListing> byCas = new HashMap<>();
    private final List<DecisiveCode> decisiveCodes = new ArrayList<>();
    private final DescriptionMatcher matcher;

    private ControlledGoodsCatalog(CatalogDocument document) {
        this.document = document;
        for (CatalogEntry entry : document.entries()) {
            entry.casNumbers().forEach(cas ->
                    byCas.put(CasNumber.parse(cas.cas()).orElseThrow().canonical(), new CasListing(entry, cas)));
            entry.hsCodes().stream().filter(CatalogEntry.Hs::decisive)
                    .forEach(hs -> decisiveCodes.add(new DecisiveCode(HsCode.ofCatalog(hs.code()), entry)));
        }
        this.matcher = new DescriptionMatcher(document.entries(), document.equivalentTerms());
    }

    public static ControlledGoodsCatalog read(InputStream json, ObjectMapper mapper) throws IOException {
        CatalogDocument document = mapper.readerFor(CatalogDocument.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(json);
        return of(document);
    }

    public static ControlledGoodsCatalog of(CatalogDocument document) {
        List<String> problems = problemsOf(document);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the controlled-goods catalog is not usable: " + String.join("; ", problems));
        }
        return new ControlledGoodsCatalog(document);
    }

    public String version() {
        return document.version();
    }

    public CatalogDocument document() {
        return document;
    }

    public Optional<CasListing> byCas(CasNumber cas) {
        return Optional.ofNullable(byCas.get(cas.canonical()));
    }

    /** The item an HS code identifies on its own (2933.37 is NPP), if the code is decisive. */
    public Optional<CatalogEntry> decisiveFor(HsCode declared) {
        return decisiveCodes.stream().filter(d -> declared.isUnder(d.code())).map(DecisiveCode::entry).findFirst();
    }

    List<DescriptionMatcher.Match> namedIn(String description) {
        return matcher.find(description);
    }

    private static List<String> problemsOf(CatalogDocument document) {
        List<String> problems = new ArrayList<>();
        if (document.version() == null || document.version().isBlank()) {
            problems.add("version is missing");
        }
        if (document.entries().isEmpty()) {
            problems.add("it has no entries");
        }
        Set<String> codes = new HashSet<>();
        Set<String> casNumbers = new HashSet<>();
        for (CatalogEntry entry : document.entries()) {
            String at = "entry " + entry.code() + ": ";
            if (entry.code() == null || entry.code().isBlank() || !codes.add(entry.code())) {
                problems.add(at + "code is missing or repeated");
            }
            if (entry.name() == null || entry.name().isBlank()) {
                problems.add(at + "name is missing");
            }
            if (entry.category() == null || entry.category() == GoodsCategory.NONE) {
                problems.add(at + "category must be PRECURSOR, TABLETING_EQUIPMENT or SURVEILLANCE");
            }
            for (CatalogEntry.Cas cas : entry.casNumbers()) {
                Optional<CasNumber> parsed = CasNumber.parse(cas.cas());
                if (parsed.isEmpty()) {
                    problems.add(at + "CAS " + cas.cas() + " fails its check digit");
                } else if (!casNumbers.add(parsed.get().canonical())) {
                    problems.add(at + "CAS " + cas.cas() + " is listed twice");
                }
            }
            for (CatalogEntry.Hs hs : entry.hsCodes()) {
                try {
                    HsCode.ofCatalog(hs.code());
                } catch (IllegalArgumentException e) {
                    problems.add(at + e.getMessage());
                }
            }
        }
        return problems;
    }
}
