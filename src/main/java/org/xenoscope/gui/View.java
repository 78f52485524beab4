package org.xenoscope.gui;

import javax.swing.JComponent;
import org.xenoscope.debug.Snapshot;

/**
 * A panel of the main window. Views are created once, on the event dispatch thread, with the
 * {@link SessionController}; they get every new snapshot through {@link #update} (on the EDT, latest only) and
 * post commands or queries through the controller. A view never keeps a reference to simulation objects.
 */
public interface View {
    /** The title shown on the panel's tab or header (also its accessible name). */
    String title();

    /** The Swing component (created once). */
    JComponent component();

    /**
     * Contract: shows {@code s}; {@code previous} is the snapshot shown before (null at first, or when the session
     * was replaced), so a view can highlight what changed. Called on the EDT; must return quickly (&lt; a few ms):
     * anything slow goes through {@link SessionController#query} and updates the view when the answer arrives.
     */
    void update(Snapshot s, Snapshot previous);
}
