package io.chokepoint.local.tokens;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The local suite's token tool.
 * <pre>
 *   DevTokens keys DIR                      make the development key pair in DIR unless it is there
 *   DevTokens token DIR ROLE [--agency CODE] [--team TEAM] [--subject NAME] [--ttl PT8H]
 * </pre>
 * {@code token} prints a bearer token signed with DIR's private key; a partner token needs {@code --agency}.
 */
public final class DevTokens {

    static final List<String> ROLES = List.of("partner", "officer", "registry-admin", "operator");

    private DevTokens() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(new ArrayDeque<>(List.of(args))));
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.exit(2);
        }
    }

    static String run(Deque<String> args) {
        String command = next(args, "a command, keys or token");
        Path dir = Path.of(next(args, "the key directory"));
        return switch (command) {
            case "keys" -> {
                SigningKeys.inDirectory(dir);
                yield dir.resolve(SigningKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString();
            }
            case "token" -> token(dir, args);
            default -> throw new IllegalArgumentException("unknown command " + command + " (keys or token)");
        };
    }

    private static String token(Path dir, Deque<String> args) {
        String role = next(args, "a role, one of " + ROLES);
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role + "; roles: " + String.join(", ", ROLES));
        }
        String agency = null;
        String team = null;
        String subject = "dev-" + role;
        Duration ttl = AccessToken.DEFAULT_LIFETIME;
        while (!args.isEmpty()) {
            String option = args.pop();
            switch (option) {
                case "--agency" -> agency = next(args, "an agency code after --agency");
                case "--team" -> team = next(args, "a team after --team");
                case "--subject" -> subject = next(args, "a name after --subject");
                case "--ttl" -> ttl = duration(next(args, "a duration after --ttl"));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if ("partner".equals(role) && agency == null) {
            throw new IllegalArgumentException("a partner token names its agency: --agency CODE");
        }
        return AccessToken.of(subject, role).agency(agency).team(team)
                .expiresAt(Instant.now().plus(ttl))
                .sign(SigningKeys.inDirectory(dir));
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl takes an ISO-8601 duration such as PT8H, not " + text);
        }
    }

    private static String next(Deque<String> args, String what) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return args.pop();
    }
}
