package org.xenoscope.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.nasm.AsmErrors;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.debug.Engine;
import org.xenoscope.debug.SnapshotFile;
import org.xenoscope.debug.SystemSpec;
import org.xenoscope.testutil.Tools;

/** The parts of the GUI shell that need no display: the display decision, loading files, settings, layout rules. */
class GuiShellTest {
    @TempDir
    Path dir;

    @Test
    void noDisplayIsOneLinePointingToRun() {
        assertThat(XenoscopeApp.noDisplay(true, null)).isEqualTo("xenoscope: no display (DISPLAY is not set): run a "
            + "guest headless with ./xenoscope run GUEST.elf|GUEST.asm");
        assertThat(XenoscopeApp.noDisplay(true, ":0")).startsWith("xenoscope: no display (Java runs headless)")
            .doesNotContain("\\n");
        assertThat(XenoscopeApp.noDisplay(false, ":0")).isNull();
    }

    @Test
    void asmSourceBecomesAPvGuestAndElfWithoutXenNotesBareMetal() {
        GuestLoader.Loaded pv = GuestLoader.load(GuiGuests.sample("hello.asm"));
        assertThat(pv).isInstanceOfSatisfying(GuestLoader.Loaded.Boot.class,
            b -> assertThat(b.spec().kind()).isEqualTo(SystemSpec.Kind.PV));
        byte[] bare = Assembler.assembleFile(Tools.projectRoot().resolve("sample-guests/bare-metal/hello.asm"),
            Assembler.Options.elf()).image();
        assertThat(GuestLoader.spec("hello.elf", bare).kind()).isEqualTo(SystemSpec.Kind.BARE_METAL);
    }

    @Test
    void badFilesAreBadInputAndAssemblyErrorsNameTheLine() throws Exception {
        assertThatThrownBy(() -> GuestLoader.load(dir.resolve("nope.elf"))).isInstanceOf(BadInputException.class)
            .hasMessageContaining("no such file");
        Path txt = Files.writeString(dir.resolve("notes.txt"), "hi");
        assertThatThrownBy(() -> GuestLoader.load(txt)).isInstanceOf(BadInputException.class);
        assertThat(GuestLoader.supported(txt)).isFalse();
        Path bad = Files.writeString(dir.resolve("bad.asm"), "nop\nfrobnicate eax\n");
        assertThatThrownBy(() -> GuestLoader.load(bad)).isInstanceOfSatisfying(AsmErrors.class,
            e -> assertThat(e.render()).contains("bad.asm:2"));
    }

    @Test
    void snapshotLoadsAsAnEngineAtTheSavedMoment() {
        GuestLoader.Loaded.Boot b = (GuestLoader.Loaded.Boot) GuestLoader.load(GuiGuests.sample("hello.asm"));
        Engine e = new Engine(b.spec());
        e.step();
        e.step();
        Path snap = dir.resolve("two.xsnap");
        SnapshotFile.save(e, snap);
        GuestLoader.Loaded l = GuestLoader.load(snap);
        assertThat(l).isInstanceOfSatisfying(GuestLoader.Loaded.Restored.class,
            r -> assertThat(r.engine().cycles()).isEqualTo(2));
    }

    @Test
    void settingsRoundTripAndDefaults() {
        Path f = dir.resolve("sub/settings.properties");
        Settings s = new Settings(f);
        assertThat(s.scale()).isEqualTo(100);
        assertThat(s.theme()).isEqualTo(Theme.LIGHT);
        assertThat(s.bounds()).isEmpty();
        assertThat(s.speed()).isZero();
        s.setScale(999);
        s.setTheme(Theme.HIGH_CONTRAST);
        s.setBounds(new Rectangle(10, 20, 800, 600));
        s.setLastFile(Path.of("guest.asm"));
        s.setSpeed(100);
        Settings t = new Settings(f);
        assertThat(t.scale()).isEqualTo(UiScale.MAX);
        assertThat(t.theme()).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(t.bounds()).contains(new Rectangle(10, 20, 800, 600));
        assertThat(t.lastFile()).contains(Path.of("guest.asm").toAbsolutePath());
        assertThat(t.speed()).isEqualTo(100);
    }

    @Test
    void settingsFileCanBeChosenWithASystemProperty() {
        String old = System.getProperty(Settings.PROPERTY);
        try {
            System.setProperty(Settings.PROPERTY, dir.resolve("x.properties").toString());
            assertThat(Settings.defaultFile()).isEqualTo(dir.resolve("x.properties"));
            System.clearProperty(Settings.PROPERTY);
            assertThat(Settings.defaultFile().toString()).endsWith(".config/xenoscope/settings.properties");
        } finally {
            if (old != null) {
                System.setProperty(Settings.PROPERTY, old);
            }
        }
    }

    @Test
    void viewsArePlacedByTitle() {
        assertThat(Dock.regionOf("Source")).isEqualTo(Dock.Region.LEFT);
        assertThat(Dock.regionOf("Disassembly")).isEqualTo(Dock.Region.LEFT);
        assertThat(Dock.regionOf("CPU")).isEqualTo(Dock.Region.CENTRE);
        assertThat(Dock.regionOf("Stack")).isEqualTo(Dock.Region.CENTRE);
        assertThat(Dock.regionOf("Memory")).isEqualTo(Dock.Region.CENTRE);
        assertThat(Dock.regionOf("Domains")).isEqualTo(Dock.Region.RIGHT);
        assertThat(Dock.regionOf("Trace")).isEqualTo(Dock.Region.BOTTOM);
        assertThat(Dock.regionOf("Something new")).isEqualTo(Dock.Region.BOTTOM);
    }

    @Test
    void bundledDemoIsTheAssemblyOfTrapPf() throws Exception {
        byte[] rebuilt = Assembler.assembleFile(GuiGuests.sample("trap-pf.asm"), Assembler.Options.elf()).image();
        try (InputStream in = XenoscopeApp.class.getResourceAsStream(XenoscopeApp.DEMO)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).as("rebuild with: xenoscope asm -f elf sample-guests/pv/trap-pf.asm -o "
                + "src/main/resources" + XenoscopeApp.DEMO).isEqualTo(rebuilt);
        }
        assertThat(XenoscopeApp.demo().kind()).isEqualTo(SystemSpec.Kind.PV);
    }
}
