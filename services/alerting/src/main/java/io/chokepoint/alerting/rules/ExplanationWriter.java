package io.chokepoint.alerting.rules;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.GoodsClassification;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the explanation an officer reads first: which goods are controlled and why, which party matched which
 * listed name with what score and why, on which list version.
 */
@Singleton
public class ExplanationWriter {

    public String explain(Finding finding) {
        List<String> sentences = new ArrayList<>();
        sentences.add(String.format(Locale.ROOT, "%s shipped %s a sanctioned party.",
                capitalised(finding.type().goodsLabel()), direction(finding)));
        finding.goods().forEach(line -> sentences.add(goodsSentence(line)));
        sentences.add(partySentence(finding));
        if (finding.late()) {
            sentences.add("Raised late, by a rescreen after a sanctions list change.");
        }
        return String.join(" ", sentences);
    }

    private static String direction(Finding finding) {
        return switch (finding.partyRole()) {
            case EXPORTER -> "by";
            case FORWARDER -> "through";
            default -> "to";
        };
    }

    private static String goodsSentence(AssessedGoodsLine line) {
        GoodsClassification classification = line.classification();
        StringBuilder sentence = new StringBuilder()
                .append("Goods line ").append(line.line()).append(" \"").append(line.description()).append('"');
        List<String> declared = new ArrayList<>();
        if (line.casNumber() != null) {
            declared.add("CAS " + line.casNumber());
        }
        if (line.hsCode() != null) {
            declared.add("HS " + line.hsCode());
        }
        if (!declared.isEmpty()) {
            sentence.append(" (").append(String.join(", ", declared)).append(')');
        }
        sentence.append(" is ").append(itemName(classification))
                .append(", ").append(categoryName(classification));
        if (classification.evidence() != null && !classification.evidence().isEmpty()) {
            sentence.append(": ").append(String.join("; ", classification.evidence()));
        }
        if (classification.misdeclared()) {
            sentence.append("; declared under a benign HS code");
        }
        return sentence.append('.').toString();
    }

    private static String itemName(GoodsClassification classification) {
        if (classification.itemName() == null) {
            return classification.itemCode() == null ? "an item" : classification.itemCode();
        }
        if (classification.itemCode() == null || classification.itemCode().equals(classification.itemName())) {
            return classification.itemName();
        }
        return classification.itemName() + " (" + classification.itemCode() + ")";
    }

    private static String categoryName(GoodsClassification classification) {
        return switch (classification.category()) {
            case PRECURSOR -> "a controlled precursor (1988 Convention Table I)";
            case TABLETING_EQUIPMENT -> "tableting equipment";
            case SURVEILLANCE -> "a chemical under special surveillance";
            case NONE -> "not controlled";
        };
    }

    private static String partySentence(Finding finding) {
        StringBuilder sentence = new StringBuilder()
                .append(capitalised(roleName(finding))).append(" \"").append(finding.partyName()).append('"');
        if (finding.partyCountry() != null) {
            sentence.append(" (").append(finding.partyCountry()).append(')');
        }
        sentence.append(" matched the listed name \"").append(finding.matchedName() != null
                ? finding.matchedName() : finding.entityName()).append('"');
        if (finding.matchedName() != null && !finding.matchedName().equals(finding.entityName())) {
            sentence.append(" of \"").append(finding.entityName()).append('"');
        }
        sentence.append(" (").append(finding.entitySource()).append(' ').append(finding.entitySourceId());
        if (!finding.programs().isEmpty()) {
            sentence.append(", programs ").append(String.join(", ", finding.programs()));
        }
        sentence.append(String.format(Locale.ROOT, ") with score %.2f", finding.score()));
        if (finding.matchExplanation() != null && !finding.matchExplanation().isBlank()) {
            sentence.append(": ").append(finding.matchExplanation().strip());
        }
        if (!sentence.toString().endsWith(".")) {
            sentence.append('.');
        }
        if (finding.listVersion() != null) {
            sentence.append(" List version ").append(finding.listVersion()).append('.');
        }
        return sentence.toString();
    }

    private static String roleName(Finding finding) {
        return Arrays.stream(finding.partyRole().name().split("_"))
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
