package org.xenoscope.gui.panels;

import java.util.function.Consumer;
import java.util.function.Function;
import org.xenoscope.debug.Engine;
import org.xenoscope.gui.SessionController;

/**
 * At most one query of a panel in flight (style-anchors §4 rule 3 for live reads): a request made while one is
 * outstanding replaces any waiting one and is sent when the answer to the first arrives, so a fast-running guest
 * never queues a backlog of reads. EDT only.
 */
final class LatestQuery<T> {
    private final SessionController controller;
    private boolean inFlight;
    private Function<Engine, T> waiting;
    private Consumer<T> waitingThen;

    LatestQuery(SessionController controller) {
        this.controller = controller;
    }

    /** True while a query is outstanding. */
    boolean busy() {
        return inFlight;
    }

    /** Contract: runs {@code q} on the simulation thread and {@code then} with its answer on the EDT, coalesced. */
    void request(Function<Engine, T> q, Consumer<T> then) {
        if (inFlight) {
            waiting = q;
            waitingThen = then;
            return;
        }
        inFlight = true;
        if (controller.session() == null) {
            inFlight = false;
            return;
        }
        controller.query(q, v -> {
            inFlight = false;
            then.accept(v);
            if (waiting != null) {
                Function<Engine, T> nq = waiting;
                Consumer<T> nt = waitingThen;
                waiting = null;
                waitingThen = null;
                request(nq, nt);
            }
        });
    }
}
