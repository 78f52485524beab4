package org.xenoscope.debug;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.xenoscope.asm.BadInputException;

/**
 * Saved simulations ({@code .xsnap}): a text file holding what rebuilds the run exactly — the spec (kind, name,
 * memory, command line, the guest image), the journal of the user's changes and the position (cycles). Loading
 * replays the run to that position, so the saved moment comes back bit-identical.
 *
 * <pre>
 *  xenoscope-snapshot 1
 *  kind PV | BARE_METAL
 *  name hello.elf
 *  memory 32
 *  cmdline BASE64
 *  cycles 123456
 *  image BASE64
 *  name b.elf                                (zero or more further guests of a PV system: a name line,
 *  image BASE64                               then its image line; files with one guest read as before)
 *  journal CYCLES REG|MEM A VALUE BASE64     (zero or more lines)
 * </pre>
 */
public final class SnapshotFile {
    static final String MAGIC = "xenoscope-snapshot 1";

    private SnapshotFile() {
    }

    /** Contract: writes {@code e}'s spec, journal and position to {@code file}; an unwritable file is bad input. */
    public static void save(Engine e, Path file) {
        SystemSpec s = e.spec();
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder t = new StringBuilder(MAGIC).append('\n');
        t.append("kind ").append(s.kind()).append('\n');
        t.append("name ").append(s.name().replace('\n', ' ')).append('\n');
        t.append("memory ").append(s.memoryMb()).append('\n');
        t.append("cmdline ").append(b64.encodeToString(s.cmdline().getBytes(StandardCharsets.UTF_8))).append('\n');
        t.append("cycles ").append(e.cycles()).append('\n');
        t.append("image ").append(b64.encodeToString(s.image())).append('\n');
        for (SystemSpec.Guest g : s.others()) {
            t.append("name ").append(g.name().replace('\n', ' ')).append('\n');
            t.append("image ").append(b64.encodeToString(g.image())).append('\n');
        }
        for (Journal.Entry j : e.journal().entries()) {
            t.append("journal ").append(j.cycles()).append(' ').append(j.kind()).append(' ').append(j.a())
                .append(' ').append(j.value()).append(' ').append(b64.encodeToString(j.data())).append('\n');
        }
        try {
            Files.writeString(file, t, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new BadInputException(file.toString(), "cannot write: " + ex.getMessage());
        }
    }

    /**
     * Contract: reads {@code file} and returns an engine standing at the saved position. A malformed file is bad
     * input reported with its line number; nothing is built until the whole file has been read.
     */
    public static Engine load(Path file) {
        String name = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new BadInputException(name, "cannot read: " + ex.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new BadInputException(name, 1, "not a Xenoscope snapshot (expected '" + MAGIC + "')");
        }
        Parsed p = new Parsed();
        for (int i = 1; i < lines.size(); i++) {
            p.line(name, i + 1, lines.get(i));
        }
        p.check(name);
        Engine e = new Engine(new SystemSpec(p.kind, p.specName, p.image, p.memory, p.cmdline,
            p.others));
        e.load(p.journal, p.cycles);
        return e;
    }

    /** The fields of a snapshot file as they are read. */
    private static final class Parsed {
        SystemSpec.Kind kind;
        String specName;
        int memory = -1;
        String cmdline = "";
        long cycles = -1;
        byte[] image;
        /** Further guests: a name line then an image line each, after the first guest's. */
        final List<SystemSpec.Guest> others = new ArrayList<>();
        private String otherName;
        final List<Journal.Entry> journal = new ArrayList<>();

        void line(String file, int n, String l) {
            if (l.isBlank()) {
                return;
            }
            int sp = l.indexOf(' ');
            String key = sp < 0 ? l : l.substring(0, sp);
            String v = sp < 0 ? "" : l.substring(sp + 1);
            try {
                switch (key) {
                    case "kind" -> kind = SystemSpec.Kind.valueOf(v);
                    case "name" -> name(file, n, v);
                    case "memory" -> memory = Integer.parseInt(v);
                    case "cmdline" -> cmdline = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
                    case "cycles" -> cycles = Long.parseLong(v);
                    case "image" -> image(file, n, Base64.getDecoder().decode(v));
                    case "journal" -> journal.add(entry(v));
                    default -> throw new BadInputException(file, n, "unknown field '" + key + "'");
                }
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
                throw new BadInputException(file, n, "bad value for '" + key + "': " + ex.getMessage());
            }
        }

        /** The first name line names the first guest; one after the first image starts a further guest. */
        private void name(String file, int n, String v) {
            if (image == null && specName == null) {
                specName = v;
            } else if (image != null && otherName == null) {
                otherName = v;
            } else {
                throw new BadInputException(file, n, "a guest's name must be followed by its image");
            }
        }

        private void image(String file, int n, byte[] bytes) {
            if (image == null) {
                image = bytes;
            } else if (otherName != null) {
                others.add(new SystemSpec.Guest(otherName, bytes));
                otherName = null;
            } else {
                throw new BadInputException(file, n, "a further guest's image needs a name line before it");
            }
        }

        private static Journal.Entry entry(String v) {
            String[] w = v.split(" ", -1);
            return new Journal.Entry(Long.parseLong(w[0]), Journal.Kind.valueOf(w[1]), Long.parseLong(w[2]),
                Integer.parseInt(w[3]), Base64.getDecoder().decode(w[4]));
        }

        void check(String file) {
            if (kind == null || specName == null || memory < 0 || cycles < 0 || image == null || otherName != null) {
                throw new BadInputException(file, "incomplete snapshot: needs kind, name, memory, cycles and image"
                    + " (and an image after each further name)");
            }
            if (kind == SystemSpec.Kind.BARE_METAL && !others.isEmpty()) {
                throw new BadInputException(file, "a bare-metal snapshot holds one kernel");
            }
        }
    }
}
