package io.chokepoint.alerting.targets;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** Where webhooks may be sent besides public https hosts. */
@ConfigMapping(prefix = "chokepoint.webhooks")
public interface TargetsConfig {

    /**
     * Hosts a webhook may reach although they resolve to a loopback, private, link-local or otherwise non-public
     * address, and may reach over plain http: {@code host} or {@code host:port}, comma-separated, compared with the
     * URL's host as written. Empty by default: every webhook goes over https to a public address.
     */
    Optional<List<String>> allowedHosts();
}
