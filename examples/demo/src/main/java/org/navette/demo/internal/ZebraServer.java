package org.navette.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Zebra (Index Data's {@code idzebra-2.0}) on 127.0.0.1 serving one library's MARC21 records
 * over Z39.50: the file indexed by {@code zebraidx} into a fresh database under a work directory,
 * then {@code zebrasrv} started on a free port and awaited until it accepts connections.
 * {@link #missing(List)} says, before anything is started, why Zebra cannot run here and how to install it.
 *
 * <pre>{@code
 * if (ZebraServer.missing(ZebraServer.systemPath()).isEmpty()) {
 *     try (ZebraServer zebra = ZebraServer.start(dir, "poligny", marcFile, ZebraServer.systemPath())) {
 *         zebra.port();
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: {@link #close()} may be called from any thread.
 */
public final class ZebraServer implements AutoCloseable {
    /** What to run when Zebra is missing (Debian and Ubuntu). */
    public static final String INSTALL_HINT = "sudo apt-get install idzebra-2.0";
    private static final Path TAB = Path.of("/usr/share/idzebra-2.0/tab");
    private static final long START_SECONDS = 20;

    private final Process process;
    private final int port;
    private final String database;

    private ZebraServer(Process process, int port, String database) {
        this.process = process;
        this.port = port;
        this.database = database;
    }

    /** The folders of the {@code PATH}, where {@link #missing(List)} looks by default. */
    public static List<Path> systemPath() {
        List<Path> dirs = new java.util.ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty()) {
                dirs.add(Path.of(d));
            }
        }
        return dirs;
    }

    /** Why Zebra cannot run here (a binary not in {@code searchPath}, or its tables missing), or empty when it can. */
    public static Optional<String> missing(List<Path> searchPath) {
        for (String binary : List.of("zebrasrv", "zebraidx")) {
            if (find(binary, searchPath).isEmpty()) {
                return Optional.of(binary + " not found");
            }
        }
        if (!Files.isRegularFile(TAB.resolve("marc21.abs"))) {
            return Optional.of("Zebra's tables not found in " + TAB);
        }
        if (modules().isEmpty()) {
            return Optional.of("Zebra's record modules (mod-grs-marc.so) not found under /usr/lib");
        }
        return Optional.empty();
    }

    /**
     * Indexes {@code marc21File} (UTF-8 ISO 2709) as {@code database} in {@code dir} and starts
     * zebrasrv, both binaries taken from {@code searchPath}.
     */
    public static ZebraServer start(Path dir, String database, Path marc21File, List<Path> searchPath) throws IOException {
        Optional<String> why = missing(searchPath);
        if (why.isPresent()) {
            throw new IOException(why.get() + ": " + INSTALL_HINT);
        }
        String zebraidx = find("zebraidx", searchPath).orElseThrow().toString();
        String zebrasrv = find("zebrasrv", searchPath).orElseThrow().toString();
        for (String sub : List.of("reg", "lock", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.copy(marc21File, dir.resolve("records.mrc"));
        // Debian's marc21.abs indexes no ISBN/ISSN and reads records as Latin-1: the additions fix both
        String shipped = Files.readString(TAB.resolve("marc21.abs"), StandardCharsets.ISO_8859_1)
                .replace(",Date-publication:w:range(data,15,3)", "");
        Files.writeString(dir.resolve("marc21.abs"), shipped + "\n" + new String(BundledData.bytes("zebra/marc21-additions.abs"),
                StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("zebra.cfg"), String.join("\n",
                "profilePath: " + dir + ":" + TAB,
                "modulePath: " + modules().orElseThrow(),
                "attset: bib1.att",
                "attset: explain.att",
                "recordType.mrc: grs.marcxml.marc21",
                "register: " + dir.resolve("reg") + ":100M",
                "lockDir: " + dir.resolve("lock"),
                "keyTmpDir: " + dir.resolve("tmp"),
                "setTmpDir: " + dir.resolve("tmp"), ""));
        run(dir, List.of(zebraidx, "-c", "zebra.cfg", "-l", "zebraidx.log", "-d", database, "update", "records.mrc"));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Files.writeString(dir.resolve("yazgfs.xml"), gfs(dir, port));
            try {
                return new ZebraServer(startAndAwait(zebrasrv, dir, port), port, database);
            } catch (IOException e) {
                last = e; // another process took the port between our probe and zebrasrv's bind: try another
            }
        }
        throw last;
    }

    private static String gfs(Path dir, int port) {
        return """
                <yazgfs>
                  <listen id="l1">tcp:127.0.0.1:%d</listen>
                  <server id="zebra" listenref="l1">
                    <directory>%s</directory>
                    <config>zebra.cfg</config>
                    <retrievalinfo>
                      <retrieval syntax="usmarc"/>
                      <retrieval syntax="xml" name="marcxml" identifier="info:srw/schema/1/marcxml-v1.1">
                        <backend syntax="usmarc" name="F">
                          <marc inputformat="marc" outputformat="marcxml" inputcharset="utf-8"/>
                        </backend>
                      </retrieval>
                    </retrievalinfo>
                  </server>
                </yazgfs>
                """.formatted(port, dir);
    }

    private static Process startAndAwait(String zebrasrv, Path dir, int port) throws IOException {
        Path log = dir.resolve("zebrasrv.out");
        Process p = new ProcessBuilder(zebrasrv, "-T", "-f", "yazgfs.xml", "-l", "zebrasrv.log").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        try {
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IOException("zebrasrv exited with " + p.exitValue() + " before listening on port " + port
                            + ": " + Files.readString(log, StandardCharsets.UTF_8).strip());
                }
                if (accepts(port)) {
                    return p;
                }
                Thread.sleep(20); // a child process's port has no readiness callback: poll it
            }
            throw new IOException("zebrasrv did not listen on port " + port + " within " + START_SECONDS + " s; see " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(p);
            throw new IOException("interrupted while starting zebrasrv", e);
        } catch (IOException e) {
            stop(p);
            throw e;
        }
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted running " + command.get(0), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + out.strip());
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static Optional<Path> find(String binary, List<Path> searchPath) {
        return searchPath.stream().map(d -> d.resolve(binary)).filter(Files::isExecutable).findFirst();
    }

    /** Zebra's record modules: under the multiarch library directory, whichever the machine's is. */
    private static Optional<Path> modules() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            for (Path d : dirs) {
                Path m = d.resolve("idzebra-2.0/modules");
                if (Files.isRegularFile(m.resolve("mod-grs-marc.so"))) {
                    return Optional.of(m);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Path plain = Path.of("/usr/lib/idzebra-2.0/modules");
        return Files.isRegularFile(plain.resolve("mod-grs-marc.so")) ? Optional.of(plain) : Optional.empty();
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            // threaded zebrasrv, once it has served a session, can leave SIGTERM unanswered for good; its database
            // is the demo's own and thrown away at the next start, so a kill loses nothing
            if (!p.waitFor(300, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
