package org.xenoscope.gui;

import java.util.List;

/** The panels of the main window. */
public final class Views {
    private Views() {
    }

    /** Contract: creates (on the EDT) the standard views for {@code c}, in the order of the View menu. */
    public static List<View> standard(SessionController c) {
        return List.of(new DomainsPanel(c), new ConsolePanel(c), new TimelinePanel(c), new BreakpointsPanel(c));
    }
}
