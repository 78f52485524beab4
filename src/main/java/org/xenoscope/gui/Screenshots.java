package org.xenoscope.gui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Engine;
import org.xenoscope.debug.Session;

/**
 * Renders the main window without user interaction for the README: the bundled demo (trap-pf) stopped just after
 * a hypercall step, in the light and the dark theme, written as {@code main-light.png} and {@code main-dark.png}.
 * Needs a display (run it under Xvfb: {@code xvfb-run -a java -jar target/xenoscope.jar screenshots}). The
 * user's settings are not touched (a temporary settings file is used).
 */
public final class Screenshots {
    /** Size of the rendered window. */
    static final int WIDTH = 1440;
    static final int HEIGHT = 900;
    /** Hypercalls to run to before the step: the third is trap-pf's first console_io write. */
    static final int HYPERCALLS = 3;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private Screenshots() {
    }

    /** Contract: writes the screenshots into {@code dir} (created if needed) and returns their paths. */
    public static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile("xenoscope-screenshots", ".properties");
        List<Path> out = new ArrayList<>();
        MainWindow w = XenoscopeApp.start(null, new Settings(tmp));
        try {
            XenoscopeApp.onEdt(() -> {
                w.frame().setBounds(0, 0, WIDTH, HEIGHT);
                w.frame().validate();
            });
            Session s = w.controller().session();
            for (int i = 0; i < HYPERCALLS; i++) {
                s.post(new Command.RunToNext(Engine.Next.HYPERCALL));
                settle(w); // a command posted while a run goes on would end that run
                s.post(new Command.Step());
                settle(w);
            }
            out.add(shoot(w, dir.resolve("main-light.png")));
            XenoscopeApp.onEdt(() -> {
                w.setTheme(Theme.DARK);
                select(w, "Timeline"); // the second picture shows another bottom panel
            });
            settle(w);
            out.add(shoot(w, dir.resolve("main-dark.png")));
        } finally {
            XenoscopeApp.onEdt(() -> w.frame().dispose());
            Files.deleteIfExists(tmp);
        }
        return out;
    }

    /**
     * Contract: waits until the session is idle with every command applied, the views show its latest snapshot
     * and the answers to queries the views asked for have arrived (a query answered after theirs, twice).
     */
    static void settle(MainWindow w) {
        Session s = w.controller().session();
        await(() -> s.query(e -> Boolean.TRUE).join() && !s.latest().running());
        await(() -> {
            boolean[] shown = new boolean[1];
            XenoscopeApp.onEdt(() -> {
                w.controller().refresh();
                shown[0] = w.controller().shown() == s.latest();
            });
            return shown[0];
        });
        for (int i = 0; i < 2; i++) {
            boolean[] answered = new boolean[1];
            w.controller().query(e -> Boolean.TRUE, v -> answered[0] = true);
            await(() -> {
                boolean[] a = new boolean[1];
                XenoscopeApp.onEdt(() -> a[0] = answered[0]);
                return a[0];
            });
        }
    }

    private static void select(MainWindow w, String title) {
        var bottom = w.dock().region(Dock.Region.BOTTOM);
        int i = bottom.indexOfTab(title);
        if (i >= 0) {
            bottom.setSelectedIndex(i);
        }
    }

    private static void await(BooleanSupplier done) {
        long end = System.nanoTime() + TIMEOUT_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the window did not settle within 60 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static Path shoot(MainWindow w, Path file) throws IOException {
        BufferedImage[] img = new BufferedImage[1];
        XenoscopeApp.onEdt(() -> {
            var root = w.frame().getRootPane();
            img[0] = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img[0].createGraphics();
            root.printAll(g);
            g.dispose();
        });
        ImageIO.write(img[0], "png", file.toFile());
        return file;
    }
}
