package org.xenoscope.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Assumptions;

/** GUI tests call {@link #require()} first: they need a display (CI runs them under {@code xvfb-run -a}). */
public final class Display {
    private Display() {
    }

    /** Skips (or, with XENOSCOPE_REQUIRE_TOOLS=1, fails) the calling test when there is no display. */
    public static void require() {
        if (GraphicsEnvironment.isHeadless()) {
            String why = "no display (run GUI tests under xvfb-run -a)";
            if (Tools.required()) {
                fail(why + " and XENOSCOPE_REQUIRE_TOOLS=1");
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
    }
}
