package org.navette.testpeers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * A third-party server process started for tests on 127.0.0.1: started, awaited until its port
 * accepts connections, stopped and its work directory deleted on {@link #close()}.
 *
 * <p>Thread-safety: {@link #close()} may be called from any thread, once or more.
 */
final class PeerProcess implements AutoCloseable {
    static final String LOOPBACK = "127.0.0.1";

    private final Process process;
    private final int port;
    private final Path dir;
    private final Thread shutdownHook;

    private PeerProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        // a crashed test JVM must not leave servers behind on the machine
        this.shutdownHook = new Thread(process::destroyForcibly, "stop-" + dir.getFileName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} (in {@code dir}) and waits until {@code port} accepts TCP connections. */
    static PeerProcess start(List<String> command, int port, Path dir, Path log) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PeerProcess peer = new PeerProcess(p, port, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                peer.close();
                throw new IOException(command.get(0) + " exited with " + p.exitValue() + " before listening on port "
                        + port + ":\n" + out);
            }
            if (accepts(port)) {
                return peer;
            }
            try {
                Thread.sleep(25); // polling a child process's port: there is no readiness callback to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                peer.close();
                throw new IOException("interrupted while waiting for " + command.get(0), e);
            }
        }
        peer.close();
        throw new IOException(command.get(0) + " did not listen on port " + port + " within 20 s; see " + log);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free on 127.0.0.1 right now (the server binds it a moment later). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(LOOPBACK, 0));
            return s.getLocalPort();
        }
    }

    /** Runs a command to completion; fails with its output when it exits non-zero. */
    static String run(List<String> command, Path dir) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted running " + command, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + out);
        }
        return out;
    }

    /** Fails with an installation hint when a Debian binary is missing. */
    static Path requireBinary(String name, String debianPackage) {
        for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dirName, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " not found on PATH: install Debian's " + debianPackage
                + " (the README's test command does: apt-get install -y yaz idzebra-2.0)");
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path dir() {
        return dir;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
        deleteTree(dir);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // leftovers in the temp directory must not fail a test run
        }
    }
}
