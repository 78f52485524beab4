package org.xenoscope.gui;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.xenoscope.debug.SystemSpec;

/**
 * The GUI's entry point, called by the command line: decides whether there is a display, then builds the main
 * window with the standard views and the remembered settings and opens a guest (the file given, or the bundled
 * demo, {@value #DEMO}: sample-guests/pv/trap-pf.asm built by our assembler).
 */
public final class XenoscopeApp {
    /** Classpath resource of the PV demo opened when no file is given. */
    public static final String DEMO = "/org/xenoscope/demo/trap-pf.elf";

    private XenoscopeApp() {
    }

    /**
     * Contract: null when a window can be shown, else the one line to print: why not, and what to run instead.
     * {@code headless} is {@code GraphicsEnvironment.isHeadless()}, {@code display} the DISPLAY variable.
     */
    public static String noDisplay(boolean headless, String display) {
        if (!headless) {
            return null;
        }
        String why = display == null || display.isBlank() ? "DISPLAY is not set" : "Java runs headless";
        return "xenoscope: no display (" + why + "): run a guest headless with ./xenoscope run GUEST.elf|GUEST.asm";
    }

    /** {@link #noDisplay(boolean, String)} for this process. */
    public static String noDisplay() {
        return noDisplay(GraphicsEnvironment.isHeadless(), System.getenv("DISPLAY"));
    }

    /**
     * Contract: builds and shows the main window (on the EDT, waiting for it) with {@code settings}' theme and
     * scale and opens {@code file}, or the demo when it is null. Returns the window.
     */
    public static MainWindow start(Path file, Settings settings) {
        AtomicReference<MainWindow> w = new AtomicReference<>();
        onEdt(() -> {
            settings.theme().install();
            UiScale.apply(settings.scale());
            SessionController c = new SessionController();
            MainWindow m = new MainWindow(c, Views.standard(c), settings);
            if (file != null) {
                m.open(file);
            } else {
                m.open("trap-pf.elf (demo)", demo());
            }
            m.frame().setVisible(true);
            w.set(m);
        });
        return w.get();
    }

    /** Contract: {@link #start}s the GUI and returns when its window has been closed. */
    public static int runUntilClosed(Path file) {
        MainWindow m = start(file, Settings.load());
        CountDownLatch closed = new CountDownLatch(1);
        onEdt(() -> m.frame().addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                closed.countDown();
            }
        }));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The bundled demo guest as a spec. */
    public static SystemSpec demo() {
        try (InputStream in = XenoscopeApp.class.getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new IllegalStateException("the bundled demo " + DEMO + " is missing from this build");
            }
            return GuestLoader.spec("trap-pf.elf", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code r} on the EDT and waits; its exceptions are rethrown here. */
    static void onEdt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the GUI", e);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }
}
