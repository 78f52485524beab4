package org.xenoscope.gui;

import java.util.Locale;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.debug.Snapshot;

/**
 * The status bar: running state (running / paused / finished), why the engine stopped, the virtual time in cycles
 * and the opened file. Also a {@link View}, so it follows the latest snapshot; it enables Pause only while running
 * and the other run commands only while stopped. Its accessible description repeats the whole line, so a screen
 * reader can announce each step.
 */
final class StatusBar implements View {
    private final JPanel panel = new JPanel(new MigLayout("insets 2 6 2 6, fillx", "[][grow][][]"));
    private final JLabel state = label("status.state", "Simulation state");
    private final JLabel reason = label("status.reason", "Why the simulation stopped");
    private final JLabel cycles = label("status.cycles", "Virtual time in cycles");
    private final JLabel file = label("status.file", "Opened file");
    private final Actions actions;

    StatusBar(Actions actions) {
        this.actions = actions;
        state.setText("no guest");
        panel.add(state, "gapright 12");
        panel.add(reason, "growx, wmin 0");
        panel.add(cycles, "gapleft 12");
        panel.add(file, "gapleft 12");
        panel.getAccessibleContext().setAccessibleName(title());
    }

    private static JLabel label(String name, String description) {
        JLabel l = new JLabel(" ");
        l.setName(name);
        l.getAccessibleContext().setAccessibleDescription(description);
        return l;
    }

    @Override
    public String title() {
        return "Status";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    /** Shows the opened file's name. */
    void file(String name) {
        file.setText(name);
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        String st = s.running() ? "Running" : s.finished() ? "Finished" : "Paused";
        state.setText(st);
        state.setForeground(Theme.state(s.running() ? "RUNNING" : s.finished() ? "FINISHED" : "PAUSED"));
        reason.setText(s.stopReason());
        cycles.setText(String.format(Locale.ROOT, "cycles %,d", s.cycles()));
        panel.getAccessibleContext().setAccessibleDescription(st + ". " + s.stopReason() + ". "
            + cycles.getText() + ".");
        for (Actions.Entry e : actions.all()) {
            switch (e.id()) {
                case "pause" -> e.action().setEnabled(s.running());
                case "continue", "step", "stepOver", "stepOut", "nextHypercall", "nextException", "nextEvent",
                     "nextSwitch" -> e.action().setEnabled(!s.running() && !s.finished());
                case "stepBack", "reverseContinue" -> e.action().setEnabled(!s.running() && s.cycles() > 0);
                default -> { }
            }
        }
    }
}
