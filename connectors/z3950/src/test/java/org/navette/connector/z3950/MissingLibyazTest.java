package org.navette.connector.z3950;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.navette.spi.ConnectorRegistry;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;

/** A machine without libyaz: one clear error at connector creation, and nothing else breaks. */
class MissingLibyazTest {
    private final Z3950ConnectorFactory withoutLibyaz = new Z3950ConnectorFactory(
            List.of("navette-test-no-such-library", "libnavette-test-missing.so.5"), null, Clock.systemUTC());
    private final TargetConfig target = TargetConfig.builder("koha", "z3950").set("host", "127.0.0.1").build();

    @Test
    void creatingAConnectorFailsWithOneUnavailableErrorNamingThePackage() {
        TargetException e = catchThrowableOfType(TargetException.class, () -> withoutLibyaz.create(target));

        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.UNAVAILABLE);
        assertThat(e.diagnostic().message())
                .isEqualTo("libyaz.so.5 not found: install Debian package libyaz5 (apt-get install libyaz5)");
        assertThat(e.getCause()).isInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    void theFactoryItselfLoadsAndAnswersWithoutTheLibrary() {
        ConnectorRegistry registry = ConnectorRegistry.of(withoutLibyaz);

        assertThat(registry.protocols()).containsExactly("z3950");
        assertThat(withoutLibyaz.settingKeys()).contains("host", "port", "database", "syntax");
    }

    @Test
    void badSettingsAreReportedBeforeTheLibraryIsNeeded() {
        TargetConfig noHost = TargetConfig.builder("koha", "z3950").set("port", 210).build();

        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> withoutLibyaz.create(noHost)))
                .hasMessage("target koha (z3950): required key 'host' is missing");
    }
}
