package io.chokepoint.monitor.catalog;

import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.monitor.codes.CasNumber;
import io.chokepoint.monitor.codes.HsCode;
import io.chokepoint.platform.web.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a catalog must satisfy before it is used, each problem named at its path in the catalog JSON
 * ({@code entries[3].casNumbers[0].cas}) so that whoever edits the file finds it at once.
 */
final class CatalogChecks {

    private CatalogChecks() {
    }

    static List<FieldError> problemsOf(CatalogDocument document) {
        List<FieldError> problems = new ArrayList<>();
        if (isBlank(document.version())) {
            problems.add(new FieldError("version", "is required"));
        }
        if (document.entries().isEmpty()) {
            problems.add(new FieldError("entries", "at least one entry is required"));
        }
        document.equivalentTerms().forEach((from, to) -> {
            if (DescriptionText.plainWords(from).isEmpty() || DescriptionText.plainWords(to).isEmpty()) {
                problems.add(new FieldError("equivalentTerms." + from, "both spellings need a letter or digit"));
            }
        });
        for (int i = 0; i < document.distinctTerms().size(); i++) {
            if (DescriptionText.plainWords(document.distinctTerms().get(i)).isEmpty()) {
                problems.add(new FieldError("distinctTerms[" + i + "]", "needs a letter or digit"));
            }
        }
        Set<String> codes = new HashSet<>();
        Map<String, String> casOwners = new HashMap<>();
        Map<String, String> decisiveOwners = new HashMap<>();
        for (int i = 0; i < document.entries().size(); i++) {
            CatalogEntry entry = document.entries().get(i);
            String at = "entries[" + i + "]";
            if (entry == null) {
                problems.add(new FieldError(at, "must not be null"));
                continue;
            }
            checkEntry(entry, at, problems);
            if (!isBlank(entry.code()) && !codes.add(entry.code())) {
                problems.add(new FieldError(at + ".code", "code " + entry.code() + " is used by another entry"));
            }
            checkCasNumbers(entry, at, casOwners, problems);
            checkHsCodes(entry, at, decisiveOwners, problems);
        }
        return problems;
    }

    private static void checkEntry(CatalogEntry entry, String at, List<FieldError> problems) {
        if (isBlank(entry.code())) {
            problems.add(new FieldError(at + ".code", "is required"));
        }
        if (isBlank(entry.name())) {
            problems.add(new FieldError(at + ".name", "is required"));
        }
        if (entry.category() == null || entry.category() == GoodsCategory.NONE) {
            problems.add(new FieldError(at + ".category", "must be PRECURSOR, TABLETING_EQUIPMENT or SURVEILLANCE"));
        }
        if (entry.sources().isEmpty()) {
            problems.add(new FieldError(at + ".sources", "each entry names at least one source"));
        }
        checkNames(entry.synonyms(), at + ".synonyms", problems);
        checkNames(entry.abbreviations(), at + ".abbreviations", problems);
    }

    private static void checkNames(List<String> names, String at, List<FieldError> problems) {
        for (int j = 0; j < names.size(); j++) {
            if (DescriptionText.plainWords(names.get(j)).isEmpty()) {
                problems.add(new FieldError(at + "[" + j + "]", "needs a letter or digit"));
            }
        }
    }

    private static void checkCasNumbers(CatalogEntry entry, String at, Map<String, String> owners,
                                        List<FieldError> problems) {
        for (int j = 0; j < entry.casNumbers().size(); j++) {
            CatalogEntry.Cas cas = entry.casNumbers().get(j);
            String field = at + ".casNumbers[" + j + "].cas";
            Optional<CasNumber> parsed = cas == null ? Optional.empty() : CasNumber.parse(cas.cas());
            if (parsed.isEmpty()) {
                problems.add(new FieldError(field, "CAS " + (cas == null ? null : cas.cas()) + " fails its check digit"));
                continue;
            }
            String owner = owners.putIfAbsent(parsed.get().canonical(), entry.code());
            if (owner != null) {
                problems.add(new FieldError(field, "CAS " + cas.cas() + " is listed twice (also under " + owner + ")"));
            }
        }
    }

    private static void checkHsCodes(CatalogEntry entry, String at, Map<String, String> decisiveOwners,
                                     List<FieldError> problems) {
        for (int j = 0; j < entry.hsCodes().size(); j++) {
            CatalogEntry.Hs hs = entry.hsCodes().get(j);
            String field = at + ".hsCodes[" + j + "].code";
            try {
                HsCode code = HsCode.ofCatalog(hs == null ? null : hs.code());
                if (hs.decisive()) {
                    String owner = decisiveOwners.putIfAbsent(code.digits(), entry.code());
                    if (owner != null && !owner.equals(entry.code())) {
                        problems.add(new FieldError(field, "HS " + hs.code() + " cannot decide both " + owner
                                + " and " + entry.code()));
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError(field, e.getMessage()));
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
