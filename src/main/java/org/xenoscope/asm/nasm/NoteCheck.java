package org.xenoscope.asm.nasm;

import java.util.List;

/**
 * Checks the contents of the note sections of an ELF output with the rules the loaders apply (Xenoscope's
 * {@link org.xenoscope.asm.elf.ElfImage}, Xen's libelf): a sequence of notes, each
 * {@code namesz, descsz, type, name (padded to 4), desc (padded to 4)}, then at most zero padding. A malformed
 * note is an assembly error at the line that wrote its header, so the student sees it before the loader does.
 */
final class NoteCheck {
    private NoteCheck() {
    }

    /** Throws {@link AsmErrors} when a note section of {@code pass} is malformed. */
    static void check(Pass pass, List<Section> sections) {
        for (Section s : sections) {
            if (!s.note || s.nobits) {
                continue;
            }
            String problem = null;
            long at = 0;
            byte[] b = s.bytes();
            long p = 0;
            while (b.length - p >= 12 && problem == null) {
                long namesz = u32(b, p);
                long descsz = u32(b, p + 4);
                long descOff = p + 12 + align4(namesz);
                if (descOff + descsz > b.length) {
                    problem = "malformed ELF note in section `" + s.name + "': namesz " + namesz + " and descsz "
                        + descsz + " run past the end of the section";
                    at = p;
                } else {
                    p = descOff + align4(descsz);
                }
            }
            for (long q = p; q < b.length && problem == null; q++) {
                if (b[(int) q] != 0) {
                    problem = "malformed ELF note in section `" + s.name + "': " + (b.length - p)
                        + " stray bytes after the last note";
                    at = p;
                }
            }
            if (problem != null) {
                throw new AsmErrors(List.of(blame(pass, s, at, problem
                    + " (write notes with the ELFNOTE macro of xen-elfnote.inc)")));
            }
        }
    }

    /** The error at the statement whose bytes contain offset {@code at} of section {@code s}. */
    private static AsmError blame(Pass pass, Section s, long at, String message) {
        for (Pass.Placed pl : pass.placed) {
            if (pl.section() == s && at >= pl.offset() && at < pl.offset() + pl.length()) {
                SrcPos pos = Pass.opPos(pl.stmt());
                return new AsmError(pos.file().name(), pos.line(), pos.col(), message, pos.lineText(), false);
            }
        }
        return new AsmError("output", 0, 0, message, "", false);
    }

    private static long u32(byte[] b, long p) {
        int i = (int) p;
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }
}
