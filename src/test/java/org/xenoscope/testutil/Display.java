package org.xenoscope.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Assumptions;

/** GUI tests need a display: without one they are skipped with a reason (failed under XENOSCOPE_REQUIRE_TOOLS=1). */
public final class Display {
    private Display() {
    }

    /** Skips (or fails) the calling test when there is no display (run it under xvfb-run -a). */
    public static void require() {
        if (GraphicsEnvironment.isHeadless()) {
            String why = "no display (headless): run GUI tests under xvfb-run -a";
            System.out.println("skipped: " + why);
            if (Tools.required()) {
                fail(why + " and XENOSCOPE_REQUIRE_TOOLS=1");
            }
            Assumptions.abort(why);
        }
    }
}
