package io.chokepoint.alerting;

import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.platform.security.Roles;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.TestTokens;

/**
 * Officers' bearer tokens, signed with the module's test key like {@link TestTokens}, for tests in which who acts
 * matters: the name is the token's principal, which the service records as the actor.
 */
public final class Officers {

    /** The principal of {@link TestTokens#officer()}. */
    public static final String DEFAULT = "officer-" + TestTokens.TEAM;

    private Officers() {
    }

    /** An officer of the test team ({@link TestTokens#TEAM}). */
    public static String named(String name) {
        return named(name, TestTokens.TEAM);
    }

    public static String named(String name, String team) {
        return TestTokens.sign(AccessToken.of(name, Roles.OFFICER).team(team));
    }

    /** An officer whose token carries no team claim. */
    public static String withoutTeam(String name) {
        return TestTokens.sign(AccessToken.of(name, Roles.OFFICER));
    }

    /** The Authorization header of {@link #named(String)}. */
    public static String bearer(String name) {
        return Callers.bearer(named(name));
    }
}
