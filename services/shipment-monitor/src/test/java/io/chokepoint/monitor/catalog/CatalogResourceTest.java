package io.chokepoint.monitor.catalog;

import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class CatalogResourceTest {

    /** A partner reads the catalog to know what is controlled. */
    @BeforeEach
    void defaultCaller() {
        Callers.byDefault(TestTokens.partner(TestEvents.EXPORT_AGENCY));
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    @Test
    void servesTheVersionedCatalog() {
        given().get("/api/v1/catalog").then()
                .statusCode(200)
                .body("version", notNullValue())
                .body("entries.code", hasItems("NPP", "ANPP", "4-AP", "1-BOC-4-AP", "NORFENTANYL", "4-PIPERIDONE",
                        "1-BOC-4-PIPERIDONE", "PHENETHYL-BROMIDE", "PROPIONYL-CHLORIDE", "SODIUM-BOROHYDRIDE",
                        "TABLET-PRESS", "ENCAPSULATING-MACHINE", "PUNCHES-AND-DIES"))
                .body("entries.find { it.code == 'NPP' }.category", equalTo("PRECURSOR"))
                .body("entries.find { it.code == 'NPP' }.casNumbers[0].cas", equalTo("39742-60-4"))
                .body("entries.find { it.code == 'NPP' }.hsCodes[0].code", equalTo("2933.37"))
                .body("entries.find { it.code == 'TABLET-PRESS' }.category", equalTo("TABLETING_EQUIPMENT"));
    }
}
