package io.accord.support;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal server-sent-events client for tests: parses the stream into events and comments. */
public final class SseClient implements AutoCloseable {

    /** One dispatched SSE event; {@code comment} is set for comment lines instead. */
    public record Event(String id, String name, String data, String comment) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile int status;

    private SseClient(String pathAndQuery, String authorization, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(
                new java.util.concurrent.Flow.Subscriber<String>() {
                    private final List<String> block = new ArrayList<>();

                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.isEmpty()) {
                            flush();
                        } else {
                            block.add(line);
                        }
                    }

                    private void flush() {
                        String id = null;
                        String name = null;
                        StringBuilder data = new StringBuilder();
                        for (String l : block) {
                            if (l.startsWith(":")) {
                                events.add(new Event(null, null, null, l.substring(1).trim()));
                            } else if (l.startsWith("id:")) {
                                id = l.substring(3).trim();
                            } else if (l.startsWith("event:")) {
                                name = l.substring(6).trim();
                            } else if (l.startsWith("data:")) {
                                data.append(data.isEmpty() ? "" : "\n").append(l.substring(5).trim());
                            }
                        }
                        if (id != null || name != null || !data.isEmpty()) {
                            events.add(new Event(id, name, data.toString(), null));
                        }
                        block.clear();
                    }

                    @Override
                    public void onError(Throwable t) {
                        ended.complete(null);
                    }

                    @Override
                    public void onComplete() {
                        flush();
                        ended.complete(null);
                    }
                }));
        response.thenAccept(r -> status = r.statusCode());
    }

    /** Opens a stream; a null {@code apiKey} sends no credentials (e.g. a stream token in the query instead). */
    public static SseClient open(String pathAndQuery, String apiKey, String lastEventId) {
        return new SseClient(pathAndQuery, apiKey == null ? null : "ApiKey " + apiKey, lastEventId);
    }

    /** Opens a stream with any {@code Authorization} header, e.g. {@code Bearer <jwt>}. */
    public static SseClient openWith(String pathAndQuery, String authorization) {
        return new SseClient(pathAndQuery, authorization, null);
    }

    /** Whether the server ended the stream within the timeout. */
    public boolean endsWithin(Duration timeout) throws InterruptedException {
        try {
            ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** The next event (not comment) within the timeout, or null. */
    public Event nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null || e.comment() == null) {
                return e;
            }
        }
    }

    /** The next comment within the timeout, or null. */
    public Event nextComment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null || e.comment() != null) {
                return e;
            }
        }
    }

    public int status() {
        return status;
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
