package org.xenoscope.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xenoscope.testutil.PvGuests;
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

    /** Writes the PAE PV guest {@link PvGuests#source(String) source(body)} to {@code dir/name} and returns it. */
    static Path write(Path dir, String name, String body) {
        try {
            return Files.writeString(dir.resolve(name), PvGuests.source(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
