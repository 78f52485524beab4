package org.xenoscope.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.guests.GuestBuilds;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.Sem;
import org.xenoscope.testutil.Tools;

/**
 * Xenoscope's disassembler against GNU objdump ({@code -d -M intel}): the gcc-built sample guests listed whole
 * (ELF and Linux builds, with and without raw bytes), every instruction-table row in canonical and odd encodings,
 * random instances of the rows, and the NASM coverage sources. Instruction boundaries, bytes and text must agree
 * on every line after {@link Objdump#normalise} (white space only); the first differences are reported.
 *
 * <p>Not compared: the text of x87 instructions (the table knows them only as escapes, see the package comment;
 * their boundaries are compared), and the few encodings the simulated CPU reads differently from objdump on
 * purpose ({@link #knownDivergence}).
 */
class ObjdumpCrossCheckTest {
    /** Where the table instances are placed: above 64 KiB, so that 16-bit branch targets visibly wrap. */
    static final int ORG = 0x12340;
    private static final int MAX_REPORTED = 25;

    @TempDir
    Path dir;

    @Test
    void gccGuestsAreListedExactlyAsObjdumpListsThem() throws IOException {
        Tools.require("objdump", "gcc", "ld", "make");
        Path build = GuestBuilds.build();
        List<String> diffs = new ArrayList<>();
        int lines = 0;
        for (GuestBuilds.Guest g : GuestBuilds.cPrograms()) {
            for (Path file : List.of(g.elf(build), g.linux(build))) {
                ElfImage elf = ElfImage.parse(file.getFileName().toString(), Files.readAllBytes(file));
                for (boolean raw : new boolean[] {true, false}) {
                    List<String> cmd = new ArrayList<>(List.of("objdump", "-d", "-M", "intel"));
                    if (!raw) {
                        cmd.add("--no-show-raw-insn");
                    }
                    cmd.add(file.getFileName().toString());
                    List<String> theirs = Objdump.normalisedLines(Tools.check(build, cmd, 60).stdout());
                    List<String> ours = Objdump.normalisedLines(Listing.of(elf,
                        new Listing.Options(raw, true, -1, 0)));
                    lines += theirs.size();
                    compareLines(file.getFileName() + (raw ? "" : " (no raw bytes)"), ours, theirs, diffs);
                }
            }
        }
        assertThat(lines).as("objdump listed the guests").isGreaterThan(5000);
        assertThat(diffs).as("differences from objdump -d -M intel").isEmpty();
    }

    /**
     * The NASM coverage sources (src/test/resources/asm): each assembled with {@code nasm -f bin} at its
     * {@code org}, listed by both disassemblers, compared line by line; the own source must reach every table
     * row except the x87 escapes.
     */
    @Test
    void coverageSourcesAreListedAsObjdumpListsThem() throws IOException {
        Tools.require("nasm", "objdump");
        List<String> diffs = new ArrayList<>();
        for (String name : COVERAGE_SOURCES) {
            Path src = Tools.projectRoot().resolve("src/test/resources/asm").resolve(name);
            if (!Files.exists(src)) {
                continue;
            }
            int org = org(Files.readString(src));
            Path bin = dir.resolve(name + ".bin");
            Tools.check(dir, List.of("nasm", "-f", "bin", "-o", bin.toString(), src.toString()), 60);
            byte[] code = Files.readAllBytes(bin);
            List<Objdump.Line> theirs = new ArrayList<>(Objdump.flat(code, org, dir).values());
            List<Objdump.Line> ours = new ArrayList<>(Objdump.ours(code, org).values());
            for (int k = 0; k < Math.max(ours.size(), theirs.size()) && diffs.size() < MAX_REPORTED; k++) {
                Objdump.Line o = k < ours.size() ? ours.get(k) : null;
                Objdump.Line t = k < theirs.size() ? theirs.get(k) : null;
                if (o == null || !o.equals(t)) {
                    diffs.add(name + " instruction " + (k + 1) + "\n   ours:    " + o + "\n   objdump: " + t);
                }
            }
            if (name.equals(OWN_SOURCE)) {
                assertThat(missingRows(code)).as("table rows that " + name + " does not reach").isEmpty();
                assertThat(ours).as("instructions in " + name).hasSizeGreaterThan(500);
            }
        }
        assertThat(diffs).as("differences from objdump -D -b binary -m i386 -M intel").isEmpty();
    }

    /** The own source, and the coverage file of the assembler's encoder (compared when it exists). */
    static final String OWN_SOURCE = "disasm-coverage.asm";
    static final List<String> COVERAGE_SOURCES = List.of(OWN_SOURCE, "coverage.asm");

    /** The address of an {@code org} directive in a NASM source, or 0. */
    static int org(String source) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?mi)^\\s*\\[?org\\s+(0x[0-9a-f]+|\\d+)")
            .matcher(source);
        return m.find() ? Integer.decode(m.group(1)) : 0;
    }

    /** The non-x87 table rows that no instruction of {@code code} decodes to. */
    private static List<String> missingRows(byte[] code) {
        java.util.Set<InsnForm> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int off = 0;
        while (off < code.length) {
            int at = off;
            try {
                org.xenoscope.machine.cpu.Insn i = org.xenoscope.machine.cpu.Decoder.decode(
                    k -> at + k < code.length ? code[at + k] & 0xFF : 0, true);
                seen.add(i.form);
                off += i.len;
            } catch (org.xenoscope.machine.intr.CpuFault e) {
                off++;
            }
        }
        return TableInstances.rows().stream().filter(f -> !seen.contains(f)).map(InsnForm::toString).toList();
    }

    private static void compareLines(String what, List<String> ours, List<String> theirs, List<String> diffs) {
        for (int k = 0; k < Math.max(ours.size(), theirs.size()) && diffs.size() < MAX_REPORTED; k++) {
            String o = k < ours.size() ? ours.get(k) : "(end)";
            String t = k < theirs.size() ? theirs.get(k) : "(end)";
            if (!o.equals(t)) {
                diffs.add(what + " line " + (k + 1) + "\n   ours:    " + o + "\n   objdump: " + t);
            }
        }
    }

    /**
     * Encodings where objdump and the CPU disagree on purpose (see the package comment): objdump reads F3 0F BC/BD
     * as TZCNT/LZCNT, F2 0F BC/BD as "(bad)", and 66/F2/F3 0F 09 as WBNOINVD or "(bad)"; the simulated CPU, which
     * predates those extensions, executes BSF, BSR and WBINVD. These instances are left out (objdump's "(bad)"
     * may cover fewer bytes and so shift the instances after it).
     */
    private static boolean knownDivergence(TableInstances.Instance in) {
        byte[] b = in.bytes();
        Sem s = in.form().sem();
        for (int k = 0; k < b.length && IntelNames.isPrefix(b[k] & 0xFF); k++) {
            int p = b[k] & 0xFF;
            if ((s == Sem.WBINVD && (p == 0x66 || p == 0xF2 || p == 0xF3))
                || ((s == Sem.BSF || s == Sem.BSR) && (p == 0xF2 || p == 0xF3))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyTableRowIsPrintedAsObjdumpPrintsIt() {
        List<String> diffs = compareInstances(TableInstances.all(), 20_000);
        assertThat(diffs).as("differences from objdump -D -b binary -m i386 -M intel").isEmpty();
    }

    /** Random instances of the rows (random ModRM, SIB, displacements, immediates and prefixes), 3 seeds. */
    @Test
    void randomInstancesOfTheRowsArePrintedAsObjdumpPrintsThem() {
        for (long seed = 1; seed <= 3; seed++) {
            List<String> diffs = compareInstances(TableInstances.random(seed, 15_000), 14_000);
            assertThat(diffs).as("differences from objdump, seed " + seed).isEmpty();
        }
    }

    /**
     * Places the instances one after another at {@link #ORG}, lists them with objdump and with Xenoscope, and
     * returns the first differences: an instance must start an objdump line, cover the same bytes, and have the
     * same text (x87 escapes: the same bytes only). {@link #knownDivergence}s are left out; at least
     * {@code minCompared} must be compared.
     */
    private List<String> compareInstances(List<TableInstances.Instance> all, int minCompared) {
        Map<Long, TableInstances.Instance> at = new LinkedHashMap<>();
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (TableInstances.Instance in : all) {
            if (knownDivergence(in)) {
                continue;
            }
            at.put((long) ORG + code.size(), in);
            code.writeBytes(in.bytes());
            if (in.form().sem() == Sem.FWAIT) {
                code.write(0x90); // objdump would take a following x87 escape as part of the FWAIT
            }
        }
        byte[] bin = code.toByteArray();
        Map<Long, Objdump.Line> theirs = Objdump.flat(bin, ORG, dir);
        Map<Long, Objdump.Line> ours = Objdump.ours(bin, ORG);
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<Long, TableInstances.Instance> e : at.entrySet()) {
            InsnForm f = e.getValue().form();
            Objdump.Line o = ours.get(e.getKey());
            Objdump.Line t = theirs.get(e.getKey());
            String expectBytes = java.util.HexFormat.ofDelimiter(" ").formatHex(e.getValue().bytes());
            boolean same = o != null && t != null && o.bytes().equals(expectBytes) && t.bytes().equals(expectBytes)
                && (f.sem() == Sem.FPU || o.text().equals(t.text()));
            if (!same && diffs.size() < MAX_REPORTED) {
                diffs.add("row " + f + "\n   ours:    " + o + "\n   objdump: " + t);
            }
        }
        assertThat(at.size()).as("instances compared").isGreaterThanOrEqualTo(minCompared);
        return diffs;
    }
}
