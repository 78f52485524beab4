package org.xenoscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.gui.Screenshots;
import org.xenoscope.gui.XenoscopeApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xenoscope screenshots [--out DIR]}: renders the main window in the light and the dark theme, stopped just
 * after a hypercall step of the bundled demo, into DIR/main-light.png and DIR/main-dark.png (the README's
 * pictures). Needs a display: {@code xvfb-run -a java -jar target/xenoscope.jar screenshots}.
 */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
    description = {"Render the visual debugger's main window (light and dark theme, during a hypercall step of the "
        + "bundled demo) to DIR/main-light.png and DIR/main-dark.png. Needs a display (e.g. xvfb-run -a).",
        "Exit status: 0 written, 1 no display, 2 DIR cannot be written."})
final class ScreenshotsCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "screenshots",
        description = "where to write the PNG files (default: screenshots)")
    private Path out;

    private final PrintStream stdout;
    private final PrintStream err;

    ScreenshotsCommand(PrintStream stdout, PrintStream err) {
        this.stdout = stdout;
        this.err = err;
    }

    @Override
    public Integer call() {
        String noDisplay = XenoscopeApp.noDisplay();
        if (noDisplay != null) {
            err.println(noDisplay.replace("run a guest headless with", "run it under Xvfb (xvfb-run -a), or run a "
                + "guest headless with"));
            return Main.EXIT_GUEST_FAILED;
        }
        try {
            for (Path p : Screenshots.write(out)) {
                stdout.println(p);
            }
        } catch (IOException e) {
            throw new BadInputException(out.toString(), "cannot write: " + e.getMessage());
        }
        return Main.EXIT_OK;
    }
}
