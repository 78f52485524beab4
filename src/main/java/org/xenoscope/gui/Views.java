package org.xenoscope.gui;

import java.util.List;
import org.xenoscope.gui.panels.CpuPanel;
import org.xenoscope.gui.panels.DisassemblyPanel;
import org.xenoscope.gui.panels.MemoryPanel;
import org.xenoscope.gui.panels.SourcePanel;
import org.xenoscope.gui.panels.StackPanel;
import org.xenoscope.gui.panels.TracePanel;

/** The panels of the main window. */
public final class Views {
    private Views() {
    }

    /** Contract: creates (on the EDT) the standard views for {@code c}, in the order of the View menu. */
    public static List<View> standard(SessionController c) {
        return List.of(new DisassemblyPanel(c), new SourcePanel(c), new CpuPanel(c), new StackPanel(c),
            new MemoryPanel(c), new DomainsPanel(c), new TracePanel(c), new ConsolePanel(c), new PageTableView(c),
            new FrameTableView(c), new TimelinePanel(c), new BreakpointsPanel(c));
    }
}
