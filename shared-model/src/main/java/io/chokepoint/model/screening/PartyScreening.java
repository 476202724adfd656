package io.chokepoint.model.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.model.shipment.PartyRole;

import java.util.List;

/** One screened party: its role, the name as declared, and its matches, best first (empty when clean). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartyScreening(PartyRole role, String name, String country, List<Match> matches) {
}
