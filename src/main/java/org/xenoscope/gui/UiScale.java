package org.xenoscope.gui;

import com.formdev.flatlaf.FlatLaf;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import javax.swing.JComponent;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

/**
 * The one global UI scale (a projector in a large room): 100-300 %, applied to every font through FlatLaf's
 * {@code defaultFont}. FlatLaf derives the other fonts, icon sizes, insets and row heights from the default
 * font's size, so scaling that font scales the whole interface.
 */
public final class UiScale {
    /** Smallest scale, in percent. */
    public static final int MIN = 100;
    /** Largest scale, in percent. */
    public static final int MAX = 300;
    /** One Ctrl+Plus / Ctrl+Minus. */
    public static final int STEP = 25;

    private static Font base;
    private static int percent = MIN;

    private UiScale() {
    }

    /** The scale in force, in percent. */
    public static int percent() {
        return percent;
    }

    /** {@code p} limited to [{@link #MIN}, {@link #MAX}]. */
    public static int clamp(int p) {
        return Math.max(MIN, Math.min(MAX, p));
    }

    /**
     * Contract: sets the scale to {@code p} (clamped) and restyles every window (EDT). FlatLaf derives every
     * component font from {@code defaultFont} when it is looked up, so the override also survives theme changes.
     */
    public static void apply(int p) {
        percent = clamp(p);
        if (base == null) {
            UIManager.put("defaultFont", null);
            Font f = UIManager.getFont("defaultFont");
            base = f != null ? f : new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        }
        float size = base.getSize2D() * percent / 100f;
        UIManager.put("defaultFont", new FontUIResource(base.deriveFont(size)));
        FlatLaf.updateUI();
    }

    /** The monospaced font for code, registers and consoles, at the current scale. */
    public static Font mono() {
        Font d = UIManager.getFont("defaultFont");
        float size = d != null ? d.getSize2D() : 13f * percent / 100f;
        return new Font(Font.MONOSPACED, Font.PLAIN, Math.round(size));
    }

    /** Client property marking a component that shows code or numbers in the monospaced font. */
    public static final String MONO = "xenoscope.mono";

    /** Gives {@code c} the monospaced font now and after every scale change; returns {@code c}. */
    public static <T extends JComponent> T monospaced(T c) {
        c.putClientProperty(MONO, Boolean.TRUE);
        c.setFont(mono());
        return c;
    }

    /** Contract: re-applies the scaled monospaced font to every component under {@code root} marked {@link #MONO}. */
    public static void refreshMono(Component root) {
        if (root instanceof JComponent j && Boolean.TRUE.equals(j.getClientProperty(MONO))) {
            j.setFont(mono());
        }
        if (root instanceof Container c) {
            for (Component k : c.getComponents()) {
                refreshMono(k);
            }
        }
    }
}
