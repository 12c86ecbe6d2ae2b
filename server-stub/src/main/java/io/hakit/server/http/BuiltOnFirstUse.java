package io.hakit.server.http;

import java.util.function.Supplier;

/**
 * A value built by the first thread that asks for it, once; the threads that ask meanwhile wait for it. For the
 * validators: building one parses the document and takes most of a second of CPU on a cold JVM, which a start-up
 * should not pay (issue 12: the first answer of GET /, which takes no input, came later while they were built).
 */
public final class BuiltOnFirstUse<T> implements Supplier<T> {

    private final Supplier<T> build;
    private volatile T value;

    public BuiltOnFirstUse(Supplier<T> build) {
        this.build = build;
    }

    @Override
    public T get() {
        T built = value;
        if (built == null) {
            synchronized (this) {
                built = value;
                if (built == null) {
                    built = build.get();
                    value = built;
                }
            }
        }
        return built;
    }
}
