package org.xenoscope.gui.panels;

import java.awt.Color;
import org.xenoscope.gui.Theme;

/**
 * The highlight colours of the data panels, taken from {@link Theme}'s Okabe–Ito colour-blind-safe palette; the
 * highlights are translucent backgrounds so they read on light, dark and high-contrast themes alike.
 */
final class Palette {
    /** Orange: a value that changed since the previous stop. */
    static final Color CHANGED = translucent(Theme.ORANGE, 110);
    /** Sky blue: the current instruction / source line. */
    static final Color CURRENT = translucent(Theme.SKY_BLUE, 120);
    /** Vermillion: breakpoints and errors. */
    static final Color ERROR = Theme.VERMILLION;
    /** Blue: mnemonics in source text. */
    static final Color KEYWORD = Theme.BLUE;
    /** Bluish green: comments. */
    static final Color COMMENT = Theme.BLUISH_GREEN;
    /** Reddish purple: registers. */
    static final Color REGISTER = Theme.REDDISH_PURPLE;
    /** Orange (opaque): numbers and strings. */
    static final Color LITERAL = Theme.ORANGE;

    private Palette() {
    }

    private static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
