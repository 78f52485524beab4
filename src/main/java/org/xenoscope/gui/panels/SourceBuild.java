package org.xenoscope.gui.panels;

import java.nio.file.Path;
import java.util.List;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.asm.nasm.AsmError;
import org.xenoscope.asm.nasm.AsmErrors;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.asm.nasm.Assembly;
import org.xenoscope.debug.SystemSpec;

/**
 * Assembling the source panel's text, and the system to run it on: a PV guest when the image carries Xen ELF
 * notes, a bare-metal multiboot kernel otherwise.
 *
 * @param assembly the result, or null when there were errors
 * @param errors   the errors (empty on success)
 */
record SourceBuild(Assembly assembly, List<AsmError> errors) {
    /** Memory of a guest started from the source panel when no session gives another size. */
    static final int DEFAULT_MB = 16;

    SourceBuild {
        errors = List.copyOf(errors);
    }

    /** Contract: assembles {@code text} as {@code file} (includes found next to it); never throws AsmErrors. */
    static SourceBuild of(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Assembler.Options o = Assembler.Options.elf().withIncludeDirs(dir == null ? List.of() : List.of(dir));
        try {
            return new SourceBuild(Assembler.assemble(file.toString(), text, o), List.of());
        } catch (AsmErrors e) {
            return new SourceBuild(null, e.errors().stream().filter(x -> !x.warning()).toList());
        }
    }

    /** True when the image is for the hypervisor (it has an ELF note owned by "Xen"). */
    static boolean isPv(String name, byte[] image) {
        return ElfImage.parse(name, image).notes().stream().anyMatch(n -> n.name().equals("Xen"));
    }

    /** Contract: the system that runs the assembled image ({@code assembly} must not be null). */
    SystemSpec spec(Path file, int memoryMb, String cmdline) {
        String name = file.getFileName().toString();
        byte[] img = assembly.image();
        return isPv(name, img) ? SystemSpec.pv(name, img, memoryMb, cmdline)
            : SystemSpec.bareMetal(name, img, memoryMb);
    }
}
