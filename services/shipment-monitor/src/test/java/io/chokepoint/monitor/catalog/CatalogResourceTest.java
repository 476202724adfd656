package io.chokepoint.monitor.catalog;

import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class CatalogResourceTest {

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
