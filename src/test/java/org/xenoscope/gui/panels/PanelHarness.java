package org.xenoscope.gui.panels;

import java.awt.Dimension;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.JFrame;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Session;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.debug.SystemSpec;
import org.xenoscope.gui.SessionController;
import org.xenoscope.gui.View;
import org.xenoscope.testutil.Display;

/**
 * Hosts one panel in a plain JFrame with a real {@link SessionController} and session on a guest, and waits on
 * conditions (never fixed sleeps).
 */
final class PanelHarness<V extends View> implements AutoCloseable {
    static final long TIMEOUT_MS = 20_000;

    final SessionController controller;
    final V view;
    final Robot robot;
    final FrameFixture frame;

    private PanelHarness(SessionController controller, V view, Robot robot, FrameFixture frame) {
        this.controller = controller;
        this.view = view;
        this.robot = robot;
        this.frame = frame;
    }

    /** Contract: requires a display, builds controller, panel and frame on the EDT, opens {@code spec}, shows it. */
    static <V extends View> PanelHarness<V> open(SystemSpec spec, Function<SessionController, V> make) {
        Display.require();
        Robot robot = BasicRobot.robotWithNewAwtHierarchy();
        try {
            return build(spec, make, robot);
        } catch (RuntimeException | Error e) {
            robot.cleanUp(); // releases the screen lock, or every later GUI test would wait for it forever
            throw e;
        }
    }

    private static <V extends View> PanelHarness<V> build(SystemSpec spec, Function<SessionController, V> make,
                                                          Robot robot) {
        Object[] made = GuiActionRunner.execute(() -> {
            SessionController c = new SessionController();
            V v = make.apply(c);
            c.addView(v);
            JFrame f = new JFrame(v.title());
            f.setContentPane(v.component());
            f.setPreferredSize(new Dimension(900, 600));
            f.pack();
            c.open(spec);
            return new Object[] {c, v, f};
        });
        @SuppressWarnings("unchecked")
        V v = (V) made[1];
        FrameFixture ff = new FrameFixture(robot, (JFrame) made[2]);
        ff.show();
        PanelHarness<V> h = new PanelHarness<>((SessionController) made[0], v, robot, ff);
        h.settle();
        return h;
    }

    Session session() {
        return GuiActionRunner.execute(controller::session);
    }

    /** Posts {@code c} to the session. */
    void post(Command c) {
        GuiActionRunner.execute(() -> controller.post(c));
    }

    /** Posts {@code n} single steps and waits until the views show the result. */
    void step(int n) {
        for (int i = 0; i < n; i++) {
            post(new Command.Step());
        }
        settle();
    }

    /** Waits until every posted command is done and the views were updated with the latest snapshot. */
    void settle() {
        Session s = session();
        try {
            s.query(e -> null).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("simulation did not answer", e);
        }
        waitFor("views show the latest snapshot", () -> controller.shown() == s.latest());
    }

    Snapshot latest() {
        return session().latest();
    }

    /** Evaluates {@code q} on the EDT. */
    <T> T onEdt(Supplier<T> q) {
        return GuiActionRunner.execute(q::get);
    }

    /** Waits (polling on the EDT) until {@code cond} holds; fails after {@link #TIMEOUT_MS}. */
    void waitFor(String what, BooleanSupplier cond) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(cond::getAsBoolean);
            }
        }, Timeout.timeout(TIMEOUT_MS));
    }

    @Override
    public void close() {
        try {
            GuiActionRunner.execute(controller::close);
        } finally {
            robot.cleanUp();
        }
    }
}
