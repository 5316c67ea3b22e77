package org.navette.testpeers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Zebra 2.2 server (Debian's {@code idzebra-2.0}) on 127.0.0.1, serving Z39.50 and SRU on one
 * port, with two indexed databases of real records:
 * <ul>
 *   <li>{@code marc21}: 70 Library of Congress MARC21 records (UTF-8), ISBN/ISSN/publisher indexed;</li>
 *   <li>{@code unimarc}: 114 UNIMARC records (Bibliothèque Sainte-Geneviève with 995 items, BNCF Florence).</li>
 * </ul>
 * Record syntaxes usmarc/unimarc, and XML element sets {@code marcxml}, {@code dc}, {@code unimarcxml}.
 * SRU explain answers with a ZeeRex record listing the CQL indexes of YAZ's {@code pqf.properties}
 * that the data has, the schemas, the default number of records (0, as Zebra behaves) and an
 * advertised maximumRecords of 1000 (information only: Zebra does not enforce it).
 * See {@code PROVENANCE.txt} next to the data.
 *
 * <pre>{@code
 * try (ZebraPeer zebra = ZebraPeer.start()) {
 *     String sru = zebra.sruUrl("marc21");   // http://127.0.0.1:PORT/marc21
 * }
 * }</pre>
 *
 * <p>Known counts on {@code marc21} (as the reference smoke test found them): {@code @attr 1=4 computer} 10 hits,
 * {@code @attr 1=1003 collins} 2, {@code @attr 1=7 0836968433} 1, {@code @attr 1=1016 opera} 4.
 */
public final class ZebraPeer implements AutoCloseable {
    private static final String RESOURCES = "/org/navette/testpeers/zebra/";
    private static final Path ZEBRA_TAB = Path.of("/usr/share/idzebra-2.0/tab");
    private static final Path ZEBRA_MODULES = Path.of("/usr/lib/x86_64-linux-gnu/idzebra-2.0/modules");
    private static final String PQF_PROPERTIES = "/usr/share/yaz/etc/pqf.properties";
    private static final String DC_XSL = "/usr/share/yaz/etc/MARC21slim2DC.xsl";

    public static final String MARC21 = "marc21";
    public static final String UNIMARC = "unimarc";

    private final PeerProcess process;

    private ZebraPeer(PeerProcess process) {
        this.process = process;
    }

    /** Indexes the data in a fresh temporary directory and starts zebrasrv on a free port. */
    public static ZebraPeer start() throws IOException {
        return start(0);
    }

    /** As {@link #start()}, on {@code fixedPort} of 127.0.0.1 (0: a free port). */
    public static ZebraPeer start(int fixedPort) throws IOException {
        Path zebraidx = PeerProcess.requireBinary("zebraidx", "idzebra-2.0");
        Path zebrasrv = PeerProcess.requireBinary("zebrasrv", "idzebra-2.0");
        Path dir = Files.createTempDirectory("navette-zebra-");
        try {
            for (String sub : List.of("reg", "lock", "tmp", "data")) {
                Files.createDirectories(dir.resolve(sub));
            }
            copy("marc21/loc-sample-utf8.mrc", dir.resolve("data/loc-sample-utf8.mrc"));
            copy("/org/navette/normalise/corpus/2-unimarc/medialab-reference_manager/cotesMEL.mrc",
                    dir.resolve("data/bsg-cotesMEL.uni"));
            copy("unimarc/bncf-florence.mrc", dir.resolve("data/bncf-florence.uni"));
            copy("unimarc.abs", dir.resolve("unimarc.abs"));
            copy("unimarc.mar", dir.resolve("unimarc.mar"));
            // Debian's marc21.abs, minus an 008 range index absent from bib1.att, plus ISBN & co.
            String shipped = Files.readString(ZEBRA_TAB.resolve("marc21.abs"), StandardCharsets.ISO_8859_1)
                    .replace(",Date-publication:w:range(data,15,3)", "");
            Files.writeString(dir.resolve("marc21.abs"), shipped + "\n" + resource("marc21-additions.abs"),
                    StandardCharsets.ISO_8859_1);
            Files.writeString(dir.resolve("zebra.cfg"), String.join("\n",
                    "profilePath: " + dir + ":" + ZEBRA_TAB,
                    "modulePath: " + ZEBRA_MODULES,
                    "attset: bib1.att",
                    "attset: explain.att",
                    "recordType.mrc: grs.marcxml.marc21",
                    "recordType.uni: grs.marcxml.unimarc",
                    "register: " + dir.resolve("reg") + ":200M",
                    "lockDir: " + dir.resolve("lock"),
                    "keyTmpDir: " + dir.resolve("tmp"),
                    "setTmpDir: " + dir.resolve("tmp"), ""));
            PeerProcess.run(List.of(zebraidx.toString(), "-c", "zebra.cfg", "-l", "idx.log", "-d", MARC21,
                    "update", "data/loc-sample-utf8.mrc"), dir);
            PeerProcess.run(List.of(zebraidx.toString(), "-c", "zebra.cfg", "-l", "idx.log", "-d", UNIMARC,
                    "update", "data/bsg-cotesMEL.uni", "data/bncf-florence.uni"), dir);
            IOException last = null;
            for (int attempt = 0; attempt < (fixedPort == 0 ? 3 : 1); attempt++) {
                int port = fixedPort == 0 ? PeerProcess.freePort() : fixedPort;
                Files.writeString(dir.resolve("yazgfs.xml"), gfsConfig(dir, port));
                try {
                    return new ZebraPeer(PeerProcess.start(List.of(zebrasrv.toString(), "-T", "-f", "yazgfs.xml",
                            "-l", "zebrasrv.log"), port, dir, dir.resolve("zebrasrv.out")));
                } catch (IOException e) {
                    last = e; // another process may have taken the port in between: try a new one
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            PeerProcess.deleteTree(dir);
            throw e;
        }
    }

    private static String gfsConfig(Path dir, int port) {
        return """
                <yazgfs>
                  <listen id="l1">tcp:127.0.0.1:%d</listen>
                  <server id="zebra" listenref="l1">
                    <directory>%s</directory>
                    <config>zebra.cfg</config>
                    <cql2rpn>%s</cql2rpn>
                    <retrievalinfo>
                      <retrieval syntax="usmarc"/>
                      <retrieval syntax="unimarc"/>
                      <retrieval syntax="xml" name="marcxml" identifier="info:srw/schema/1/marcxml-v1.1">
                        <backend syntax="usmarc" name="F">
                          <marc inputformat="marc" outputformat="marcxml" inputcharset="utf-8"/>
                        </backend>
                      </retrieval>
                      <retrieval syntax="xml" name="dc" identifier="info:srw/schema/1/dc-v1.1">
                        <backend syntax="usmarc" name="F">
                          <marc inputformat="marc" outputformat="marcxml" inputcharset="utf-8"/>
                          <xslt stylesheet="%s"/>
                        </backend>
                      </retrieval>
                      <retrieval syntax="xml" name="unimarcxml">
                        <backend syntax="unimarc" name="F">
                          <marc inputformat="marc" outputformat="marcxml" inputcharset="utf-8"/>
                        </backend>
                      </retrieval>
                      <retrieval syntax="xml" name="zebra::*"/>
                    </retrievalinfo>
                    <explain xmlns="http://explain.z3950.org/dtd/2.0/">
                      <serverInfo protocol="SRU" version="1.2">
                        <host>127.0.0.1</host>
                        <port>%d</port>
                        <database>marc21</database>
                      </serverInfo>
                      <databaseInfo>
                        <title primary="true">Navette test catalogue</title>
                      </databaseInfo>
                      <indexInfo>
                        <set name="cql" identifier="info:srw/cql-context-set/1/cql-v1.2"/>
                        <set name="dc" identifier="info:srw/cql-context-set/1/dc-v1.1"/>
                        <set name="bath" identifier="http://zing.z3950.org/cql/bath/2.0/"/>
                        <index search="true"><title>Any</title><map><name set="cql">serverChoice</name></map></index>
                        <index search="true"><title>Title</title><map><name set="dc">title</name></map></index>
                        <index search="true"><title>Creator</title><map><name set="dc">creator</name></map></index>
                        <index search="true"><title>Subject</title><map><name set="dc">subject</name></map></index>
                        <index search="true"><title>Publisher</title><map><name set="dc">publisher</name></map></index>
                        <index search="true"><title>ISBN</title><map><name set="bath">isbn</name></map></index>
                        <index search="true"><title>ISSN</title><map><name set="bath">issn</name></map></index>
                      </indexInfo>
                      <schemaInfo>
                        <schema identifier="info:srw/schema/1/marcxml-v1.1" name="marcxml"><title>MARCXML</title></schema>
                        <schema identifier="info:srw/schema/1/dc-v1.1" name="dc"><title>Dublin Core</title></schema>
                        <schema name="unimarcxml"><title>UNIMARC as MARCXML (database unimarc)</title></schema>
                      </schemaInfo>
                      <configInfo>
                        <default type="numberOfRecords">0</default>
                        <setting type="maximumRecords">1000</setting>
                      </configInfo>
                    </explain>
                  </server>
                </yazgfs>
                """.formatted(port, dir, PQF_PROPERTIES, DC_XSL, port);
    }

    /** Copies a resource: a name relative to this peer's folder, or an absolute path in core's test resources. */
    private static void copy(String name, Path to) throws IOException {
        String path = name.startsWith("/") ? name : RESOURCES + name;
        try (InputStream in = ZebraPeer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("test resource missing: " + path);
            }
            Files.copy(in, to);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ZebraPeer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("test resource missing: " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public String host() {
        return PeerProcess.LOOPBACK;
    }

    public int port() {
        return process.port();
    }

    /** The ZOOM address of a database: {@code tcp:127.0.0.1:PORT/db}. */
    public String zurl(String database) {
        return "tcp:" + host() + ":" + port() + "/" + database;
    }

    /** The SRU base URL of a database: {@code http://127.0.0.1:PORT/db}. */
    public String sruUrl(String database) {
        return "http://" + host() + ":" + port() + "/" + database;
    }

    public long pid() {
        return process.pid();
    }

    public Path dir() {
        return process.dir();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
