package org.xenoscope.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Timeout.timeout;

import java.awt.Component;
import java.awt.Container;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JSlider;
import javax.swing.JTable;
import javax.swing.UIManager;
import javax.swing.text.JTextComponent;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.testutil.Display;

/**
 * The main window driven by AssertJ-Swing's robot under Xvfb: open, step, run and pause, status bar, Domains and
 * Console views, UI scale and theme persistence, presentation mode, drag and drop, assembly errors. No sleeps:
 * every wait is on a condition of the components.
 */
class MainWindowTest {
    private static final int WAIT_MS = 20_000;

    @TempDir
    Path dir;

    private Robot robot;
    private FrameFixture frame;
    private MainWindow window;
    private Path settingsFile;

    @BeforeEach
    void display() {
        Display.require();
        settingsFile = dir.resolve("settings.properties");
    }

    private void start(Path file) {
        window = XenoscopeApp.start(file, new Settings(settingsFile));
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        frame = new FrameFixture(robot, window.frame());
    }

    @AfterEach
    void close() {
        if (frame != null) {
            frame.cleanUp();
        }
    }

    /** Waits (polling on the EDT) until {@code ok} holds. */
    private static void waitFor(String what, Supplier<Boolean> ok) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(ok::get);
            }
        }, timeout(WAIT_MS));
    }

    private String label(String name) {
        return GuiActionRunner.execute(() -> frame.label(name).target().getText());
    }

    private void waitForLabel(String name, String text) {
        waitFor(name + " shows '" + text + "'", () -> frame.label(name).target().getText().contains(text));
    }

    private String console(int domain) {
        return GuiActionRunner.execute(() -> frame.textBox("console" + domain).target().getText());
    }

    @Test
    void stepThenRunHelloShowsStatusDomainsAndConsole() {
        start(GuiGuests.sample("hello.asm"));
        waitForLabel("status.file", "hello.asm");
        waitForLabel("status.state", "Paused");
        frame.button("tool.step").click();
        waitForLabel("status.cycles", "cycles 1");
        assertThat(label("status.reason")).startsWith("step");
        JTable t = frame.table("domainsTable").target();
        waitFor("Domains lists hello", () -> t.getRowCount() == 3 && "hello".equals(t.getValueAt(2, 2)));
        assertThat(GuiActionRunner.execute(() -> t.getValueAt(0, 2))).isEqualTo("Xen (hypervisor)");
        assertThat(GuiActionRunner.execute(() -> t.getValueAt(2, 3))).isEqualTo("running");
        assertThat(GuiActionRunner.execute(() -> t.getValueAt(2, 0))).isEqualTo("\u25B6");

        frame.button("tool.continue").click();
        waitForLabel("status.state", "Finished");
        waitFor("console shows the greeting", () -> console(1).contains("Hello from a PV guest written in assembly"));
        waitFor("Domains shows the shutdown", () -> "shutdown".equals(t.getValueAt(2, 3)));
        assertThat(label("domainsSummary")).contains("Dom1 hello: shutdown");
        assertThat(frame.button("tool.step").target().isEnabled()).isFalse();

        frame.button("tool.stepBack").click();
        waitForLabel("status.state", "Paused");
        waitFor("step back undid the shutdown", () -> "running".equals(t.getValueAt(2, 3)));
    }

    @Test
    void f7StepsAndPauseStopsARunawayGuest() {
        start(GuiGuests.write(dir, "loop.asm", GuiGuests.LOOP));
        waitForLabel("status.file", "loop.asm");
        frame.focus();
        frame.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_F7);
        waitForLabel("status.cycles", "cycles 1");
        frame.button("tool.continue").click();
        waitForLabel("status.state", "Running");
        assertThat(frame.button("tool.pause").target().isEnabled()).isTrue();
        frame.button("tool.pause").click();
        waitForLabel("status.state", "Paused");
        assertThat(label("status.reason")).startsWith("paused");
        assertThat(window.controller().session().latest().cycles()).isGreaterThan(1);
    }

    @Test
    void uiScalePersistsAndAppliesToFonts() throws Exception {
        start(GuiGuests.sample("hello.asm"));
        float before = GuiActionRunner.execute(() -> frame.label("status.state").target().getFont().getSize2D());
        frame.menuItem("menu.zoomIn").click();
        frame.menuItem("menu.zoomIn").click();
        waitFor("scale 150 %", () -> UiScale.percent() == 150);
        float after = GuiActionRunner.execute(() -> frame.label("status.state").target().getFont().getSize2D());
        assertThat(after).isCloseTo(before * 1.5f, org.assertj.core.data.Offset.offset(1f));
        assertThat(UIManager.getFont("defaultFont").getSize2D()).isCloseTo(after, org.assertj.core.data.Offset
            .offset(0.5f));
        assertThat(new Settings(settingsFile).scale()).isEqualTo(150);
        assertThat(Files.readString(settingsFile)).contains("scale=150");
        frame.menuItem("menu.zoomReset").click();
        waitFor("scale 100 %", () -> UiScale.percent() == 100);
        assertThat(new Settings(settingsFile).scale()).isEqualTo(100);
    }

    @Test
    void themeSwitchRestylesAndPersists() {
        start(GuiGuests.sample("hello.asm"));
        frame.menuItem("theme.DARK").click();
        waitFor("dark theme", () -> Theme.current() == Theme.DARK);
        assertThat(UIManager.getLookAndFeel().getName()).contains("Dark");
        assertThat(new Settings(settingsFile).theme()).isEqualTo(Theme.DARK);
        frame.menuItem("theme.HIGH_CONTRAST").click();
        waitFor("high contrast", () -> Theme.current() == Theme.HIGH_CONTRAST);
        waitFor("black panels", () -> frame.table("domainsTable").target().getBackground().getRGB() == 0xFF000000);
        frame.menuItem("theme.LIGHT").click();
        waitFor("light theme", () -> Theme.current() == Theme.LIGHT);
        waitFor("light panels again",
            () -> frame.table("domainsTable").target().getBackground().getRGB() != 0xFF000000);
        assertThat(new Settings(settingsFile).theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void presentationModeShowsOnePanelLargerAndViewMenuHidesPanels() {
        start(GuiGuests.sample("hello.asm"));
        frame.menuItem("menu.presentation").click();
        waitFor("presenting", () -> window.presenting() && UiScale.percent() == 100 + MainWindow.PRESENTATION_BOOST);
        frame.menuItem("menu.presentation").click();
        waitFor("back to normal", () -> !window.presenting() && UiScale.percent() == 100);
        assertThat(new Settings(settingsFile).scale()).as("presentation scale is not remembered").isEqualTo(100);

        var bottom = window.dock().region(Dock.Region.BOTTOM);
        assertThat(GuiActionRunner.execute(() -> bottom.indexOfTab("Timeline"))).isNotNegative();
        frame.menuItem("view.Timeline").click();
        waitFor("Timeline hidden", () -> bottom.indexOfTab("Timeline") < 0);
        frame.menuItem("view.Timeline").click();
        waitFor("Timeline back", () -> bottom.indexOfTab("Timeline") >= 0);
    }

    @Test
    void dropOpensAGuestAndAssemblyErrorsAreListedWithoutChangingTheSession() throws Exception {
        start(GuiGuests.sample("hello.asm"));
        waitForLabel("status.file", "hello.asm");
        Path loop = GuiGuests.write(dir, "loop.asm", GuiGuests.LOOP);
        FileDrop drop = (FileDrop) window.frame().getTransferHandler();
        assertThat(GuiActionRunner.execute(() -> drop.importFiles(files(dir.resolve("notes.txt").toFile()))))
            .isFalse();
        assertThat(GuiActionRunner.execute(() -> drop.importFiles(files(loop.toFile())))).isTrue();
        waitForLabel("status.file", "loop.asm");

        Path bad = Files.writeString(dir.resolve("bad.asm"), "_start:\n    mov eax, \n    frobnicate\n");
        GuiActionRunner.execute(() -> window.open(bad));
        JOptionPaneFixture pane = frame.optionPane(timeout(WAIT_MS));
        pane.requireErrorMessage();
        assertThat(window.lastError()).contains("bad.asm:2").contains("bad.asm:3");
        pane.okButton().click();
        assertThat(label("status.file")).isEqualTo("loop.asm");
    }

    @Test
    void savedSnapshotOpensAtTheSameMoment() throws Exception {
        start(GuiGuests.sample("hello.asm"));
        waitForLabel("status.file", "hello.asm");
        for (int i = 1; i <= 3; i++) {
            frame.button("tool.step").click();
            waitForLabel("status.cycles", "cycles " + i);
        }
        Path snap = dir.resolve("moment.xsnap");
        GuiActionRunner.execute(() -> window.save(snap));
        waitFor("snapshot written", () -> Files.exists(snap));
        frame.button("tool.continue").click();
        waitForLabel("status.state", "Finished");
        GuiActionRunner.execute(() -> window.open(snap));
        waitForLabel("status.file", "moment.xsnap");
        waitForLabel("status.cycles", "cycles 3");
        assertThat(label("status.state")).isEqualTo("Paused");
    }

    @Test
    void everyInteractiveComponentHasAnAccessibleName() {
        start(GuiGuests.sample("hello.asm"));
        waitForLabel("status.file", "hello.asm");
        List<String> unnamed = GuiActionRunner.execute(() -> {
            List<String> l = new ArrayList<>();
            collectUnnamed(window.frame().getContentPane(), l);
            return l;
        });
        assertThat(unnamed).isEmpty();
        JLabel timeline = robot.finder().findByName("timelineText", JLabel.class, false);
        assertThat(GuiActionRunner.execute(timeline::getText)).startsWith("Timeline: ");
    }

    @Test
    void commandLineOpensTheFileInTheGuiAndReturnsWhenTheWindowCloses() throws Exception {
        String old = System.getProperty(Settings.PROPERTY);
        System.setProperty(Settings.PROPERTY, settingsFile.toString());
        int[] status = {-1};
        Thread cli = new Thread(() -> status[0] = org.xenoscope.cli.Main.run(
            new String[] {GuiGuests.sample("hello.asm").toString()}, System.out, System.err));
        try {
            cli.start();
            robot = BasicRobot.robotWithCurrentAwtHierarchy();
            frame = org.assertj.swing.finder.WindowFinder.findFrame(
                new org.assertj.swing.core.GenericTypeMatcher<javax.swing.JFrame>(javax.swing.JFrame.class) {
                    @Override
                    protected boolean isMatching(javax.swing.JFrame f) {
                        return f.isShowing() && f.getTitle().endsWith("hello.asm");
                    }
                }).withTimeout(WAIT_MS).using(robot);
            waitForLabel("status.file", "hello.asm");
            waitForLabel("status.state", "Paused");
            frame.close();
            cli.join(WAIT_MS);
            assertThat(cli.isAlive()).isFalse();
            assertThat(status[0]).isZero();
        } finally {
            if (old == null) {
                System.clearProperty(Settings.PROPERTY);
            } else {
                System.setProperty(Settings.PROPERTY, old);
            }
        }
        assertThat(new Settings(settingsFile).bounds()).as("window bounds remembered").isPresent();
    }

    private static void collectUnnamed(Component c, List<String> out) {
        boolean interactive = c instanceof AbstractButton || c instanceof JTextComponent || c instanceof JTable
            || c instanceof JSlider || (c instanceof JLabel l && l.getName() != null);
        if (interactive && c.isShowing()) {
            String n = ((JComponent) c).getAccessibleContext().getAccessibleName();
            if (n == null || n.isBlank()) {
                out.add(c.getClass().getSimpleName() + " " + c.getName());
            }
        }
        if (c instanceof Container k) {
            for (Component x : k.getComponents()) {
                collectUnnamed(x, out);
            }
        }
    }

    private static Transferable files(File... f) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return List.of(f);
            }
        };
    }
}
