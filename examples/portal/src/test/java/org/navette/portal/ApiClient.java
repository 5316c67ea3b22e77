package org.navette.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The portal's JSON API as the tests call it: answers read as status, JSON and headers; an event
 * stream read to its end as a list of named events.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    record Event(String name, JsonNode data) {
    }

    private final URI base;
    private final HttpClient http;

    ApiClient(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** One client per session of a load test: its own executor, so sessions do not share threads. */
    ApiClient(URI base, Executor executor) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor).build());
    }

    private ApiClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).DELETE().build());
    }

    Answer post(String path, String json) {
        return post(path, json, "application/json");
    }

    Answer post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    ? null : JSON.readTree(r.body());
            return new Answer(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of an event stream request and, when 200, its events up to the server's end of it. */
    record Stream200(int status, List<Event> events, JsonNode error) {
    }

    Stream200 events(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> r = http.send(request, HttpResponse.BodyHandlers.ofLines());
            List<Event> events = new ArrayList<>();
            try (Stream<String> lines = r.body()) {
                if (r.statusCode() != 200) {
                    return new Stream200(r.statusCode(), events, JSON.readTree(String.join("\n", lines.toList())));
                }
                String name = null;
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        events.add(new Event(name, JSON.readTree(line.substring(6))));
                    }
                }
            }
            return new Stream200(200, events, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
