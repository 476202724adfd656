package io.chokepoint.monitor.catalog;

import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.monitor.codes.HsCode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One controlled or watched item.
 *
 * @param code          stable identifier, used as {@code itemCode} in classifications (e.g. {@code NPP})
 * @param synonyms      names that identify the item wherever they appear, as whole words, in a description
 * @param abbreviations short names that also mean other things (NPP is also a nuclear power plant): they count only
 *                      when the declared HS code is absent or in the same HS chapter as one of the item's codes
 * @param casNumbers    the substance and its salts
 * @param hsCodes       where the item is declared; only a decisive code identifies the item on its own
 */
public record CatalogEntry(
        String code,
        String name,
        GoodsCategory category,
        List<String> synonyms,
        List<String> abbreviations,
        List<Cas> casNumbers,
        List<Hs> hsCodes,
        List<String> controls,
        List<String> sources) {

    /** A CAS number of the item, and which form of it (base, hydrochloride...) it registers. */
    public record Cas(String cas, String form, String note) {
    }

    /** An HS code of the item; {@code decisive} when no other goods are declared under it. */
    public record Hs(String code, boolean decisive, String note) {
    }

    public CatalogEntry {
        synonyms = listOrEmpty(synonyms);
        abbreviations = listOrEmpty(abbreviations);
        casNumbers = listOrEmpty(casNumbers);
        hsCodes = listOrEmpty(hsCodes);
        controls = listOrEmpty(controls);
        sources = listOrEmpty(sources);
    }

    /** Whether a declared code falls under one of the item's HS codes. */
    boolean isDeclarableUnder(HsCode declared) {
        return hsCodes.stream().anyMatch(hs -> declared.isUnder(HsCode.ofCatalog(hs.code())));
    }

    boolean sharesChapterWith(HsCode declared) {
        return hsCodes.stream().anyMatch(hs -> HsCode.ofCatalog(hs.code()).chapter().equals(declared.chapter()));
    }

    String hsCodesDisplay() {
        return hsCodes.stream().map(Hs::code).collect(Collectors.joining(", "));
    }

    /** How evidence names the item: its code, and its name when that says more. */
    String label() {
        return code.equalsIgnoreCase(name) ? name : code + " (" + name + ")";
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
