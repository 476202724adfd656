package io.chokepoint.registry.imports;

import io.chokepoint.registry.RegistryAdmins;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hostile list files and oversized requests through the API: XML with a DTD, external entities or entity expansion
 * is refused without reading anything it points to, and a request over the body limit answers 413.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ImportHardeningTest {

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Test
    void refusesAnExternalEntityWithoutReadingTheFile(@TempDir Path directory) throws IOException {
        String secret = "SECRET-" + UUID.randomUUID();
        Path file = Files.writeString(directory.resolve("secret.txt"), secret);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM \"" + file.toUri()
                + "\">]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>XXE.1</REFERENCE_NUMBER>"
                + "<FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        String body = importUn(xml).statusCode(400)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", startsWith("declares a DTD at line "))
                .body("errors[0].message", endsWith("; DTDs and entities are not accepted"))
                .extract().asString();
        assertFalse(body.contains(secret), body);
        given().queryParam("name", secret).get("/api/v1/entities").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void refusesAnExternalDtdWithoutFetchingIt() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/list.dtd";
            String withDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST SYSTEM \"" + url + "\">\n"
                    + "<CONSOLIDATED_LIST/>";
            String withEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY % remote SYSTEM \""
                    + url + "\"> %remote;]>\n<CONSOLIDATED_LIST/>";
            importUn(withDtd).statusCode(400).body("errors[0].message", containsString("declares a DTD"));
            importUn(withEntity).statusCode(400).body("errors[0].message", containsString("declares a DTD"));
            // Both answers are in: a fetch during either import would be waiting in the backlog by now.
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept, "the parser connected to " + url);
        }
    }

    @Test
    void refusesEntityExpansionAtOnce() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [\n"
                + "<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 10; i++) {
            String previous = "&lol" + (i - 1) + ";";
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<CONSOLIDATED_LIST><ENTITIES><ENTITY><REFERENCE_NUMBER>LOL.1</REFERENCE_NUMBER>"
                + "<FIRST_NAME>&lol10;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>");
        importUn(laughs.toString()).statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].message", containsString("declares a DTD"))
                .body("errors[0].message", not(containsString("lollol")));
    }

    @Test
    void answersARequestOverTheBodyLimitWith413AndRecordsIt() throws IOException {
        String actor = "oversized-" + UUID.randomUUID();
        long declared = maxBodySize.asLongValue() + 1;
        HttpAnswer answer = postHeadOnly("/api/v1/imports?format=un-xml", actor, declared);
        assertEquals(413, answer.status(), answer.toString());
        JsonPath body = JsonPath.from(answer.body());
        assertEquals("body", body.getString("errors[0].field"));
        assertEquals("is over the limit of " + maxBodySize.asLongValue() + " bytes (quarkus.http.limits.max-body-size)",
                body.getString("errors[0].message"));

        // Recorded once the answer has gone: it never reached an endpoint (whose refusals are recorded before).
        JsonPath requests = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().queryParam("actor", actor).get("/api/v1/audit/requests").then().extract().jsonPath(),
                r -> r.getInt("total") == 1);
        assertEquals("IMPORT", requests.getString("items[0].action"));
        assertEquals("REFUSED", requests.getString("items[0].outcome"));
        assertEquals(413, requests.getInt("items[0].status"));
        assertEquals(body.getString("errors[0].message"), requests.getString("items[0].problems[0].message"));
    }

    @Test
    void answersAJsonBodyOverTheLimitWith413Too() throws IOException {
        HttpAnswer answer = postHeadOnly("/api/v1/entities", "oversized-" + UUID.randomUUID(),
                maxBodySize.asLongValue() * 2);
        assertEquals(413, answer.status(), answer.toString());
        assertEquals(List.of("body"), JsonPath.from(answer.body()).getList("errors.field"));
    }

    /** No Content-Length to judge by: Quarkus cuts the body off once it is over the limit, with its own bare 413. */
    @Test
    void answersAStreamedBodyThatGrowsOverTheLimitWith413() throws Exception {
        String actor = "streamed-" + UUID.randomUUID();
        HttpAnswer answer = postChunked("/api/v1/imports?format=un-xml", actor, maxBodySize.asLongValue() + 1_000_000);
        assertEquals(413, answer.status(), answer.toString());
        // The client has its answer before the endpoint, reading on, learns of it and the refusal is recorded.
        JsonPath requests = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().queryParam("actor", actor).get("/api/v1/audit/requests").then().extract().jsonPath(),
                r -> r.getInt("total") == 1);
        assertEquals("REFUSED", requests.getString("items[0].outcome"));
        assertEquals(413, requests.getInt("items[0].status"), "what the client got, not the failure behind it");
        assertEquals("answered 413 Request Entity Too Large", requests.getString("items[0].message"));
    }

    private static ValidatableResponse importUn(String xml) {
        return given().multiPart("file", "list.xml", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
                .queryParam("format", "un-xml").post("/api/v1/imports").then();
    }

    /**
     * Sends only the head of a request whose Content-Length announces a body over the limit, and reads the answer:
     * the server must answer from the announced length, without waiting for a body it would refuse.
     */
    private static HttpAnswer postHeadOnly(String path, String actor, long contentLength) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + RegistryAdmins.bearer(actor) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + contentLength + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return HttpAnswer.read(socket.getInputStream());
        }
    }

    /**
     * Streams a multipart body without a Content-Length, in chunks, on a thread of its own, until it is past
     * {@code size} or the server stops reading; the answer is read meanwhile.
     */
    private static HttpAnswer postChunked(String path, String actor, long size) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: " + RegistryAdmins.bearer(actor) + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xml\"\r\n"
                            + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    writeChunk(out, head);
                    for (long sent = head.length; sent <= size; sent += chunk.length) {
                        writeChunk(out, chunk);
                    }
                } catch (IOException e) {
                    // the server answered and closed the connection: what the test expects
                }
            });
            writer.start();
            HttpAnswer answer = HttpAnswer.read(socket.getInputStream());
            writer.join(30_000);
            return answer;
        }
    }

    private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private record HttpAnswer(int status, String head, String body) {

        static HttpAnswer read(InputStream in) throws IOException {
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            int length = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
            return new HttpAnswer(status, head, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n") && (b = in.read()) != -1) {
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }
}
