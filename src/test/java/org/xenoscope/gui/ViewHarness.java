package org.xenoscope.gui;

import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.swing.JFrame;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.xenoscope.debug.Engine;
import org.xenoscope.testutil.Display;

/**
 * Hosts one view in a plain JFrame with a real {@link SessionController} and {@link org.xenoscope.debug.Session}
 * on {@link MmGuest}, for AssertJ-Swing tests (call {@link #close()} in an @AfterEach).
 */
final class ViewHarness<V extends View> {
    final Robot robot;
    final SessionController controller;
    final V view;
    final FrameFixture window;

    ViewHarness(Function<SessionController, V> make) {
        Display.require();
        robot = BasicRobot.robotWithNewAwtHierarchy();
        SessionController c = null;
        V v = null;
        FrameFixture w = null;
        try {
            c = GuiActionRunner.execute(SessionController::new);
            SessionController cc = c;
            v = GuiActionRunner.execute(() -> make.apply(cc));
            V vv = v;
            JFrame frame = GuiActionRunner.execute(() -> {
                JFrame f = new JFrame(vv.title());
                f.add(vv.component());
                f.setSize(1100, 750);
                cc.addView(vv);
                cc.open(MmGuest.spec());
                return f;
            });
            w = new FrameFixture(robot, frame);
            w.show();
        } catch (RuntimeException | Error e) {
            robot.cleanUp(); // releases the screen lock, or every later GUI test would wait for it forever
            throw e;
        }
        controller = c;
        view = v;
        window = w;
    }

    /** Runs {@code c} on the EDT and returns its answer. */
    <T> T edt(Callable<T> c) {
        return GuiActionRunner.execute(c);
    }

    /** Waits (at most 20 s, no fixed sleeps) until {@code test}, evaluated on the EDT, holds. */
    void await(String what, Callable<Boolean> test) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(test);
            }
        }, Timeout.timeout(20_000));
    }

    /** Runs a read on the simulation thread and waits for it. */
    <T> T query(Function<Engine, T> q) {
        try {
            return controller.session().query(q).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void close() {
        try {
            window.cleanUp();
        } finally {
            GuiActionRunner.execute(() -> controller.close());
        }
    }
}
