package io.mathsketch.server.store;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/** A registry whose failed-writes counter throws on its first increment: a failure inside the writer's threads. */
final class FailingCounters {

    private static final String FAILURES = "mathsketch.db.write.failures";

    private FailingCounters() {
    }

    static MeterRegistry failuresThrowOnce(MeterRegistry registry) {
        AtomicBoolean thrown = new AtomicBoolean();
        return proxy(MeterRegistry.class, registry, (method, args, result) -> {
            if (method.getName().equals("getOrCreate") && args[0] instanceof Meter.Builder<?, ?> builder
                    && builder.name().equals(FAILURES) && result instanceof Counter counter) {
                return proxy(Counter.class, counter, (m, a, r) -> {
                    if (m.getName().equals("increment") && thrown.compareAndSet(false, true)) {
                        throw new IllegalStateException("a counter that fails once");
                    }
                    return r;
                });
            }
            return result;
        });
    }

    /** Calls {@code target}, then hands the call and its result to {@code after}. */
    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        }));
    }
}
