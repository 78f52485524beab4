package org.xenoscope.gui.panels;

import java.awt.Color;

/**
 * The highlight colours of the data panels: the Okabe–Ito colour-blind-safe palette, used as translucent
 * backgrounds so they read on light, dark and high-contrast themes alike.
 */
final class Palette {
    /** Okabe–Ito orange: a value that changed since the previous stop. */
    static final Color CHANGED = new Color(0xE6, 0x9F, 0x00, 110);
    /** Okabe–Ito sky blue: the current instruction / source line. */
    static final Color CURRENT = new Color(0x56, 0xB4, 0xE9, 120);
    /** Okabe–Ito vermillion: breakpoints and errors. */
    static final Color ERROR = new Color(0xD5, 0x5E, 0x00);
    /** Okabe–Ito blue: mnemonics in source text. */
    static final Color KEYWORD = new Color(0x00, 0x72, 0xB2);
    /** Okabe–Ito bluish green: comments. */
    static final Color COMMENT = new Color(0x00, 0x9E, 0x73);
    /** Okabe–Ito reddish purple: registers. */
    static final Color REGISTER = new Color(0xCC, 0x79, 0xA7);
    /** Okabe–Ito orange (opaque): numbers and strings. */
    static final Color LITERAL = new Color(0xE6, 0x9F, 0x00);

    private Palette() {
    }
}
