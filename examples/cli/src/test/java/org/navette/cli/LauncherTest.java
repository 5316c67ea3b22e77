package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code navette} launcher script at the repository root, run in a copy of its own: a stand-in
 * {@code java} (a script that prints its arguments) in a JDK folder whose {@code release} file names
 * the version, and an existing jar with no sources newer than it, so that nothing is built.
 */
class LauncherTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"17.0.15, false", "21.0.4, false", "22, true", "25.0.3, true"})
    void nativeAccessIsEnabledOnlyOnJvmsThatRestrictIt(String javaVersion, boolean expected) throws Exception {
        String args = javaArguments(javaVersion, "--help");

        assertThat(args).contains("-jar " + dir.resolve("repo/examples/cli/target/navette.jar") + " --help");
        assertThat(args.contains("--enable-native-access=ALL-UNNAMED")).as(args).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--help | true", "search cql | true", "inspect file.mrc | true", "catalogue search x | true",
            "catalogue stats | true", "ill status | true", "catalogue build a=b.mrc | true",
            "ill match requests.csv | true", "serve --port 0 | false", "serve | false", "ill serve | false"})
    void commandLineRunsStartWithTheQuickCompilerAndServersKeepTheOptimisingOne(String command, boolean quick)
            throws Exception {
        String args = javaArguments("17.0.15", command.split(" "));

        assertThat(args.contains("-XX:TieredStopAtLevel=1")).as(args).isEqualTo(quick);
        assertThat(args.contains("-XX:+UseSerialGC")).as(args).isEqualTo(quick);
        assertThat(args).contains("-jar " + dir.resolve("repo/examples/cli/target/navette.jar") + " " + command);
    }

    /** What the launcher passes to {@code java} for {@code args}, given a JDK of {@code javaVersion}. */
    private String javaArguments(String javaVersion, String... args) throws Exception {
        Path root = Files.createDirectories(dir.resolve("repo"));
        Path launcher = root.resolve("navette");
        Files.copy(Path.of("..", "..", "navette"), launcher);
        Files.createDirectories(root.resolve("examples/cli/target"));
        Files.write(root.resolve("examples/cli/target/navette.jar"), new byte[0]);
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.writeString(jdk.getParent().resolve("release"), "JAVA_VERSION=\"" + javaVersion + "\"\n");
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", jdk + ":/usr/bin:/bin");
        pb.environment().put("NAVETTE_CDS", "0");
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(printed).isZero();
        return printed;
    }
}
