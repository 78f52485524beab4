package org.xenoscope.gui.mm;

import java.awt.Color;

/**
 * The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008) as the memory views use it: the colours
 * are {@link org.xenoscope.gui.Theme}'s (one definition for the whole GUI), plus tint and contrast helpers. Views
 * never rely on colour alone: a letter, icon or mark goes with it.
 */
public final class OkabeIto {
    public static final Color BLACK = org.xenoscope.gui.Theme.BLACK;
    public static final Color ORANGE = org.xenoscope.gui.Theme.ORANGE;
    public static final Color SKY_BLUE = org.xenoscope.gui.Theme.SKY_BLUE;
    public static final Color BLUISH_GREEN = org.xenoscope.gui.Theme.BLUISH_GREEN;
    public static final Color YELLOW = org.xenoscope.gui.Theme.YELLOW;
    public static final Color BLUE = org.xenoscope.gui.Theme.BLUE;
    public static final Color VERMILLION = org.xenoscope.gui.Theme.VERMILLION;
    public static final Color REDDISH_PURPLE = org.xenoscope.gui.Theme.REDDISH_PURPLE;

    private OkabeIto() {
    }

    /** {@code c} mixed with white ({@code amount} of {@code c}, 0..1): a background tint that keeps text legible. */
    public static Color tint(Color c, double amount) {
        return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount));
    }

    private static int mix(int v, double amount) {
        return (int) Math.round(255 - (255 - v) * amount);
    }

    /** Black or white, whichever contrasts more with {@code c} (by relative luminance). */
    public static Color contrast(Color c) {
        double l = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return l > 140 ? BLACK : Color.WHITE;
    }
}
