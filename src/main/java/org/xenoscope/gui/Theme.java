package org.xenoscope.gui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.util.Locale;
import javax.swing.UIManager;
import javax.swing.plaf.ColorUIResource;

/**
 * The look-and-feel themes (light, dark, high contrast) and the one colour palette every colour-coded view uses.
 *
 * <p>The palette is Okabe and Ito's (2008) eight colours, chosen to stay distinguishable under the common forms
 * of colour blindness; views must never encode meaning by colour alone (a state is also written as text). Use
 * {@link #kind(String)} for trace-event kinds and {@link #state(String)} for domain states, so that every panel
 * shows "hypercall" or "crashed" in the same colour.
 */
public enum Theme {
    LIGHT("Light"), DARK("Dark"), HIGH_CONTRAST("High contrast");

    /** Okabe–Ito: black. */
    public static final Color BLACK = new Color(0x000000);
    /** Okabe–Ito: orange. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Okabe–Ito: sky blue. */
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    /** Okabe–Ito: bluish green. */
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    /** Okabe–Ito: yellow. */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Okabe–Ito: blue. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe–Ito: vermillion. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe–Ito: reddish purple. */
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

    /** Series colours in order (for one series per domain), black left out: it vanishes on dark themes. */
    public static final Color[] SERIES = {BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW};

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** The name shown in the View menu. */
    public String label() {
        return label;
    }

    /** The theme named {@code name} (enum name, any case), or LIGHT when unknown. */
    public static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return t;
            }
        }
        return LIGHT;
    }

    /** Whether the theme has a dark background (views pick lighter highlight colours then). */
    public boolean dark() {
        return this != LIGHT;
    }

    /**
     * Contract: installs the look and feel of this theme (EDT; call {@link UiScale#apply} or
     * {@code FlatLaf.updateUI()} afterwards to restyle existing windows). High contrast is FlatLaf's dark theme
     * with black backgrounds, white text and a yellow focus/selection, per WCAG's enhanced contrast (&gt; 7:1).
     */
    public void install() {
        current = this;
        for (String k : HIGH_CONTRAST_KEYS) { // developer defaults outlive a look-and-feel change
            UIManager.put(k, null);
        }
        if (this == LIGHT) {
            FlatLightLaf.setup();
        } else {
            FlatDarkLaf.setup();
        }
        if (this == HIGH_CONTRAST) {
            highContrast();
        }
        FlatLaf.updateUI();
    }

    private static final String[] HIGH_CONTRAST_COMPONENTS = {"Panel", "Viewport", "ScrollPane", "Table",
        "TextArea", "TextField", "TextPane", "EditorPane", "List", "Tree", "TabbedPane", "ToolBar", "MenuBar", "Menu",
        "MenuItem", "CheckBoxMenuItem", "RadioButtonMenuItem", "PopupMenu", "SplitPane", "Label", "Button",
        "ToggleButton", "CheckBox", "Slider", "OptionPane", "TableHeader"};
    private static final java.util.List<String> HIGH_CONTRAST_KEYS = new java.util.ArrayList<>();

    /** The high-contrast overrides: black backgrounds, white text and borders, yellow selection and focus. */
    private static void highContrast() {
        for (String k : HIGH_CONTRAST_COMPONENTS) {
            hc(k + ".background", Color.BLACK);
            hc(k + ".foreground", Color.WHITE);
        }
        hc("TitledBorder.titleColor", Color.WHITE);
        hc("Component.focusColor", YELLOW);
        hc("Component.borderColor", Color.WHITE);
        hc("Separator.foreground", Color.WHITE);
        for (String k : new String[] {"Table", "TextArea", "TextField", "List", "MenuItem", "Menu"}) {
            hc(k + ".selectionBackground", YELLOW);
            hc(k + ".selectionForeground", Color.BLACK);
        }
        hc("TabbedPane.underlineColor", YELLOW);
        hc("TabbedPane.selectedBackground", new Color(0x303030));
        hc("Table.gridColor", new Color(0xA0A0A0));
    }

    private static void hc(String key, Color c) {
        UIManager.put(key, new ColorUIResource(c)); // a UIResource, so the next theme replaces it
        if (!HIGH_CONTRAST_KEYS.contains(key)) {
            HIGH_CONTRAST_KEYS.add(key);
        }
    }

    private static volatile Theme current = LIGHT;

    /** The installed theme. */
    public static Theme current() {
        return current;
    }

    /** The colour of a trace-event kind (hypercall, exception, event, ...): the same in every view. */
    public static Color kind(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "hypercall" -> BLUE;
            case "exception" -> VERMILLION;
            case "event", "upcall" -> BLUISH_GREEN;
            case "emulate" -> ORANGE;
            case "shutdown", "crash" -> REDDISH_PURPLE;
            default -> SKY_BLUE;
        };
    }

    /** The colour of a domain state (RUNNING, BLOCKED, SHUTDOWN, CRASHED, FINISHED ...). */
    public static Color state(String state) {
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> BLUISH_GREEN;
            case "BLOCKED", "PAUSED" -> ORANGE;
            case "CRASHED" -> VERMILLION;
            default -> SKY_BLUE;
        };
    }
}
