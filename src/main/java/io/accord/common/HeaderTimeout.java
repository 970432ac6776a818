package io.accord.common;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Gives a client {@code accord.http.header-timeout} to send a request's headers (slowloris).
 *
 * <p>Quarkus offers no hook on a new connection, so the limit works in two steps on Vert.x' own idle handler:
 * <ul>
 * <li>a new connection starts with the header timeout as its idle timeout (when shorter than
 * {@code quarkus.http.idle-timeout}), so it is closed when it stays silent that long before its first request's
 * headers are complete;</li>
 * <li>once a request's headers are in, the connection goes back to the plain idle timeout (a live stream's client
 * sends nothing), and on HTTP/1.1 a handler arms a deadline at the first byte of the next request on the kept-alive
 * connection: its headers must be complete within the header timeout.</li>
 * </ul>
 */
@Singleton
public class HeaderTimeout implements HttpServerOptionsCustomizer {

    static final String IDLE_HANDLER = "idle";
    static final String DEADLINE_HANDLER = "accord-header-deadline";

    private final long headerTimeoutMillis;
    /** The configured idle timeout, restored once a request's headers are in; -1 while the server keeps its own. */
    private volatile long idleTimeoutMillis = -1;

    public HeaderTimeout(HttpSettings config) {
        this.headerTimeoutMillis = Math.max(1, config.headerTimeout().toMillis());
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        long idleMillis = options.getIdleTimeoutUnit().toMillis(options.getIdleTimeout());
        if (idleMillis <= 0 || headerTimeoutMillis < idleMillis) {
            idleTimeoutMillis = idleMillis;
            options.setIdleTimeout((int) headerTimeoutMillis).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            HttpServerRequest request = context.request();
            if (request.connection() instanceof ConnectionBase connection && connection.channel() != null) {
                ChannelPipeline pipeline = connection.channel().pipeline();
                headersArrived(pipeline);
                if (request.version() != HttpVersion.HTTP_2) {
                    Deadline deadline = (Deadline) pipeline.get(DEADLINE_HANDLER);
                    if (deadline == null) {
                        deadline = new Deadline(headerTimeoutMillis);
                        pipeline.addFirst(DEADLINE_HANDLER, deadline);
                    }
                    deadline.disarm();
                    Deadline armed = deadline;
                    context.addEndHandler(ended -> armed.awaitNextRequest());
                }
            }
            context.next();
        });
    }

    /** Gives the connection the configured idle timeout instead of the header timeout it started with. */
    private void headersArrived(ChannelPipeline pipeline) {
        long idle = idleTimeoutMillis;
        if (idle >= 0 && pipeline.get(IDLE_HANDLER) instanceof IdleStateHandler handler
                && handler.getAllIdleTimeInMillis() != idle) {
            if (idle == 0) {
                pipeline.remove(IDLE_HANDLER);
            } else {
                pipeline.replace(IDLE_HANDLER, IDLE_HANDLER, new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
            }
        }
    }

    /** Closes the connection when a request's headers are not complete a header timeout after its first byte. */
    static final class Deadline extends ChannelDuplexHandler {
        private final long timeoutMillis;
        private boolean waiting;
        private ScheduledFuture<?> pending;

        Deadline(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        void awaitNextRequest() {
            waiting = true;
        }

        void disarm() {
            waiting = false;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
            if (waiting) {
                waiting = false;
                pending = ctx.executor().schedule(() -> {
                    pending = null;
                    ctx.channel().close();
                }, timeoutMillis, TimeUnit.MILLISECONDS);
            }
            super.channelRead(ctx, message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            disarm();
            super.channelInactive(ctx);
        }
    }
}
