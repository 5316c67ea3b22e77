package org.navette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.testpeers.ZebraPeer;

/** {@code navette serve}: one clear line when the port is taken; a real portal over Zebra otherwise, in its own process. */
class ServeCommandIT {
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsOneClearErrorLineAndExitCode1() throws Exception {
        Path targets = Files.writeString(dir.resolve("targets.json"),
                "{\"targets\": [{\"id\": \"t\", \"protocol\": \"z3950\", \"host\": \"127.0.0.1\", \"port\": 9}]}");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun cli = CliRun.freshOutputEachRun();

            int code = cli.run("serve", "--port", Integer.toString(taken.getLocalPort()), "--targets", targets.toString());

            assertThat(code).isEqualTo(ExitCode.FAILED);
            assertThat(cli.err.toString()).hasLineCount(1)
                    .startsWith("navette serve: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port");
            assertThat(cli.out.toString()).isEmpty();
        }
    }

    @Test
    void withoutTargetsServeIsAUsageError() {
        CliRun cli = CliRun.freshOutputEachRun();

        assertThat(cli.run("serve", "--port", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("--targets FILE").hasLineCount(1);
    }

    @Test
    void servingOnAFreePortAnswersTheApiUntilStopped() throws Exception {
        try (ZebraPeer zebra = ZebraPeer.start()) {
            Path targets = Files.writeString(dir.resolve("targets.json"), """
                    {"targets": [{"id": "zebra", "protocol": "z3950", "host": "%s", "port": %d, "database": "marc21",
                                  "syntax": "usmarc", "format": "marc21", "library": "bib-zebra"}]}
                    """.formatted(zebra.host(), zebra.port()));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                    NavetteCli.class.getName(), "serve", "--port", "0", "--targets", targets.toString(),
                    "--data-dir", dir.resolve("data").toString())).redirectError(dir.resolve("serve.err").toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                assertThat(first).as("first line; stderr: %s", Files.readString(dir.resolve("serve.err")))
                        .startsWith("Navette portal on http://127.0.0.1:").contains("interlending not configured");
                Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)").matcher(first);
                assertThat(m.find()).isTrue();
                URI base = URI.create(m.group(1));
                HttpClient http = HttpClient.newHttpClient();

                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/search?q=title%3Dcomputer&wait=5000"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(r.statusCode()).isEqualTo(200);
                JsonNode json = new ObjectMapper().readTree(r.body());
                assertThat(json.get("finished").asBoolean()).isTrue();
                assertThat(json.get("targets").get(0).get("hits").asLong()).isEqualTo(10);
                assertThat(json.get("clusters").size()).isEqualTo(10);
            } finally {
                p.destroy();  // SIGTERM: the shutdown hook closes the portal
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("serve ends on SIGTERM").isTrue();
            }
        }
    }

    @Test
    void serveDemoServesThePortalAndPazpar2OverTheDemoNetworkAndStopsItsPeers() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                NavetteCli.class.getName(), "serve", "--demo", "--port", "0", "--data-dir", dir.resolve("data").toString()))
                .redirectError(dir.resolve("serve.err").toFile()).start();
        List<ProcessHandle> peers = List.of();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("Navette portal on")) {
                line = out.readLine();
            }
            assertThat(line).as("stderr: %s", Files.readString(dir.resolve("serve.err")))
                    .isNotNull().contains("requests kept in");
            Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
            assertThat(m.find()).isTrue();
            URI base = URI.create(m.group(1));
            assertThat(out.readLine()).isEqualTo("pazpar2 protocol on " + base.resolve("/search.pz2"));
            peers = p.descendants().toList();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> search = http.send(HttpRequest.newBuilder(base.resolve("/api/search?q=canada&wait=5000"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> init = http.send(HttpRequest.newBuilder(base.resolve("/search.pz2?command=init"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(search.statusCode()).isEqualTo(200);
            JsonNode json = new ObjectMapper().readTree(search.body());
            assertThat(json.get("clusters").size()).isPositive();
            assertThat(json.get("targets").findValuesAsText("state")).contains("failed");
            assertThat(init.statusCode()).isEqualTo(200);
            assertThat(init.body()).contains("<status>OK</status>").contains("<session>");
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("serve --demo ends on SIGTERM").isTrue();
        }
        // Zebra (started by the demo network when installed) goes with it
        for (ProcessHandle peer : peers) {
            assertThat(peer.onExit()).succeedsWithin(Duration.ofSeconds(10));
        }
    }
}
