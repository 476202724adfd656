package io.chokepoint.monitor.security;

import io.chokepoint.testing.AccessMatrix;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestKeysResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.chokepoint.testing.AccessMatrix.Access.to;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TestKeysResource.class)
class AccessMatrixTest {

    @Test
    void everyEndpointAnswersEveryCallerAsDesigned() {
        AccessMatrix matrix = AccessMatrix.of(
                to("GET", "/api/v1/catalog").allows(200, "partner", "officer", "registry-admin", "operator"),
                to("POST", "/api/v1/catalog/reload").allows(200, "operator"));
        assertEquals(java.util.List.of(), matrix.wrongCells());
    }
}
