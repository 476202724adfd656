package io.chokepoint.alerting.subscriptions;

import io.chokepoint.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;

/**
 * What an officer may see and change of subscriptions and their deliveries: its own team's only, the team being
 * the token's {@value Caller#TEAM} claim. A token without one is refused (403) before anything is looked up.
 * Naming another team is refused (403), since the caller knows what it asked for; another team's subscription
 * looked up by id is unknown (404), so that ids do not tell which subscriptions other teams have.
 */
@ApplicationScoped
public class TeamScope {

    private final Caller caller;
    private final Subscriptions subscriptions;

    public TeamScope(Caller caller, Subscriptions subscriptions) {
        this.caller = caller;
        this.subscriptions = subscriptions;
    }

    /** The caller's team; 403 when the token has no team claim. */
    public String team() {
        return caller.requireTeam();
    }

    /**
     * The team a request is about: the caller's when it names none or names it; 403 when it names another.
     *
     * @param named the team the request names (a body's {@code team}, a {@code team} query), null when none
     */
    public String ownTeam(String named) {
        String team = team();
        if (named != null && !named.isBlank() && !named.trim().equals(team)) {
            throw new ForbiddenException("team " + named.trim() + " is not the caller's team " + team
                    + ": officers see and manage their own team's subscriptions only");
        }
        return team;
    }

    /** The caller's team's subscription (not deleted) with this id; 404, as for an unknown id, when another's. */
    public Subscription subscription(String id) {
        String team = team();
        Subscription subscription = subscriptions.find(id);
        if (!team.equals(subscription.team)) {
            throw Subscriptions.unknown(id);
        }
        return subscription;
    }
}
