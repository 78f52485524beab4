package org.xenoscope.gui.mm;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.xenoscope.debug.Engine;
import org.xenoscope.gui.SessionController;

/**
 * At most one query of a view in flight: a request made while one runs is remembered and issued (once, with the
 * then-current parameters) when the answer arrives, so a fast-running guest never queues up stale reads.
 *
 * @param <T> the answer's type (built on the simulation thread, immutable)
 */
public final class Coalescer<T> {
    private final SessionController controller;
    private final Supplier<Function<Engine, T>> query;
    private final Consumer<T> apply;
    private final Function<RuntimeException, T> onError;
    private boolean inFlight;
    private boolean again;
    private int epoch;

    /**
     * Contract: {@code query} makes the read (called on the EDT at each request, so it can capture the view's
     * current parameters); {@code apply} gets the answer on the EDT; a read that throws answers {@code onError}.
     */
    public Coalescer(SessionController controller, Supplier<Function<Engine, T>> query, Consumer<T> apply,
                     Function<RuntimeException, T> onError) {
        this.controller = controller;
        this.query = query;
        this.apply = apply;
        this.onError = onError;
        controller.addSessionListener(s -> reset());
    }

    /** Asks for a fresh answer (EDT). */
    public void request() {
        if (inFlight) {
            again = true;
            return;
        }
        if (controller.session() == null) {
            return;
        }
        inFlight = true;
        int mine = epoch;
        Function<Engine, T> q = query.get();
        controller.query(e -> {
            try {
                return q.apply(e);
            } catch (RuntimeException ex) {
                return onError.apply(ex);
            }
        }, v -> {
            if (mine != epoch) {
                return; // an answer from a replaced session
            }
            inFlight = false;
            apply.accept(v);
            if (again) {
                again = false;
                request();
            }
        });
    }

    /** Forgets a query in flight (its session was replaced and may never answer). */
    private void reset() {
        epoch++;
        inFlight = false;
        again = false;
    }
}
