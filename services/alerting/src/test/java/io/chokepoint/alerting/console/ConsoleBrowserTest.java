package io.chokepoint.alerting.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.Fixtures;
import io.chokepoint.alerting.Officers;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The enforcement console in a real browser (Debian's chromium, headless), against the service on the real broker
 * and database: alerts raised through the consumed topics appear without a reload, filters narrow the list, the
 * detail shows the evidence, the officer's moves reach the service with their name and the version they saw, and
 * a refusal is shown. The officer types a real bearer token into the console; without one the service's token
 * (none, refused, or not an officer's), the console asks for one and shows no alert. Screenshots go to
 * {@code target/console-screenshots}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ConsoleBrowserTest {

    /** The principal of {@link TestTokens#officer()}: the actor the service records for the console's changes. */
    private static final String OFFICER = Officers.DEFAULT;
    private static final String TOKEN_KEY = "chokepoint.console.token";

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/")
    URL root;

    private HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws IOException {
        Callers.byDefault(TestTokens.officer());
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        Callers.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOfficerFollowsAlertsLiveAndReviewsOne() throws IOException {
        String program = TestAlerts.uniqueProgram();
        openConsole();

        Alert first = TestAlerts.raise(mapper, 1, program).get(0);
        WebElement row = awaitRow(first);
        for (String shown : List.of(first.declarationId, Fixtures.CONSIGNEE, "Listed Front 0", "0.95", "NEW",
                "HIGH")) {
            assertTrue(row.getText().contains(shown), shown + " in the row: " + row.getText());
        }
        assertTrue(sameDocument(), "the alert arrived without a reload");

        reloadingList(() -> {
            WebElement declaration = browser.byId("filter-declaration");
            declaration.clear();
            declaration.sendKeys(first.declarationId);
            browser.byId("apply-filters").click();
        });
        assertEquals(List.of(first.id.toString()), rowIds());
        assertEquals("1 alert matches the filters; 1 shown.", browser.byId("list-summary").getText());
        reloadingList(() -> {
            new Select(browser.byId("filter-status")).selectByValue("ACKNOWLEDGED");
            browser.byId("apply-filters").click();
        });
        assertEquals(List.of(), rowIds());
        assertEquals("No alert matches these filters.", browser.byId("list-summary").getText());
        reloadingList(() -> {
            new Select(browser.byId("filter-status")).selectByValue("");
            browser.byId("apply-filters").click();
        });
        assertEquals(List.of(first.id.toString()), rowIds());

        openDetail(first);
        String goods = browser.byId("goods").getText();
        for (String shown : List.of("N-Phenethyl-4-piperidone", "HS 293337", "CAS 39742-60-4", "Fentanyl precursor",
                "(NPP)", "CAS 39742-60-4 is NPP", "HS 2933.37 is the NPP subheading")) {
            assertTrue(goods.contains(shown), shown + " in the goods: " + goods);
        }
        String party = browser.byId("party-compare").getText();
        for (String shown : List.of("Declared on the shipment", "On the sanctions list", Fixtures.CONSIGNEE,
                "CONSIGNEE · MX", "Listed Front 0", first.entitySourceId, program)) {
            assertTrue(party.contains(shown), shown + " in the party comparison: " + party);
        }
        String score = browser.byId("score").getText();
        assertTrue(score.contains("0.95"), score);
        assertTrue(score.contains("name tokens agree; country MX agrees"), score);
        assertEquals(first.explanation, browser.byId("explanation").getText());
        assertEquals("OFAC-v1", metaValue("List version"));
        assertEquals(first.reportingAgency, metaValue("Reporting agency"));

        browser.byId("move-ACKNOWLEDGED").click();
        browser.until(driver -> "ACKNOWLEDGED".equals(detailAttribute("status")));
        browser.until(driver -> statusInRow(first).equals("ACKNOWLEDGED"));
        assertEquals("Acknowledged by " + OFFICER + ".", browser.byId("detail-done").getText());
        given().get("/api/v1/alerts/{id}", first.id).then().statusCode(200)
                .body("status", is("ACKNOWLEDGED")).body("statusChangedBy", is(OFFICER));

        // Another officer escalates it meanwhile: the console hears it, and a move based on what it showed is refused.
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer("officer.ruiz"))
                .body(Map.of("status", "ESCALATED"))
                .post("/api/v1/alerts/{id}/transitions", first.id).then().statusCode(200);
        browser.until(driver -> browser.byId("detail-stale").isDisplayed()
                && browser.byId("detail-stale").getText().contains("it is now ESCALATED"));
        browser.until(driver -> statusInRow(first).equals("ESCALATED"));
        browser.byId("move-DISMISSED").click();
        WebElement error = browser.until(driver -> {
            WebElement shown = browser.byId("detail-error");
            return shown.isDisplayed() ? shown : null;
        });
        assertTrue(error.getText().contains("Refused (412): someone changed this alert since you opened it"),
                error.getText());
        given().get("/api/v1/alerts/{id}", first.id).then().statusCode(200)
                .body("status", is("ESCALATED")).body("statusChangedBy", is("officer.ruiz"));
        assertScreenshotReadable(browser.screenshot("console-refused-stale-change"));

        error.findElement(By.cssSelector("button.reload")).click();
        browser.until(driver -> "ESCALATED".equals(detailAttribute("status")));
        assertTrue(browser.driver().findElements(By.id("move-ESCALATED")).isEmpty());
        new Select(browser.byId("dismissal-reason")).selectByValue("OTHER");
        browser.byId("move-DISMISSED").click();
        browser.until(driver -> browser.byId("detail-error").isDisplayed() && browser.byId("detail-error").getText()
                .contains("Refused (400): reason.text must say why when the code is OTHER"));
        given().get("/api/v1/alerts/{id}", first.id).then().body("status", is("ESCALATED"));

        reloadingList(() -> browser.byId("clear-filters").click());
        assertTrue(browser.byId("filter-declaration").getAttribute("value").isEmpty());
        Alert second = TestAlerts.raise(mapper, 1, program).get(0);
        awaitRow(second);
        assertEquals(second.id.toString(), rowIds().get(0), "the newest alert is on top");
        assertTrue(sameDocument(), "the second alert arrived without a reload");
        openDetail(second);
        assertScreenshotReadable(browser.screenshot("console-alert-detail"));
    }

    /**
     * The console reads the stream itself (a browser's EventSource cannot send the token): when the connection
     * drops it connects again naming the last event it heard, and what was raised meanwhile arrives on the
     * resumed stream, without the list being read again. The browser reaches the service through a relay that
     * the test cuts.
     */
    @Test
    void aDroppedStreamResumesFromTheLastEventItHeard() throws IOException {
        String program = TestAlerts.uniqueProgram();
        try (CuttableRelay relay = new CuttableRelay(root.getPort())) {
            openConsole("http://127.0.0.1:" + relay.port() + "/");
            awaitRow(TestAlerts.raise(mapper, 1, program).get(0));
            String loads = listLoads();

            relay.cut();
            browser.until(driver -> "reconnecting".equals(browser.byId("stream-status").getAttribute("data-state")));
            Alert missed = TestAlerts.raise(mapper, 1, program).get(0);
            relay.restore();

            awaitRow(missed);
            assertEquals("live", browser.byId("stream-status").getAttribute("data-state"));
            assertEquals(loads, listLoads(), "the alert came on the resumed stream, not from reading the list again");
            assertTrue(sameDocument(), "no reload");
        }
    }

    /**
     * Without a token, with a token the service refuses (401) or one that is not an officer's (403), the console
     * says that a valid officer token is needed and shows no alert; with an officer's the alerts come, live; and a
     * token that stops being accepted takes them off the screen again.
     */
    @Test
    void withoutAValidOfficerTokenTheConsoleAsksForOneAndShowsNoAlert() throws IOException {
        String program = TestAlerts.uniqueProgram();
        Alert raised = TestAlerts.raise(mapper, 1, program).get(0);
        browser.driver().get(root + "console/");
        assertAsksForAToken("Enter a valid officer token");
        assertScreenshotReadable(browser.screenshot("console-without-token"));

        useToken(TestTokens.partner());
        assertAsksForAToken("does not grant the officer role (403)");
        useToken(TestTokens.expired("officer"));
        assertAsksForAToken("did not accept this token (401)");

        useToken(TestTokens.officer());
        awaitLive();
        assertFalse(browser.byId("auth-message").isDisplayed());
        awaitRow(raised);
        Alert live = TestAlerts.raise(mapper, 1, program).get(0);
        awaitRow(live);

        useToken("not-a-token");
        assertAsksForAToken("did not accept this token (401)");
        assertEquals(List.of(), rowIds());
    }

    /** The message asks for a valid officer token; the stream is closed and no alert is on screen. */
    private void assertAsksForAToken(String reason) {
        WebElement message = browser.until(driver -> {
            WebElement shown = browser.byId("auth-message");
            return shown.isDisplayed() && shown.getText().contains(reason) ? shown : null;
        });
        assertTrue(message.getText().contains("valid officer token"), message.getText());
        browser.until(driver -> "signed-out".equals(browser.byId("stream-status").getAttribute("data-state")));
        assertEquals(List.of(), rowIds());
        assertEquals(Boolean.TRUE, browser.script("return document.body.dataset.listLoaded === undefined;"));
        assertFalse(browser.byId("detail-body").isDisplayed());
    }

    @Test
    void valuesFromTheServiceAreShownAsTextNeverAsMarkup() {
        String hostile = "<img src=x onerror=\"window.injected = true\"><b>Front</b> S.A.";
        openConsole();
        Alert alert = TestAlerts.raise(mapper, Fixtures.match("ent-" + UUID.randomUUID(), hostile, 0.97,
                TestAlerts.uniqueProgram())).get(0);
        WebElement row = awaitRow(alert);
        assertTrue(row.getText().contains(hostile), row.getText());
        openDetail(alert);
        assertTrue(browser.byId("party-compare").getText().contains(hostile));
        assertTrue(browser.driver().findElements(By.cssSelector("#alerts-body img, #alerts-body b, #detail img, "
                + "#detail-body b")).isEmpty(), "no element made from the alert's values");
        assertEquals(Boolean.FALSE, browser.script("return window.injected === true;"));
    }

    @Test
    void theServiceRootLeadsToTheConsole() {
        browser.driver().get(root.toString());
        browser.until(driver -> driver.getCurrentUrl().endsWith("/console/"));
        assertEquals("Chokepoint · Enforcement console", browser.driver().getTitle());
        assertFalse(browser.driver().findElements(By.cssSelector("table#alerts-table th[scope=col]")).isEmpty());
    }

    /** Opens the console and types the officer's token, as an officer pastes it; it stays out of URLs. */
    private void openConsole() {
        openConsole(root.toString());
    }

    /** @param base where the browser reaches the service, ending with a slash */
    private void openConsole(String base) {
        browser.driver().get(base + "console/");
        String token = TestTokens.officer();
        useToken(token);
        awaitLive();
        assertEquals(token, browser.script("return sessionStorage.getItem('" + TOKEN_KEY + "');"));
        assertEquals(0L, browser.script("return localStorage.length;"));
        assertFalse(browser.driver().getCurrentUrl().contains(token));
        browser.script("window.sameDocument = true;");
    }

    private void useToken(String token) {
        WebElement field = browser.byId("token");
        field.clear();
        field.sendKeys(token);
        browser.byId("use-token").click();
    }

    private void awaitLive() {
        browser.until(driver -> "live".equals(browser.byId("stream-status").getAttribute("data-state"))
                && driver.findElement(By.tagName("body")).getAttribute("data-list-loaded") != null);
    }

    private boolean sameDocument() {
        return Boolean.TRUE.equals(browser.script("return window.sameDocument === true;"));
    }

    /** Does what makes the console read the list again, and waits until it has. */
    private void reloadingList(Runnable action) {
        String before = listLoads();
        action.run();
        browser.until(driver -> !listLoads().equals(before));
    }

    private String listLoads() {
        return String.valueOf(browser.script("return document.body.dataset.listLoaded;"));
    }

    /** What the alert's detail says under a heading of its facts. */
    private String metaValue(String term) {
        return browser.driver().findElement(By.xpath("//dl[@class='meta']/dt[normalize-space(.)='" + term
                + "']/following-sibling::dd[1]")).getText();
    }

    private WebElement awaitRow(Alert alert) {
        return browser.until(driver -> driver.findElements(rowOf(alert)).stream().findFirst().orElse(null));
    }

    private static By rowOf(Alert alert) {
        return By.cssSelector("#alerts-body tr[data-alert-id='" + alert.id + "']");
    }

    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('#alerts-body tr"
                + "[data-alert-id]')).map(row => row.dataset.alertId);");
    }

    private String statusInRow(Alert alert) {
        return browser.driver().findElements(rowOf(alert)).stream()
                .map(row -> row.findElement(By.cssSelector(".status-cell")).getText()).findFirst().orElse("");
    }

    private String detailAttribute(String name) {
        return browser.byId("detail").getAttribute("data-" + name);
    }

    private void openDetail(Alert alert) {
        browser.until(driver -> driver.findElement(rowOf(alert))).findElement(By.cssSelector("button.link")).click();
        browser.until(driver -> alert.id.toString().equals(detailAttribute("alert-id"))
                && browser.byId("detail-body").isDisplayed());
    }

    /** The PNG decodes and has the window's width: something was drawn, at the size the console is made for. */
    private static void assertScreenshotReadable(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth(), "screenshot width");
        assertTrue(image.getHeight() >= 600, "screenshot height " + image.getHeight());
    }
}
