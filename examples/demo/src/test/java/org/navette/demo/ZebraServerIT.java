package org.navette.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.navette.demo.LoopbackPorts.accepts;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.demo.internal.BundledData;
import org.navette.demo.internal.ZebraServer;

/** The demo's own Zebra launcher: a real zebrasrv (installed here and in CI) that listens until closed. */
class ZebraServerIT {
    @Test
    void zebraIndexesTheFileListensOnItsPortAndFreesItWhenClosed(@TempDir Path dir) throws IOException {
        Path file = BundledData.writeExport(List.of(new BundledData.Range(BundledData.LOC, 0, 10)), dir.resolve("loc.mrc"));
        int port;
        try (ZebraServer zebra = ZebraServer.start(Files.createDirectories(dir.resolve("zebra")), "test", file,
                ZebraServer.systemPath())) {
            port = zebra.port();
            assertThat(zebra.isAlive()).isTrue();
            assertThat(accepts(port)).isTrue();
            assertThat(Files.readString(dir.resolve("zebra/zebraidx.log"))).isNotEmpty();
        }
        assertThat(accepts(port)).isFalse();
    }

    @Test
    void withoutTheBinariesItSaysWhichIsMissingAndDoesNotStart(@TempDir Path dir) {
        assertThat(ZebraServer.missing(List.of(dir))).hasValue("zebrasrv not found");
        assertThat(ZebraServer.missing(ZebraServer.systemPath())).isEmpty();
        assertThatThrownBy(() -> ZebraServer.start(dir, "test", dir.resolve("none.mrc"), List.of(dir)))
                .isInstanceOf(IOException.class).hasMessage("zebrasrv not found: sudo apt-get install idzebra-2.0");
    }

}
