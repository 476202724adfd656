package io.chokepoint.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./chokepoint test} on a machine made for each case: a copy of the script beside a Maven wrapper that
 * records its arguments, and a PATH holding only the commands the case gives it (stand-ins for {@code apt-get},
 * {@code id}, the browser and Prometheus), so what is missing is what the case says.
 */
class TestCommandTest {

    private static final List<String> BASICS = List.of("dirname", "cat", "printf");

    @TempDir
    Path machine;
    private Path root;
    private Path bin;

    @BeforeEach
    void lay() throws IOException {
        root = Files.createDirectories(machine.resolve("chokepoint"));
        bin = Files.createDirectories(machine.resolve("bin"));
        Files.copy(RepositoryFiles.ROOT.resolve("chokepoint"), root.resolve("chokepoint"));
        script(root.resolve("mvnw"), "printf '%s\\n' \"$*\" > \"$(dirname \"$0\")/mvnw.args\"");
        for (String basic : BASICS) {
            Files.copy(Path.of(which(basic)), bin.resolve(basic));
        }
        script(bin.resolve("java"), "exit 0");
    }

    @Test
    void runsVerifyWithTheGivenArgumentsWhenNothingIsMissing() throws Exception {
        tools("chromium", "chromedriver", "prometheus");
        Result result = run("-B", "-pl", "platform");
        assertEquals(0, result.exit, result.output);
        assertEquals("verify -B -pl platform", read(root.resolve("mvnw.args")));
        assertFalse(result.output.contains("installing"), result.output);
    }

    @Test
    void installsWhatIsMissingAsRootSayingWhyThenRunsVerify() throws Exception {
        tools("chromedriver");
        user(0);
        script(bin.resolve("apt-get"), "printf '%s\\n' \"$*\" >> \"" + machine.resolve("apt.calls") + "\"");
        Result result = run();
        assertEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("installing chromium (the console's browser test"), result.output);
        assertTrue(result.output.contains("prometheus (the operators' check"), result.output);
        assertFalse(result.output.contains("chromium-driver"), result.output);
        List<String> calls = Files.readAllLines(machine.resolve("apt.calls"));
        assertEquals("update -qq", calls.get(0));
        assertTrue(calls.get(1).startsWith("install ") && calls.get(1).endsWith(" chromium prometheus"), calls.get(1));
        assertEquals("verify", read(root.resolve("mvnw.args")));
    }

    @Test
    void refusesWithoutRootNamingThePackages() throws Exception {
        user(1000);
        script(bin.resolve("apt-get"), ": > \"" + machine.resolve("apt.called") + "\"");
        Result result = run();
        assertEquals(1, result.exit, result.output);
        assertTrue(result.output.contains("chromium chromium-driver prometheus"), result.output);
        assertTrue(result.output.contains("needs root"), result.output);
        assertFalse(Files.exists(machine.resolve("apt.called")));
        assertFalse(Files.exists(root.resolve("mvnw.args")));
    }

    @Test
    void refusesWithoutAptGetNamingThePackages() throws Exception {
        user(0);
        tools("prometheus");
        Result result = run();
        assertEquals(1, result.exit, result.output);
        assertTrue(result.output.contains("no apt-get"), result.output);
        assertTrue(result.output.contains("chromium chromium-driver"), result.output);
        assertFalse(Files.exists(root.resolve("mvnw.args")));
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(which("bash"), root.resolve("chokepoint").toString(),
                "test"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        // PostgreSQL is up for the test suite itself, so the command finds it and does not try to start one.
        builder.environment().put("CHOKEPOINT_DB_PORT", "5432");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end");
        return new Result(process.exitValue(), output);
    }

    private void tools(String... names) throws IOException {
        for (String name : names) {
            script(bin.resolve(name), "exit 0");
        }
    }

    private void user(int uid) throws IOException {
        script(bin.resolve("id"), "echo " + uid);
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!" + which("bash") + "\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    private static String which(String command) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(command + " not found");
    }
}
