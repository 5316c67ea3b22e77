package org.navette.connector.z3950;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Zebra 2.2 serving UTF-8 UNIMARC records, set up either the stock way ({@link Setup#STOCK}: no
 * {@code encoding:} in zebra.cfg, so Zebra reads query terms as ISO-8859-1 unless a character set is
 * negotiated, and no {@code encoding} line in the .abs file, so the records' bytes are indexed as
 * ISO-8859-1 too) or as Koha does ({@link Setup#KOHA_UTF8}: UTF-8 in both), with the usual
 * {@code <marc inputformat="marc" outputformat="marcxml" inputcharset="utf-8"/>} retrieval. Unlike
 * {@code ZebraPeer}, whose unimarc.abs declares {@code encoding utf-8} but whose zebra.cfg does not.
 * Z39.50 and SRU on one port.
 *
 * <pre>{@code
 * try (StockUnimarcZebra zebra = StockUnimarcZebra.start(Setup.STOCK)) {
 *     zebra.port();   // database "books": 19 records of cotesT.mrc (core test-jar corpus; see the PROVENANCE.txt beside it)
 * }
 * }</pre>
 */
final class StockUnimarcZebra implements AutoCloseable {
    static final String DATABASE = "books";
    private static final String TAB = "/usr/share/idzebra-2.0/tab";
    private static final String MODULES = "/usr/lib/x86_64-linux-gnu/idzebra-2.0/modules";

    private final Process process;
    private final int port;
    private final Path dir;

    private StockUnimarcZebra(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** How the Zebra reads terms and records. */
    enum Setup {
        /** No encoding line anywhere: terms and records both read as ISO-8859-1 octets. */
        STOCK,
        /** As Koha sets up its Zebra: {@code encoding: UTF-8} in zebra.cfg and {@code encoding utf-8} in the .abs. */
        KOHA_UTF8
    }

    static StockUnimarcZebra start(Setup setup) throws IOException, InterruptedException {
        String absEncoding = setup == Setup.KOHA_UTF8 ? "encoding utf-8" : "";
        String cfgEncoding = setup == Setup.KOHA_UTF8 ? "encoding: UTF-8" : "";
        Path dir = Files.createTempDirectory("navette-stock-zebra-");
        for (String sub : List.of("reg", "lock", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        try (InputStream in = StockUnimarcZebra.class.getResourceAsStream(
                "/org/navette/normalise/corpus/2-unimarc/medialab-reference_manager/cotesT.mrc")) {
            Files.copy(in, dir.resolve("cotesT.uni"));
        }
        Files.writeString(dir.resolve("unimarc.mar"), "name unimarc\nreference UNIMARC\n");
        Files.writeString(dir.resolve("unimarc.abs"), String.join("\n", "name unimarc", "attset bib1.att",
                "esetname F @", "esetname B @", "marc unimarc.mar", "xpath disable", "all any",
                "melm 001\t\tLocal-number", "melm 010$a\t\tISBN", "melm 200$a\t\ttitle,title:p",
                "melm 200$e\t\ttitle", "melm 200$f\t\tauthor", "melm 210$c\t\tPublisher",
                "melm 210$d\t\tDate-of-publication", "melm 606\t\tsubject-heading", "melm 700$a\t\tauthor",
                "melm 701$a\t\tauthor", absEncoding, ""));
        Files.writeString(dir.resolve("zebra.cfg"), String.join("\n", "profilePath: " + dir + ":" + TAB,
                "modulePath: " + MODULES, "attset: bib1.att", "attset: explain.att",
                "recordType.uni: grs.marcxml.unimarc", "register: " + dir.resolve("reg") + ":50M",
                "lockDir: " + dir.resolve("lock"), "keyTmpDir: " + dir.resolve("tmp"),
                "setTmpDir: " + dir.resolve("tmp"), cfgEncoding, ""));
        run(dir, "zebraidx", "-c", "zebra.cfg", "-l", "idx.log", "-d", DATABASE, "update", "cotesT.uni");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("yazgfs.xml"), """
                <yazgfs>
                  <listen id="l1">tcp:127.0.0.1:%d</listen>
                  <server id="zebra" listenref="l1">
                    <directory>%s</directory>
                    <config>zebra.cfg</config>
                    <cql2rpn>/usr/share/yaz/etc/pqf.properties</cql2rpn>
                    <retrievalinfo>
                      <retrieval syntax="unimarc"/>
                      <retrieval syntax="xml" name="marcxml" identifier="info:srw/schema/1/marcxml-v1.1">
                        <backend syntax="unimarc" name="F">
                          <marc inputformat="marc" outputformat="marcxml" inputcharset="utf-8"/>
                        </backend>
                      </retrieval>
                    </retrievalinfo>
                  </server>
                </yazgfs>
                """.formatted(port, dir));
        Process p = new ProcessBuilder("zebrasrv", "-T", "-f", "yazgfs.xml", "-l", "zebrasrv.log")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        StockUnimarcZebra zebra = new StockUnimarcZebra(p, port, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return zebra;
            } catch (IOException notYet) {
                Thread.sleep(25); // polling a child's port: zebrasrv has no readiness signal
            }
        }
        zebra.close();
        throw new IOException("zebrasrv did not listen on " + port + ": "
                + (Files.exists(dir.resolve("out.log")) ? Files.readString(dir.resolve("out.log")) : ""));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    int port() {
        return port;
    }

    String sruUrl() {
        return "http://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
