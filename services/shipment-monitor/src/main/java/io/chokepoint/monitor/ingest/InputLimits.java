package io.chokepoint.monitor.ingest;

/**
 * How long each free-text field of an event and how long each of its lists may be; from the configuration
 * ({@link IngestConfig}), a plain value so that the validator stays plain Java.
 */
public record InputLimits(int declarationId, int reportingAgency, int partyName, int partyAddress,
                          int identifierScheme, int identifierValue, int goodsDescription, int unit,
                          int modeOfTransport, int code, int goodsLines, int identifiers, int transshipmentPorts) {

    public static InputLimits of(IngestConfig config) {
        IngestConfig.MaxLength length = config.maxLength();
        return new InputLimits(length.declarationId(), length.reportingAgency(), length.partyName(),
                length.partyAddress(), length.identifierScheme(), length.identifierValue(), length.goodsDescription(),
                length.unit(), length.modeOfTransport(), length.code(), config.maxGoodsLines(), config.maxIdentifiers(),
                config.maxTransshipmentPorts());
    }
}
