package io.accord.common;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Guard against hibernate-reactive#4133: when an HTTP client disconnects, Quarkus REST cancels the endpoint's
 * {@code Uni}; if that cancellation reaches Hibernate Reactive while it waits for a pool connection, the connection
 * is leaked for the life of the process. This interceptor subscribes to the endpoint's {@code Uni} itself and never
 * forwards cancellation, so the database work always completes and releases its connection; only the (already
 * gone) client stops listening. Every API resource carries {@link DetachFromClientCancellation}.
 */
@DetachFromClientCancellation
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class CancellationShield {

    @AroundInvoke
    Object shield(InvocationContext context) throws Exception {
        Object result = context.proceed();
        if (result instanceof Uni<?> uni) {
            return detach(uni);
        }
        return result;
    }

    /** A {@code Uni} that, when cancelled, lets {@code upstream} run to completion instead of cancelling it. */
    public static <T> Uni<T> detach(Uni<T> upstream) {
        return Uni.createFrom().emitter(emitter -> upstream.subscribe().with(emitter::complete, emitter::fail));
    }
}
