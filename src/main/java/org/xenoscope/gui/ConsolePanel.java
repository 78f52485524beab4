package org.xenoscope.gui;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Snapshot;

/**
 * Each domain's console (what it wrote with {@code console_io} or through its console ring, as xenconsoled shows
 * it; a bare machine: COM1) in one tab per domain, scrolled to the end as output arrives, and a line of keyboard
 * input sent to the selected domain ({@link Command.ConsoleInput}, followed by a newline).
 */
public final class ConsolePanel implements View {
    private final SessionController controller;
    private final JPanel panel = new JPanel(new MigLayout("fill, insets 4", "[grow][]", "[grow][]"));
    private final JTabbedPane tabs = new JTabbedPane();
    private final Map<Integer, JTextArea> areas = new LinkedHashMap<>();
    private final Map<Integer, String> shown = new LinkedHashMap<>();
    private final Map<Integer, Long> shownLength = new LinkedHashMap<>();
    private final JTextField input = new JTextField();
    private final JButton send = new JButton("Send");

    public ConsolePanel(SessionController controller) {
        this.controller = controller;
        tabs.setName("consoleTabs");
        tabs.getAccessibleContext().setAccessibleName("Domain consoles");
        input.setName("consoleInput");
        input.getAccessibleContext().setAccessibleName("Console input");
        input.getAccessibleContext().setAccessibleDescription("Text typed here is sent to the selected domain's "
            + "console when you press Enter");
        input.addActionListener(e -> send());
        send.setName("consoleSend");
        send.getAccessibleContext().setAccessibleDescription("Send the line to the selected domain's console");
        send.addActionListener(e -> send());
        panel.add(tabs, "span 2, grow, wrap");
        panel.add(new JLabel("Input:"), "split 2");
        panel.add(input, "growx, pushx");
        panel.add(send);
        panel.getAccessibleContext().setAccessibleName(title());
    }

    @Override
    public String title() {
        return "Console";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        if (previous == null) { // a new session
            tabs.removeAll();
            areas.clear();
            shown.clear();
            shownLength.clear();
        }
        for (Snapshot.DomainView d : s.domains()) {
            boolean fresh = !areas.containsKey(d.id());
            JTextArea a = areas.computeIfAbsent(d.id(), id -> addTab(d));
            if (fresh && d.current()) { // a new domain that runs: show its console
                tabs.setSelectedIndex(tabs.getTabCount() - 1);
            }
            String text = d.console(); // the tail of the output; d.consoleLength() says how much came in all
            long old = shownLength.getOrDefault(d.id(), 0L);
            long now = d.consoleLength();
            if (now == old) {
                continue;
            }
            if (now > old && now - old <= text.length()) {
                a.append(text.substring((int) (text.length() - (now - old))));
            } else { // travelled back (the console lost output), or more came than a snapshot carries
                a.setText(text);
            }
            shownLength.put(d.id(), now);
            shown.put(d.id(), text);
            trim(a);
            a.setCaretPosition(a.getDocument().getLength());
        }
    }

    /** Characters a console tab keeps: older output is dropped so a chatty guest cannot slow the view down. */
    static final int KEEP_CHARS = 32 * 1024;

    /** Drops the oldest output beyond {@link #KEEP_CHARS} (in whole chunks, so it happens rarely). */
    private static void trim(JTextArea a) {
        int len = a.getDocument().getLength();
        if (len > KEEP_CHARS * 2) {
            a.replaceRange("", 0, len - KEEP_CHARS);
        }
    }

    private JTextArea addTab(Snapshot.DomainView d) {
        JTextArea a = UiScale.monospaced(new JTextArea());
        a.setEditable(false);
        a.setLineWrap(false); // a wrapping view lays the whole text out again on each append: too slow
        String title = d.name().equals("bare metal") ? "COM1" : "Dom" + d.id() + " " + d.name();
        a.setName("console" + d.id());
        a.getAccessibleContext().setAccessibleName("Console of " + title);
        tabs.addTab(title, new JScrollPane(a));
        return a;
    }

    /** The console text of domain {@code id} as shown ("" when it has no tab yet). */
    String text(int id) {
        return shown.getOrDefault(id, "");
    }

    private void send() {
        int i = tabs.getSelectedIndex();
        if (i < 0) {
            return;
        }
        int domain = (int) areas.keySet().toArray()[i];
        String line = input.getText() + "\n";
        controller.post(new Command.ConsoleInput(domain, line.getBytes(StandardCharsets.ISO_8859_1)));
        input.setText("");
    }
}
