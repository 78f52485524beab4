package org.xenoscope.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Engine;
import org.xenoscope.debug.Session;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.debug.SystemSpec;

/**
 * The GUI's side of a {@link Session}: holds the current session (a new one when a guest is opened or
 * re-assembled), posts commands, runs queries with their answers delivered on the EDT, and refreshes the views
 * from the latest snapshot on a {@link #REFRESH_MS} timer — older snapshots are simply never looked at.
 */
public final class SessionController {
    /** Refresh period of the views while something changes. */
    public static final int REFRESH_MS = 33;

    private final List<View> views = new ArrayList<>();
    private final List<Consumer<Session>> sessionListeners = new ArrayList<>();
    private Session session;
    private Snapshot shown;
    private final Timer timer;

    /** A controller with no session yet; call {@link #open}. */
    public SessionController() {
        timer = new Timer(REFRESH_MS, e -> refresh());
        timer.setCoalesce(true);
        timer.start();
    }

    /** Registers {@code v}; it gets the current snapshot at the next refresh. */
    public void addView(View v) {
        views.add(v);
        shown = null;
    }

    public List<View> views() {
        return List.copyOf(views);
    }

    /** Called (on the EDT) whenever a new session replaces the old one. */
    public void addSessionListener(Consumer<Session> l) {
        sessionListeners.add(l);
    }

    /** Contract: replaces the session with a new one built from {@code spec} (bad input throws, nothing changes). */
    public void open(SystemSpec spec) {
        replace(new Session(spec));
    }

    /** Contract: replaces the session with one on {@code e} (a loaded snapshot); the controller owns {@code e}. */
    public void open(Engine e) {
        replace(new Session(e));
    }

    private void replace(Session s) {
        if (session != null) {
            session.close();
        }
        session = s;
        shown = null;
        for (Consumer<Session> l : sessionListeners) {
            l.accept(s);
        }
        refresh();
    }

    /** The current session, or null. */
    public Session session() {
        return session;
    }

    /** Posts {@code c} to the current session (ignored without one). */
    public void post(Command c) {
        if (session != null) {
            session.post(c);
        }
    }

    /**
     * Contract: runs {@code q} on the simulation thread and hands the answer to {@code then} on the EDT; without a
     * session nothing happens.
     */
    public <T> void query(Function<Engine, T> q, Consumer<T> then) {
        if (session == null) {
            return;
        }
        CompletableFuture<T> f = session.query(q);
        f.thenAccept(v -> SwingUtilities.invokeLater(() -> then.accept(v)));
    }

    /** The snapshot the views show now (null before the first refresh). */
    public Snapshot shown() {
        return shown;
    }

    /** Updates every view if the session published something new since the last refresh (EDT only). */
    public void refresh() {
        if (session == null) {
            return;
        }
        Snapshot s = session.latest();
        if (s == shown) {
            return;
        }
        Snapshot prev = shown;
        shown = s;
        for (View v : views) {
            v.update(s, prev);
        }
    }

    /**
     * Updates every view again with the current snapshot and no previous one (after a theme or scale change, so
     * views that cache colours or fonts restyle themselves).
     */
    public void redraw() {
        shown = null;
        refresh();
    }

    /** Stops the timer and the session. */
    public void close() {
        timer.stop();
        if (session != null) {
            session.close();
        }
    }
}
