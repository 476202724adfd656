package io.chokepoint.monitor.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.monitor.codes.CasNumber;
import io.chokepoint.monitor.codes.HsCode;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.JsonErrors;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog, checked on load and indexed for classification: by CAS number, by decisive HS code and by the names
 * a description may use. A catalog with a wrong CAS check digit, a malformed HS code, an unknown field or a name
 * shared by two items does not load at all (see {@link CatalogChecks}), so a typo in the data cannot silently stop a
 * substance from being recognised.
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
        this.matcher = new DescriptionMatcher(document.entries(), document.equivalentTerms(), document.distinctTerms());
    }

    /** Reads and checks a catalog; unknown fields are refused, since a misspelt key would silently drop data. */
    public static ControlledGoodsCatalog read(InputStream json, ObjectMapper mapper) throws IOException {
        return read(json.readAllBytes(), mapper);
    }

    public static ControlledGoodsCatalog read(byte[] json, ObjectMapper mapper) {
        CatalogDocument document;
        try {
            document = mapper.readerFor(CatalogDocument.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogException(List.of(JsonErrors.of(e)));
        } catch (IOException e) {
            throw new InvalidCatalogException(List.of(new FieldError(FieldError.BODY, "cannot be read: " + e.getMessage())));
        }
        if (document == null) {
            throw new InvalidCatalogException(List.of(new FieldError(FieldError.BODY, "the catalog is empty")));
        }
        return of(document);
    }

    public static ControlledGoodsCatalog of(CatalogDocument document) {
        List<FieldError> problems = CatalogChecks.problemsOf(document);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        ControlledGoodsCatalog catalog = new ControlledGoodsCatalog(document);
        List<String> ambiguities = catalog.matcher.ambiguities();
        if (!ambiguities.isEmpty()) {
            throw new InvalidCatalogException(ambiguities.stream()
                    .map(clash -> new FieldError("entries", "two items share a name: " + clash)).toList());
        }
        return catalog;
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
}
