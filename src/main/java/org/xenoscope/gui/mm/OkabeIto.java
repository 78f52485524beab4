package org.xenoscope.gui.mm;

import java.awt.Color;

/**
 * The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008): eight colours that stay distinguishable
 * with the common colour-vision deficiencies. Views never rely on colour alone: a letter, icon or mark goes with it.
 */
public final class OkabeIto {
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

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
