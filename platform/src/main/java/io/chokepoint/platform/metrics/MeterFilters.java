package io.chokepoint.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What every Chokepoint service's meters share. Quarkus applies each {@link MeterFilter} bean to its registries. */
@Singleton
public class MeterFilters {

    public static final String APPLICATION_TAG = "application";

    private static final String KAFKA_CONSUMER_METERS = "kafka.consumer.";

    /**
     * Tags every meter, the binders' included, with {@code application} (the service's {@code quarkus.application.name}),
     * so that dashboards over all services can tell them apart and group by service.
     */
    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(Tags.of(APPLICATION_TAG, application));
    }

    /**
     * The Kafka consumer reports its per-partition fetch metrics (lag among them) twice: under the topic's name and
     * under a legacy copy of it with the dots replaced by underscores. Chokepoint's topics all have dots
     * ({@code shipments.inbound}), so a topic tag with underscores and no dot is that copy: dropping it keeps a sum
     * of the lag over topics from counting every partition twice.
     */
    @Produces
    @Singleton
    MeterFilter kafkaLegacyTopicNames() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return isLegacyTopicCopy(id) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }
        };
    }

    static boolean isLegacyTopicCopy(Meter.Id id) {
        String topic = id.getTag("topic");
        return id.getName().startsWith(KAFKA_CONSUMER_METERS) && topic != null
                && topic.indexOf('_') >= 0 && topic.indexOf('.') < 0;
    }
}
