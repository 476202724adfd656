package io.chokepoint.model.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.model.shipment.PartyIdentifier;
import io.chokepoint.model.shipment.PartyRole;

import java.util.List;

/** A party of an assessed shipment, with the role it plays. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessedParty(
        PartyRole role,
        String name,
        String country,
        String address,
        List<PartyIdentifier> identifiers) {
}
