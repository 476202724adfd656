package io.chokepoint.alerting.targets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of webhook targets with a name server of the test's own (names resolve as the test says, address
 * literals as the JVM reads them), so that DNS tricks can be played without a network.
 */
class WebhookTargetsTest {

    private static final Map<String, InetAddress[]> NAMES = Map.of(
            "hooks.example.org", addresses("93.184.215.14"),
            "dual.example.org", addresses("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "rebind.example.org", addresses("93.184.215.14", "10.0.0.7"),
            "metadata.example.org", addresses("169.254.169.254"),
            "v6-private.example.org", addresses("2606:4700:4700::1111", "fd00::5"),
            "receiver.internal", addresses("10.20.30.40"),
            "localhost.example.org", addresses("127.0.0.1"),
            "localhost", addresses("127.0.0.1", "::1"));

    private final WebhookTargets strict = new WebhookTargets(List.of(), WebhookTargetsTest::resolve);

    @Test
    void aPublicHttpsHostIsAllowed() {
        assertEquals(WebhookTargets.Verdict.Kind.ALLOWED, strict.check("https://hooks.example.org/chokepoint").kind());
        assertEquals(WebhookTargets.Verdict.Kind.ALLOWED, strict.check("HTTPS://dual.example.org:8443/x?y=z").kind());
        assertEquals(WebhookTargets.Verdict.Kind.ALLOWED, strict.check("https://93.184.215.14/hook").kind());
        assertEquals(WebhookTargets.Verdict.Kind.ALLOWED, strict.check("https://[2606:4700:4700::1111]/").kind());
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoUserInformation() {
        assertRefused("ftp://hooks.example.org/x", "must be an absolute http or https URL");
        assertRefused("file:///etc/passwd", "must be an absolute http or https URL");
        assertRefused("gopher://hooks.example.org:70/", "must be an absolute http or https URL");
        assertRefused("https:/relative", "must be an absolute http or https URL");
        assertRefused("https://a_b.example.org/", "must be an absolute http or https URL");
        assertRefused("https://user:secret@hooks.example.org/", "must not carry user information");
        assertRefused("https://hooks.example.org@10.0.0.1/", "must not carry user information");
        assertRefused("https://hooks.example.org/a b", "is not a URL");
        assertRefused("https://[fe80::1%25eth0]/", "must not name an IPv6 zone");
    }

    @Test
    void plainHttpOnlyForAllowedHosts() {
        assertRefused("http://hooks.example.org/x",
                "must use https; plain http is only for hosts in chokepoint.webhooks.allowed-hosts");
        WebhookTargets allowing = new WebhookTargets(List.of("hooks.example.org"), WebhookTargetsTest::resolve);
        assertEquals(WebhookTargets.Verdict.Kind.ALLOWED, allowing.check("http://hooks.example.org/x").kind());
    }

    @Test
    void everyResolvedAddressMustBePublic() {
        assertRefused("https://rebind.example.org/", "host rebind.example.org resolves to a private address 10.0.0.7; "
                + "such addresses are only for hosts in chokepoint.webhooks.allowed-hosts");
        assertRefused("https://metadata.example.org/latest/meta-data/",
                "resolves to a link-local address 169.254.169.254");
        assertRefused("https://v6-private.example.org/",
                "resolves to a private (unique local) address fd00:0:0:0:0:0:0:5");
        assertRefused("https://localhost/", "resolves to a loopback address 127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://127.1.2.3:8443/", "https://[::1]/", "https://10.1.2.3/",
            "https://172.20.0.1/", "https://192.168.0.1/", "https://[fd00::1]/", "https://169.254.169.254/",
            "https://[fe80::1]/", "https://0.0.0.0/", "https://[::]/", "https://224.0.0.251/", "https://[ff02::1]/",
            "https://100.100.100.200/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/",
            "https://[::127.0.0.1]/", "https://2130706433/", "https://167772161/"})
    void addressLiteralsAreJudgedByWhatTheyAre(String url) {
        WebhookTargets.Verdict verdict = strict.check(url);
        assertEquals(WebhookTargets.Verdict.Kind.REFUSED, verdict.kind(), url);
        assertTrue(verdict.reason().contains(" resolves to a"), verdict.reason());
    }

    /** The JVM reads a decimal host as one 32-bit number: 2130706433 is 127.0.0.1, and refused as loopback. */
    @Test
    void decimalAndOctalLookingHostsAreNeverTakenAtFaceValue() {
        assertRefused("https://2130706433/", "host 2130706433 resolves to a loopback address 127.0.0.1");
        // 0177.0.0.1 is 127.0.0.1 to software that reads octal and 177.0.0.1 to the JVM: refused either way.
        assertRefused("https://0177.0.0.1/", "host 0177.0.0.1 is an IPv4 address in a non-standard form");
        assertRefused("https://017700000001/", "is an IPv4 address in a non-standard form");
        // forms java.net.URI reads as no host at all
        assertRefused("https://1.2.3/", "must be an absolute http or https URL");
        assertRefused("https://0x7f.0.0.1/", "must be an absolute http or https URL");
        assertRefused("https://127.1/", "must be an absolute http or https URL");
    }

    @Test
    void aNameThatDoesNotResolveIsAcceptedForASubscriptionButNotSentTo() {
        String url = "https://not-yet.example.org/hook";
        assertEquals(WebhookTargets.Verdict.Kind.UNRESOLVED, strict.check(url).kind());
        assertEquals(Optional.empty(), strict.refusalForSubscription(url));
        assertEquals(Optional.of("host not-yet.example.org does not resolve"), strict.refusalForDelivery(url));
        assertEquals(Optional.empty(), strict.refusalForDelivery("https://hooks.example.org/"));
        assertTrue(strict.refusalForSubscription("https://10.0.0.1/").isPresent());
    }

    @Test
    void allowedHostsAreComparedAsWrittenWithTheirPortIfGiven() {
        WebhookTargets allowing = new WebhookTargets(List.of("LocalHost", "127.0.0.1:8080", "receiver.internal",
                "[::1]:9000", " "), WebhookTargetsTest::resolve);
        assertAllowed(allowing, "http://localhost:1234/hook");
        assertAllowed(allowing, "http://LOCALHOST/hook");
        assertAllowed(allowing, "http://127.0.0.1:8080/hook");
        assertAllowed(allowing, "https://receiver.internal/cases");
        assertAllowed(allowing, "http://[::1]:9000/");
        assertEquals(WebhookTargets.Verdict.Kind.REFUSED, allowing.check("http://127.0.0.1:8081/hook").kind());
        assertEquals(WebhookTargets.Verdict.Kind.REFUSED, allowing.check("https://127.0.0.1/hook").kind());
        assertEquals(WebhookTargets.Verdict.Kind.REFUSED, allowing.check("https://[::1]:9001/").kind());
        // the same address under another spelling is not the allowed host
        assertEquals(WebhookTargets.Verdict.Kind.REFUSED, allowing.check("https://2130706433:8080/").kind());
        assertEquals(WebhookTargets.Verdict.Kind.REFUSED,
                allowing.check("https://[::ffff:127.0.0.1]:8080/").kind());
        assertEquals(WebhookTargets.Verdict.Kind.REFUSED, allowing.check("https://localhost.example.org/").kind());

        WebhookTargets bareIpv6 = new WebhookTargets(List.of("::1"), WebhookTargetsTest::resolve);
        assertAllowed(bareIpv6, "http://[::1]:4000/");
    }

    @Test
    void aMalformedAllowListStopsTheStart() {
        for (String entry : List.of("http://localhost", "localhost:http", "localhost:0", "localhost:70000", "[::1",
                "[::1]8080", "user@localhost", ":8080")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new WebhookTargets(List.of(entry), WebhookTargetsTest::resolve), entry);
            assertTrue(refused.getMessage().startsWith("chokepoint.webhooks.allowed-hosts entry '" + entry + "'"),
                    refused.getMessage());
        }
    }

    private void assertRefused(String url, String reason) {
        WebhookTargets.Verdict verdict = strict.check(url);
        assertEquals(WebhookTargets.Verdict.Kind.REFUSED, verdict.kind(), url);
        assertTrue(verdict.reason().contains(reason), url + ": " + verdict.reason());
    }

    private static void assertAllowed(WebhookTargets targets, String url) {
        assertEquals(WebhookTargets.Verdict.Kind.ALLOWED, targets.check(url).kind(), url);
    }

    /** The test's names; address literals as the JVM reads them, without a name server. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] known = NAMES.get(host.toLowerCase());
        if (known != null) {
            return known;
        }
        if (host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    }

    private static InetAddress[] addresses(String... literals) {
        try {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByName(literals[i]);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
