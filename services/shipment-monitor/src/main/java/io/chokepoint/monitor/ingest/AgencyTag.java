package io.chokepoint.monitor.ingest;

import io.chokepoint.monitor.codes.CountryCode;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting agency as a metric tag, whose values must stay few: a code shaped like the contract's
 * ({@code CN-GACC}, {@code US-CBP}: an ISO alpha-2 country, a hyphen, 2 to 16 capitals or digits) is kept, up to a
 * limit of distinct codes; a missing or ill-formed one is {@value #UNKNOWN}, one past the limit {@value #OTHER}.
 */
final class AgencyTag {

    static final String UNKNOWN = "unknown";
    static final String OTHER = "other";

    private static final Pattern CODE = Pattern.compile("([A-Z]{2})-[A-Z0-9]{2,16}");

    private final int limit;
    private final Set<String> named = ConcurrentHashMap.newKeySet();

    AgencyTag(int limit) {
        this.limit = limit;
    }

    String of(String agency) {
        if (agency == null) {
            return UNKNOWN;
        }
        Matcher code = CODE.matcher(agency);
        if (!code.matches() || !CountryCode.isValid(code.group(1))) {
            return UNKNOWN;
        }
        if (named.contains(agency)) {
            return agency;
        }
        synchronized (named) {
            if (named.size() >= limit && !named.contains(agency)) {
                return OTHER;
            }
            named.add(agency);
            return agency;
        }
    }
}
