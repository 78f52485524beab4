package org.xenoscope.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xenoscope.testutil.Tools;

/** Guest files for the GUI tests: sample guests of the repository and small PV guests written to a directory. */
final class GuiGuests {
    /** A PV guest that never stops on its own: a register counts up forever. */
    static final String LOOP = "_start:\n    inc eax\n    jmp _start\n";

    private GuiGuests() {
    }

    static Path sample(String name) {
        return Tools.projectRoot().resolve("sample-guests/pv").resolve(name);
    }

    /** Writes a PAE PV guest whose code is {@code body} (defining _start) to {@code dir/name} and returns it. */
    static Path write(Path dir, String name, String body) {
        try {
            String notes = Files.readString(Tools.projectRoot().resolve("sample-guests/include/xen-elfnote.inc"));
            String src = notes + "\nsection .text\nglobal _start\n" + body + "\n"
                + "section .text.hypercall_page progbits alloc exec nowrite align=4096\n"
                + "hypercall_page: times 4096 db 0xC3\n"
                + "section .note.Xen note alloc noexec nowrite align=4\n"
                + "    ELFNOTE \"Xen\", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page\n"
                + "    ELFNOTE \"Xen\", XEN_ELFNOTE_PAE_MODE, db \"yes\", 0\n";
            return Files.writeString(dir.resolve(name), src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
