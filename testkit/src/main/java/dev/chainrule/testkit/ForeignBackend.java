package dev.chainrule.testkit;

import dev.chainrule.core.tensor.TensorBackend;
import java.lang.reflect.Proxy;

/** A backend called {@code foreign} that no test class path holds and that computes nothing: the owner of strays. */
final class ForeignBackend {

    /** The backend; every method but {@code name}, {@code toString} and {@code priority} throws. */
    static final TensorBackend INSTANCE = (TensorBackend) Proxy.newProxyInstance(TensorBackend.class.getClassLoader(),
            new Class<?>[] {TensorBackend.class}, (proxy, method, arguments) -> switch (method.getName()) {
                case "name", "toString" -> "foreign";
                case "priority", "hashCode" -> 0;
                case "equals" -> proxy == arguments[0];
                default -> throw new UnsupportedOperationException("the foreign backend computes nothing");
            });

    private ForeignBackend() {
    }
}
