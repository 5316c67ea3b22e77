package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged CLI jar (built before integration tests run): what its manifest tells the JVM. */
class NavetteJarIT {
    @Test
    void theManifestEnablesNativeAccessForJnaAndNamesTheMainClass() throws IOException {
        try (JarFile jar = new JarFile(Path.of("target", "navette.jar").toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();

            // without it JDK 22+ prints "restricted method" warnings on every Z39.50 search
            assertThat(main.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
            assertThat(main.getValue("Main-Class")).isEqualTo(NavetteCli.class.getName());
            assertThat(jar.getEntry("org/navette/cli/version.properties")).isNotNull();
        }
    }
}
