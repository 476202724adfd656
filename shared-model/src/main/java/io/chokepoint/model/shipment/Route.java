package io.chokepoint.model.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Where a shipment goes: countries are ISO 3166-1 alpha-2, ports UN/LOCODE. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Route(
        String originCountry,
        String destinationCountry,
        String portOfLoading,
        String portOfDischarge,
        List<String> transshipmentPorts,
        String modeOfTransport,
        String vesselImo) {
}
