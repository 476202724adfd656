package io.chokepoint.model.screening;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A sanctioned entity that a screened name matched.
 *
 * @param name        the entity's listed primary name
 * @param matchedName the listed name or alias that matched the query
 * @param score       0 to 1
 * @param explanation what raised and lowered the score, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Match(
        String entityId,
        String source,
        String sourceId,
        String name,
        String matchedName,
        String type,
        List<String> programs,
        double score,
        String explanation) {
}
