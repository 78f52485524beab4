package org.xenoscope.gui;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.nasm.AsmErrors;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Session;
import org.xenoscope.debug.SnapshotFile;
import org.xenoscope.debug.SystemSpec;

/**
 * The main window: menu bar, toolbar with the run-speed slider, the views in a {@link Dock}, a status bar.
 * It owns the {@link SessionController}; views get snapshots from it, and opening a file replaces its session.
 *
 * <p>Threads: everything here runs on the EDT except loading a file (assembling, replaying a snapshot), which runs
 * on a loader thread and hands the result back with one {@code invokeLater}.
 */
public final class MainWindow implements Actions.Window {
    /** Run speeds of the slider, instructions per second; the last, 0, is unlimited. */
    static final long[] SPEEDS = {1, 2, 5, 10, 20, 50, 100, 1_000, 10_000, 100_000, 1_000_000, 0};
    /** Extra scale of presentation mode, in percent. */
    static final int PRESENTATION_BOOST = 50;

    private final JFrame frame = new JFrame("Xenoscope");
    private final SessionController controller;
    private final Settings settings;
    private final Actions actions;
    private final Dock dock;
    private final StatusBar status;
    private final JSlider speed = new JSlider(0, SPEEDS.length - 1);
    private final JLabel speedText = new JLabel();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "xenoscope-loader");
        t.setDaemon(true);
        return t;
    });
    private Path current;
    private SystemSpec builtin;
    private int scaleBeforePresentation = -1;
    private volatile String lastError;

    /** Contract: builds the window (EDT) around {@code views}, styled by {@code settings}; not yet visible. */
    public MainWindow(SessionController controller, List<View> views, Settings settings) {
        this.controller = controller;
        this.settings = settings;
        this.actions = new Actions(controller, this);
        this.dock = new Dock(views);
        this.status = new StatusBar(actions);
        for (View v : views) {
            controller.addView(v);
        }
        controller.addView(status);
        controller.addSessionListener(this::sessionStarted);
        layout();
        frame.setJMenuBar(menuBar(views));
        actions.bind(frame.getRootPane());
        frame.setTransferHandler(new FileDrop(this));
        frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                settings.setBounds(frame.getBounds());
            }

            @Override
            public void windowClosed(WindowEvent e) {
                controller.close();
                loader.shutdownNow();
            }
        });
        frame.getAccessibleContext().setAccessibleDescription("Xenoscope visual debugger");
        frame.setBounds(settings.bounds().orElse(new java.awt.Rectangle(60, 40, 1500, 940)));
    }

    private void layout() {
        JPanel top = new JPanel(new MigLayout("insets 0, fillx", "[grow][][]"));
        top.add(actions.toolbar(), "growx");
        speed.setName("speed");
        speed.setSnapToTicks(true);
        speed.setMajorTickSpacing(1);
        speed.setPaintTicks(true);
        speed.setValue(speedIndex(settings.speed()));
        speed.getAccessibleContext().setAccessibleName("Run speed");
        speed.addChangeListener(e -> {
            if (!speed.getValueIsAdjusting()) {
                speedChanged();
            }
        });
        speedText.setName("speedText");
        top.add(new JLabel("Speed"), "split 3");
        top.add(speed, "w 160!");
        top.add(speedText, "w 110!, gapright 8");
        showSpeed();
        JPanel content = new JPanel(new MigLayout("fill, insets 0, gap 0", "[grow]", "[][grow][]"));
        content.add(top, "growx, wrap");
        content.add(dock.component(), "grow, wrap");
        content.add(status.component(), "growx");
        frame.setContentPane(content);
    }

    private JMenuBar menuBar(List<View> views) {
        JMenuBar bar = new JMenuBar();
        JMenu file = menu("File", 'F');
        actions.fill(file, "file");
        JMenu run = menu("Run", 'R');
        actions.fill(run, "run");
        JMenu view = menu("View", 'V');
        for (View v : views) {
            JCheckBoxMenuItem i = new JCheckBoxMenuItem(v.title(), true);
            i.setName("view." + v.title());
            i.addActionListener(e -> dock.setVisible(v, i.isSelected()));
            view.add(i);
        }
        view.addSeparator();
        ButtonGroup g = new ButtonGroup();
        for (Theme t : Theme.values()) {
            JRadioButtonMenuItem i = new JRadioButtonMenuItem("Theme: " + t.label(), t == Theme.current());
            i.setName("theme." + t.name());
            i.addActionListener(e -> setTheme(t));
            g.add(i);
            view.add(i);
        }
        view.addSeparator();
        actions.fill(view, "view");
        JMenu help = menu("Help", 'H');
        actions.fill(help, "help");
        bar.add(file);
        bar.add(run);
        bar.add(view);
        bar.add(help);
        return bar;
    }

    private static JMenu menu(String name, char mnemonic) {
        JMenu m = new JMenu(name);
        m.setMnemonic(mnemonic);
        m.setName("menu" + name);
        return m;
    }

    public JFrame frame() {
        return frame;
    }

    public SessionController controller() {
        return controller;
    }

    public Actions actions() {
        return actions;
    }

    Dock dock() {
        return dock;
    }

    /** The last error shown in a dialog (assembly errors, unreadable files), or null. */
    public String lastError() {
        return lastError;
    }

    // ---------------------------------------------------------------- opening files

    /**
     * Contract: loads {@code f} on the loader thread; on success (EDT) it replaces the session and is remembered
     * as the last file; on failure a dialog lists the messages (assembly errors: one file:line per line) and the
     * current session stays.
     */
    public void open(Path f) {
        loader.execute(() -> {
            try {
                GuestLoader.Loaded l = GuestLoader.load(f);
                SwingUtilities.invokeLater(() -> opened(f, l));
            } catch (AsmErrors e) {
                SwingUtilities.invokeLater(() -> showError("Assembly errors in " + f.getFileName(), e.render()));
            } catch (BadInputException e) {
                SwingUtilities.invokeLater(() -> showError("Cannot open " + f.getFileName(), e.oneLine()));
            }
        });
    }

    /** Opens a built-in spec (the bundled demo), named {@code name}. */
    public void open(String name, SystemSpec spec) {
        current = null;
        builtin = spec;
        controller.open(spec);
        status.file(name);
        frame.setTitle("Xenoscope — " + name);
    }

    private void opened(Path f, GuestLoader.Loaded l) {
        if (l instanceof GuestLoader.Loaded.Boot b) {
            controller.open(b.spec());
        } else if (l instanceof GuestLoader.Loaded.Restored r) {
            controller.open(r.engine());
        }
        current = f;
        builtin = null;
        settings.setLastFile(f);
        status.file(f.getFileName().toString());
        frame.setTitle("Xenoscope — " + f.getFileName());
    }

    private void sessionStarted(Session s) {
        s.post(new Command.SetSpeed(SPEEDS[speed.getValue()]));
    }

    private void showError(String title, String text) {
        lastError = text;
        JTextArea a = UiScale.monospaced(new JTextArea(text, Math.min(20, text.split("\n").length + 1), 80));
        a.setEditable(false);
        a.setName("errorText");
        a.getAccessibleContext().setAccessibleName(title);
        JOptionPane.showMessageDialog(frame, new JScrollPane(a), title, JOptionPane.ERROR_MESSAGE);
    }

    @Override
    public void openDialog() {
        JFileChooser c = new JFileChooser(current != null ? current.toAbsolutePath().getParent().toFile()
            : settings.lastFile().map(p -> p.toAbsolutePath().getParent().toFile()).orElse(null));
        c.setFileFilter(new FileNameExtensionFilter("Guests and snapshots (.asm, .elf, .xsnap)", "asm", "elf",
            "xsnap"));
        if (c.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            open(c.getSelectedFile().toPath());
        }
    }

    @Override
    public void saveDialog() {
        JFileChooser c = new JFileChooser();
        c.setFileFilter(new FileNameExtensionFilter("Xenoscope snapshots (.xsnap)", "xsnap"));
        if (c.showSaveDialog(frame) == JFileChooser.APPROVE_OPTION) {
            Path p = c.getSelectedFile().toPath();
            save(p.toString().endsWith(".xsnap") ? p : Path.of(p + ".xsnap"));
        }
    }

    /** Contract: saves the simulation at this moment to {@code file} (through a query: a failure is a dialog). */
    public void save(Path file) {
        Session s = controller.session();
        if (s == null) {
            return;
        }
        s.query(e -> {
            SnapshotFile.save(e, file);
            return file;
        }).whenComplete((ok, ex) -> SwingUtilities.invokeLater(() -> {
            if (ex != null) {
                Throwable c = ex.getCause() != null ? ex.getCause() : ex;
                showError("Cannot save", c instanceof BadInputException b ? b.oneLine() : c.toString());
            }
        }));
    }

    @Override
    public void restart() {
        if (current != null) {
            open(current);
        } else if (builtin != null) {
            open(frame.getTitle().replace("Xenoscope — ", ""), builtin);
        }
    }

    // ---------------------------------------------------------------- speed, scale, theme, presentation

    private static int speedIndex(long ips) {
        for (int i = 0; i < SPEEDS.length; i++) {
            if (SPEEDS[i] == ips) {
                return i;
            }
        }
        return SPEEDS.length - 1;
    }

    private void speedChanged() {
        long ips = SPEEDS[speed.getValue()];
        controller.post(new Command.SetSpeed(ips));
        settings.setSpeed(ips);
        showSpeed();
    }

    private void showSpeed() {
        long ips = SPEEDS[speed.getValue()];
        String t = ips == 0 ? "unlimited" : String.format(Locale.ROOT, "%,d instr/s", ips);
        speedText.setText(t);
        speed.getAccessibleContext().setAccessibleDescription("Run speed: " + t);
    }

    /** Sets the slider to the speed closest to {@code ips} (0 = unlimited). */
    public void setSpeed(long ips) {
        speed.setValue(speedIndex(ips));
    }

    @Override
    public void zoom(int delta) {
        int p = UiScale.clamp(UiScale.percent() + delta);
        settings.setScale(p);
        applyScale(p);
    }

    private void applyScale(int p) {
        UiScale.apply(p);
        UiScale.refreshMono(frame.getRootPane());
        controller.redraw();
    }

    /** Contract: installs theme {@code t}, restyles every window at the current scale and remembers it. */
    public void setTheme(Theme t) {
        t.install();
        settings.setTheme(t);
        applyScale(UiScale.percent());
        JMenuBar bar = frame.getJMenuBar();
        for (int i = 0; bar != null && i < bar.getMenuCount(); i++) {
            for (Component c : bar.getMenu(i).getMenuComponents()) {
                if (c instanceof JRadioButtonMenuItem r && r.getName() != null && r.getName().startsWith("theme.")) {
                    r.setSelected(r.getName().equals("theme." + t.name()));
                }
            }
        }
    }

    @Override
    public void togglePresentation() {
        if (dock.alone() != null) {
            dock.showAlone(null);
            applyScale(scaleBeforePresentation);
            scaleBeforePresentation = -1;
            return;
        }
        View v = focusedView();
        scaleBeforePresentation = UiScale.percent();
        dock.showAlone(v);
        applyScale(UiScale.clamp(scaleBeforePresentation + PRESENTATION_BOOST));
    }

    /** The view holding the keyboard focus, else the first visible one. */
    private View focusedView() {
        Component f = KeyboardFocusManager.getCurrentKeyboardFocusManager().getPermanentFocusOwner();
        List<View> visible = new ArrayList<>();
        for (View v : dock.views()) {
            if (f != null && SwingUtilities.isDescendingFrom(f, v.component())) {
                return v;
            }
            if (dock.isVisible(v)) {
                visible.add(v);
            }
        }
        return visible.isEmpty() ? dock.views().get(0) : visible.get(0);
    }

    /** Whether presentation mode is on. */
    public boolean presenting() {
        return dock.alone() != null;
    }

    @Override
    public void showShortcuts() {
        JTextArea a = UiScale.monospaced(new JTextArea(actions.shortcutText()));
        a.setEditable(false);
        a.setName("shortcuts");
        a.getAccessibleContext().setAccessibleName("Keyboard shortcuts");
        JOptionPane.showMessageDialog(frame, a, "Keyboard shortcuts", JOptionPane.INFORMATION_MESSAGE);
    }

    @Override
    public void showAbout() {
        JOptionPane.showMessageDialog(frame, "Xenoscope: an educational simulator of the Xen hypervisor\n"
            + "(\"Xen and the Art of Virtualization\") on a simulated 32-bit x86 PC.", "About Xenoscope",
            JOptionPane.INFORMATION_MESSAGE);
    }

    @Override
    public void quit() {
        frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING));
    }

    /** The root of the window's components (for tests and screenshots). */
    JComponent root() {
        return frame.getRootPane();
    }
}
