package io.chokepoint.alerting.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code X-Chokepoint-Signature} of a webhook body: {@code sha256=<hex>}, the HMAC-SHA256 of the exact body
 * bytes keyed with the subscription's secret (UTF-8). A receiver computes the same over the raw body it read and
 * compares in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Chokepoint-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
