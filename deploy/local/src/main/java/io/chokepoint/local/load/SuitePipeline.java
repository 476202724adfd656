package io.chokepoint.local.load;

import java.util.List;

/**
 * The part of the suite a load run watches: where events go in and alerts come out, the consumer groups that must
 * catch up, and the topics that receive one record for each event taken (the assessment, then the screening), whose
 * counts tell that a stage has written all it will before its consumers' lag can be trusted.
 */
record SuitePipeline(String inboundTopic, String alertsTopic, List<String> groups, List<String> perEventTopics) {

    static final SuitePipeline SUITE = new SuitePipeline("shipments.inbound", "alerts.raised",
            List.of("shipment-monitor", "sanctions-registry", "alerting"),
            List.of("shipments.assessed", "screening.results"));
}
