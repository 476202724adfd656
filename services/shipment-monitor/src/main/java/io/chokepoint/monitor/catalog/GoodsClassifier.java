package io.chokepoint.monitor.catalog;

import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.GoodsClassification;
import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.monitor.codes.CasNumber;
import io.chokepoint.monitor.codes.HsCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recognises what a goods line is. The CAS number decides when it is in the catalog; otherwise a decisive HS
 * subheading (2933.36 ANPP, 2933.37 NPP); otherwise the first item the description names. Every fact that counted
 * is written down as evidence. A controlled item named by its CAS number or description but declared under an HS
 * code that is not one of its own is flagged as mis-declared: the residual 2933.39 cannot identify a precursor, so
 * a trafficker gains nothing by using it, but a benign heading (2933.99, 2932.99) hides the goods.
 */
public class GoodsClassifier {

    private final ControlledGoodsCatalog catalog;

    public GoodsClassifier(ControlledGoodsCatalog catalog) {
        this.catalog = catalog;
    }

    public GoodsClassification classify(GoodsLine line) {
        Optional<HsCode> hs = HsCode.parse(line.hsCode());
        Optional<ControlledGoodsCatalog.CasListing> byCas = CasNumber.parse(line.casNumber()).flatMap(catalog::byCas);
        Optional<CatalogEntry> byHs = hs.flatMap(catalog::decisiveFor);
        List<DescriptionMatcher.Match> named = catalog.namedIn(line.description()).stream()
                .filter(match -> !match.abbreviation() || hs.isEmpty() || match.entry().sharesChapterWith(hs.get()))
                .toList();

        CatalogEntry item = byCas.map(ControlledGoodsCatalog.CasListing::entry)
                .or(() -> byHs)
                .or(() -> named.stream().findFirst().map(DescriptionMatcher.Match::entry))
                .orElse(null);
        if (item == null) {
            return new GoodsClassification(GoodsCategory.NONE, null, null, catalog.version(), List.of(), false);
        }

        List<String> evidence = new ArrayList<>();
        byCas.ifPresent(listing -> evidence.add(casEvidence(listing)));
        byHs.ifPresent(entry -> evidence.add(hsEvidence(entry, item, hs.get())));
        boolean describedAsItem = addDescriptionEvidence(line.description(), named, item, evidence);
        boolean misdeclared = item.category().isControlled()
                && (byCas.isPresent() || describedAsItem)
                && hs.isPresent() && !item.isDeclarableUnder(hs.get());
        if (misdeclared) {
            evidence.add("declared HS " + hs.get() + " is not an HS code of " + item.code() + " ("
                    + item.hsCodesDisplay() + "): possible mis-declaration");
        }
        return new GoodsClassification(item.category(), item.code(), item.name(), catalog.version(),
                List.copyOf(evidence), misdeclared);
    }

    private static String casEvidence(ControlledGoodsCatalog.CasListing listing) {
        String form = listing.cas().form() == null || "base".equals(listing.cas().form())
                ? "" : ", as " + listing.cas().form();
        return "CAS " + listing.cas().cas() + " is " + listing.entry().label() + form;
    }

    private static String hsEvidence(CatalogEntry byHs, CatalogEntry item, HsCode declared) {
        String evidence = "HS " + declared + " is the subheading for " + byHs.code();
        return byHs == item ? evidence : evidence + ", not for " + item.code() + " that the CAS number names";
    }

    private static String typos(DescriptionMatcher.Match match) {
        return match.corrections().stream()
                .map(typo -> ", reading \"" + typo.written() + "\" as \"" + typo.readAs() + "\"")
                .collect(Collectors.joining());
    }

    /** Writes what the description names; answers whether it names the item itself. */
    private static boolean addDescriptionEvidence(String description, List<DescriptionMatcher.Match> named,
                                                  CatalogEntry item, List<String> evidence) {
        boolean namesItem = false;
        List<CatalogEntry> reported = new ArrayList<>();
        for (DescriptionMatcher.Match match : named) {
            if (reported.contains(match.entry())) {
                continue;
            }
            reported.add(match.entry());
            boolean isItem = match.entry() == item;
            namesItem |= isItem;
            evidence.add("description \"" + description + "\" " + (isItem ? "names " : "also names ")
                    + match.entry().label() + " (as \"" + match.phrase() + "\"" + typos(match) + ")");
        }
        return namesItem;
    }
}
