package org.xenoscope.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.debug.Engine;
import org.xenoscope.debug.SnapshotFile;
import org.xenoscope.debug.SystemSpec;
import org.xenoscope.xen.abi.ElfNotes;

/**
 * Turns a file the user opened into something a session can start from:
 *
 * <pre>
 *   NAME.asm    assembled by our NASM-syntax assembler (errors: AsmErrors, one file:line:col per message),
 *               then treated like the ELF it produces
 *   NAME.elf    a PV guest when it has "Xen" ELF notes, else a multiboot kernel on the bare PC
 *   NAME.xsnap  a saved simulation: the engine, replayed to the saved moment
 * </pre>
 *
 * Headless (no Swing here): the window shows the errors.
 */
public final class GuestLoader {
    /** Memory of an opened PV guest, as {@code xenoscope run}. */
    public static final int PV_MEMORY_MB = 32;
    /** RAM of the bare PC for a multiboot kernel, as {@code xenoscope run --bare-metal}. */
    public static final int BARE_MEMORY_MB = 128;

    private GuestLoader() {
    }

    /** What opening a file gives: a spec to build from, or an engine standing at a saved moment. */
    public sealed interface Loaded {
        /** A guest to boot. */
        record Boot(SystemSpec spec) implements Loaded { }

        /** A loaded {@code .xsnap}. */
        record Restored(Engine engine) implements Loaded { }
    }

    /** Whether {@code f}'s extension is one {@link #load} understands. */
    public static boolean supported(Path f) {
        String n = f.getFileName() == null ? "" : f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".asm") || n.endsWith(".elf") || n.endsWith(".xsnap");
    }

    /**
     * Contract: loads {@code f}. An assembly error throws {@code AsmErrors}; any other bad input (missing file,
     * unknown extension, malformed ELF or snapshot) throws {@link BadInputException}. Nothing else changes.
     */
    public static Loaded load(Path f) {
        String name = f.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(f)) {
            throw new BadInputException(name, "no such file");
        }
        if (lower.endsWith(".xsnap")) {
            return new Loaded.Restored(SnapshotFile.load(f));
        }
        byte[] elf;
        if (lower.endsWith(".asm")) {
            elf = Assembler.assembleFile(f, Assembler.Options.elf()).image();
        } else if (lower.endsWith(".elf")) {
            elf = read(f);
        } else {
            throw new BadInputException(name, "cannot open this kind of file (expected .asm, .elf or .xsnap)");
        }
        return new Loaded.Boot(spec(f.getFileName().toString(), elf));
    }

    /** A PV spec when {@code elf} has Xen notes, else a bare-metal one. */
    public static SystemSpec spec(String name, byte[] elf) {
        ElfImage image = ElfImage.parse(name, elf);
        boolean xen = image.notes().stream().anyMatch(n -> n.name().equals(ElfNotes.OWNER));
        return xen ? SystemSpec.pv(name, elf, PV_MEMORY_MB, "") : SystemSpec.bareMetal(name, elf, BARE_MEMORY_MB);
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new BadInputException(f.toString(), "cannot read: " + e.getMessage());
        }
    }
}
