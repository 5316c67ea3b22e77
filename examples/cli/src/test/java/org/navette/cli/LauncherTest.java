package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--help").redirectErrorStream(true);
        pb.environment().put("PATH", jdk + ":/usr/bin:/bin");
        pb.environment().put("NAVETTE_CDS", "0");
        Process p = pb.start();
        String args = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(args).isZero();
        assertThat(args).contains("-jar " + root.resolve("examples/cli/target/navette.jar") + " --help");
        assertThat(args.contains("--enable-native-access=ALL-UNNAMED")).as(args).isEqualTo(expected);
    }
}
