package org.xenoscope.gui;

import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Engine;

/**
 * Every command of the main window as a Swing {@link Action} with its keyboard shortcut, shared by the menus, the
 * toolbar and the Help menu's shortcut list (one table, so the three never disagree).
 *
 * <pre>
 *   F5 continue          Shift+F5 reverse-continue     F6 pause
 *   F7 step              Shift+F7 step back
 *   F8 step over         Shift+F8 step out
 *   Ctrl+1..4 run to the next hypercall / exception / event / context switch
 *   Ctrl+O open   Ctrl+S save .xsnap   Ctrl+R restart   Ctrl+Q quit
 *   Ctrl+Plus / Ctrl+Minus / Ctrl+0 UI scale     F11 presentation mode
 * </pre>
 */
public final class Actions {
    /** The things the window does itself (not simulation commands). */
    public interface Window {
        void openDialog();

        void saveDialog();

        void restart();

        void zoom(int deltaPercent);

        void togglePresentation();

        void showShortcuts();

        void showAbout();

        void quit();
    }

    /** One command: its action and the name tests and screen readers know it by. */
    public record Entry(String id, Action action) {
        public String label() {
            return (String) action.getValue(Action.NAME);
        }

        public KeyStroke key() {
            return (KeyStroke) action.getValue(Action.ACCELERATOR_KEY);
        }
    }

    private final List<Entry> file = new ArrayList<>();
    private final List<Entry> run = new ArrayList<>();
    private final List<Entry> view = new ArrayList<>();
    private final List<Entry> help = new ArrayList<>();
    private final List<Entry> all = new ArrayList<>();

    /** Creates the actions posting to {@code c} and calling {@code w}. */
    public Actions(SessionController c, Window w) {
        int ctrl = InputEvent.CTRL_DOWN_MASK;
        int shift = InputEvent.SHIFT_DOWN_MASK;
        add(file, "open", "Open…", key(KeyEvent.VK_O, ctrl), "Open a guest (.asm, .elf) or a snapshot (.xsnap)",
            w::openDialog);
        add(file, "save", "Save snapshot…", key(KeyEvent.VK_S, ctrl), "Save this moment as a .xsnap file",
            w::saveDialog);
        add(file, "restart", "Restart", key(KeyEvent.VK_R, ctrl), "Open the current guest again from its start",
            w::restart);
        add(file, "quit", "Quit", key(KeyEvent.VK_Q, ctrl), "Close Xenoscope", w::quit);
        add(run, "continue", "Continue", key(KeyEvent.VK_F5, 0), "Run until a breakpoint, the end or Pause",
            () -> c.post(new Command.Continue()));
        add(run, "pause", "Pause", key(KeyEvent.VK_F6, 0), "Stop the running simulation",
            () -> c.post(new Command.Pause()));
        add(run, "step", "Step", key(KeyEvent.VK_F7, 0), "Execute one instruction",
            () -> c.post(new Command.Step()));
        add(run, "stepOver", "Step over", key(KeyEvent.VK_F8, 0), "Step over a call or a whole hypercall",
            () -> c.post(new Command.StepOver()));
        add(run, "stepOut", "Step out", key(KeyEvent.VK_F8, shift), "Run until the current function returns",
            () -> c.post(new Command.StepOut()));
        add(run, "stepBack", "Step back", key(KeyEvent.VK_F7, shift), "Undo one instruction (time travel)",
            () -> c.post(new Command.StepBack()));
        add(run, "reverseContinue", "Reverse continue", key(KeyEvent.VK_F5, shift),
            "Run backwards to the previous breakpoint or the start", () -> c.post(new Command.ReverseContinue()));
        add(run, "nextHypercall", "Next hypercall", key(KeyEvent.VK_1, ctrl), "Run to the next hypercall",
            () -> c.post(new Command.RunToNext(Engine.Next.HYPERCALL)));
        add(run, "nextException", "Next exception", key(KeyEvent.VK_2, ctrl),
            "Run to the next exception Xen bounces to a guest",
            () -> c.post(new Command.RunToNext(Engine.Next.EXCEPTION)));
        add(run, "nextEvent", "Next event", key(KeyEvent.VK_3, ctrl), "Run to the next event-channel send",
            () -> c.post(new Command.RunToNext(Engine.Next.EVENT)));
        add(run, "nextSwitch", "Next switch", key(KeyEvent.VK_4, ctrl), "Run to the next domain switch",
            () -> c.post(new Command.RunToNext(Engine.Next.SWITCH)));
        add(view, "zoomIn", "Larger text", key(KeyEvent.VK_PLUS, ctrl), "UI scale +" + UiScale.STEP + " %",
            () -> w.zoom(UiScale.STEP));
        add(view, "zoomOut", "Smaller text", key(KeyEvent.VK_MINUS, ctrl), "UI scale -" + UiScale.STEP + " %",
            () -> w.zoom(-UiScale.STEP));
        add(view, "zoomReset", "Normal text size", key(KeyEvent.VK_0, ctrl), "UI scale 100 %",
            () -> w.zoom(-UiScale.MAX));
        add(view, "presentation", "Presentation mode", key(KeyEvent.VK_F11, 0),
            "Show only the focused panel, with larger text (again: back)", w::togglePresentation);
        add(help, "shortcuts", "Keyboard shortcuts", key(KeyEvent.VK_F1, 0), "List every shortcut",
            w::showShortcuts);
        add(help, "about", "About Xenoscope", null, "Version and purpose", w::showAbout);
    }

    private static KeyStroke key(int code, int modifiers) {
        return KeyStroke.getKeyStroke(code, modifiers);
    }

    private void add(List<Entry> menu, String id, String label, KeyStroke key, String description, Runnable r) {
        Action a = new AbstractAction(label) {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        };
        a.putValue(Action.ACCELERATOR_KEY, key);
        a.putValue(Action.SHORT_DESCRIPTION, description + (key == null ? "" : " (" + keyText(key) + ")"));
        a.putValue(Action.ACTION_COMMAND_KEY, id);
        Entry e = new Entry(id, a);
        menu.add(e);
        all.add(e);
    }

    /** A shortcut as people write it: "Shift+F7", "Ctrl+O". */
    public static String keyText(KeyStroke k) {
        String mods = java.awt.event.InputEvent.getModifiersExText(k.getModifiers());
        String key = k.getKeyCode() == KeyEvent.VK_PLUS ? "Plus" : k.getKeyCode() == KeyEvent.VK_MINUS ? "Minus"
            : KeyEvent.getKeyText(k.getKeyCode());
        return mods.isEmpty() ? key : mods + "+" + key;
    }

    /** The action with id {@code id}. */
    public Action get(String id) {
        return all.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().action();
    }

    public List<Entry> all() {
        return List.copyOf(all);
    }

    /** Fills {@code m} with the entries of one menu ("file", "run", "view" or "help"). */
    public void fill(JMenu m, String which) {
        List<Entry> l = switch (which) {
            case "file" -> file;
            case "run" -> run;
            case "view" -> view;
            default -> help;
        };
        for (Entry e : l) {
            JMenuItem i = new JMenuItem(e.action());
            i.setName("menu." + e.id());
            m.add(i);
        }
    }

    /** Contract: the toolbar's buttons (the run commands and open), each named "tool.ID" for tests. */
    public JToolBar toolbar() {
        JToolBar t = new JToolBar("Debugger");
        t.setFloatable(false);
        t.getAccessibleContext().setAccessibleName("Debugger toolbar");
        button(t, "open");
        t.addSeparator();
        for (String id : new String[] {"continue", "pause", "step", "stepOver", "stepOut", "stepBack",
            "reverseContinue"}) {
            button(t, id);
        }
        t.addSeparator();
        for (String id : new String[] {"nextHypercall", "nextException", "nextEvent", "nextSwitch"}) {
            button(t, id);
        }
        return t;
    }

    private void button(JToolBar t, String id) {
        Action a = get(id);
        JButton b = t.add(a);
        b.setName("tool." + id);
        b.setText((String) a.getValue(Action.NAME));
        b.setHideActionText(false);
        b.getAccessibleContext().setAccessibleName((String) a.getValue(Action.NAME));
        b.getAccessibleContext().setAccessibleDescription((String) a.getValue(Action.SHORT_DESCRIPTION));
    }

    /**
     * Contract: binds every shortcut in {@code root}'s window-wide input map (so they work whatever has focus),
     * plus the keys people actually press for Ctrl+Plus / Ctrl+Minus (Ctrl+=, the keypad's + and -).
     */
    public void bind(JComponent root) {
        for (Entry e : all) {
            if (e.key() != null) {
                bindKey(root, e.key(), e);
            }
        }
        int ctrl = InputEvent.CTRL_DOWN_MASK;
        int shift = InputEvent.SHIFT_DOWN_MASK;
        Entry in = entry("zoomIn");
        Entry out = entry("zoomOut");
        bindKey(root, key(KeyEvent.VK_EQUALS, ctrl), in);
        bindKey(root, key(KeyEvent.VK_EQUALS, ctrl | shift), in);
        bindKey(root, key(KeyEvent.VK_ADD, ctrl), in);
        bindKey(root, key(KeyEvent.VK_SUBTRACT, ctrl), out);
    }

    private Entry entry(String id) {
        return all.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static void bindKey(JComponent root, KeyStroke k, Entry e) {
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(k, e.id());
        root.getActionMap().put(e.id(), e.action());
    }

    /** The shortcut list of the Help menu: one "Key   Label — description" line per entry with a key. */
    public String shortcutText() {
        StringBuilder b = new StringBuilder();
        for (Entry e : all) {
            if (e.key() != null) {
                b.append(String.format("%-14s %s%n", keyText(e.key()), e.label()));
            }
        }
        return b.toString();
    }
}
