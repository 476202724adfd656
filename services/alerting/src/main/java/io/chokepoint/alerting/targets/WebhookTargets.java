package io.chokepoint.alerting.targets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a webhook may be sent. A subscription names a URL anyone could choose, and the service posts to it from
 * inside its own network, so the URL could otherwise reach the service's neighbours (the database, the broker,
 * the cloud's metadata endpoint). A target must be http or https without user information; unless its host (or
 * host:port) is in {@code chokepoint.webhooks.allowed-hosts}, it must use https and <em>every</em> address its host
 * resolves to must be public (see {@link AddressRules}): a name that resolves to one public and one private address
 * is refused, whichever of the two a connection would pick.
 * <p>
 * The rules apply when a subscription is created and again before every attempt to deliver, since a name's
 * addresses can change after it was accepted. The sender's HTTP client resolves the name again when it connects;
 * the JVM's address cache ({@code networkaddress.cache.ttl}, 30 seconds unless configured) gives it the addresses
 * just checked.
 */
@Singleton
public class WebhookTargets {

    public static final String ALLOWED_HOSTS_KEY = "chokepoint.webhooks.allowed-hosts";

    private static final Logger LOG = Logger.getLogger(WebhookTargets.class);
    private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);

    /** Resolves a host to all its addresses; the system resolver in service. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What the rules say of a URL; {@code reason} is null when it is allowed. */
    public record Verdict(Kind kind, String reason) {

        public enum Kind { ALLOWED, REFUSED, UNRESOLVED }

        static Verdict refused(String reason) {
            return new Verdict(Kind.REFUSED, reason);
        }
    }

    private static final Verdict ALLOWED = new Verdict(Verdict.Kind.ALLOWED, null);

    private final AllowedHosts allowedHosts;
    private final Resolver resolver;

    @Inject
    public WebhookTargets(TargetsConfig config) {
        this(config.allowedHosts().orElse(List.of()), InetAddress::getAllByName);
    }

    public WebhookTargets(Collection<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = AllowedHosts.parse(allowedHosts);
        this.resolver = resolver;
    }

    /** Created at start, so that a malformed allow-list stops the service instead of its first webhook. */
    void onStart(@Observes StartupEvent started) {
        LOG.infof("Webhooks go over https to public addresses%s", allowedHosts.isEmpty() ? " only"
                : ", or to the hosts in " + ALLOWED_HOSTS_KEY);
    }

    /**
     * Why a subscription may not name this URL, if it may not. A host that does not resolve now is accepted (a
     * name without addresses reaches nothing; whatever it resolves to later is checked at each delivery).
     */
    public Optional<String> refusalForSubscription(String url) {
        Verdict verdict = check(url);
        return verdict.kind() == Verdict.Kind.REFUSED ? Optional.of(verdict.reason()) : Optional.empty();
    }

    /** Why a delivery must not be sent to this URL now, if it must not: refused, or its host does not resolve. */
    public Optional<String> refusalForDelivery(String url) {
        return Optional.ofNullable(check(url).reason());
    }

    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Verdict.refused("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!(https || scheme.equals("http")) || uri.getHost() == null) {
            return Verdict.refused("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Verdict.refused("must not carry user information (user:password@): the signature authenticates "
                    + "the sender");
        }
        String host = uri.getHost();
        if (host.contains("%")) {
            return Verdict.refused("must not name an IPv6 zone (%)");
        }
        if (uri.getPort() > 65535) {
            return Verdict.refused("has a port beyond 65535");
        }
        if (allowedHosts.allows(host, uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort())) {
            return ALLOWED;
        }
        if (!https) {
            return Verdict.refused("must use https; plain http is only for hosts in " + ALLOWED_HOSTS_KEY);
        }
        return checkAddresses(host);
    }

    private Verdict checkAddresses(String host) {
        InetAddress[] addresses = resolve(host);
        for (InetAddress address : addresses) {
            Optional<String> kind = AddressRules.forbiddenKind(address);
            if (kind.isPresent()) {
                return Verdict.refused("host " + host + " resolves to " + kind.get() + " " + address.getHostAddress()
                        + "; such addresses are only for hosts in " + ALLOWED_HOSTS_KEY);
            }
        }
        if (NUMERIC_HOST.matcher(host).matches() && !CANONICAL_IPV4.matcher(host).matches()) {
            return Verdict.refused("host " + host + " is an IPv4 address in a non-standard form"
                    + (addresses.length == 0 ? "" : " (read as " + addresses[0].getHostAddress() + ")")
                    + "; write it as four decimal numbers such as 203.0.113.10");
        }
        return addresses.length == 0 ? new Verdict(Verdict.Kind.UNRESOLVED, "host " + host + " does not resolve")
                : ALLOWED;
    }

    private InetAddress[] resolve(String host) {
        try {
            InetAddress[] addresses = resolver.resolve(host);
            return addresses == null ? new InetAddress[0] : addresses;
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }
}
