package org.xenoscope.asm.nasm;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assembler: NASM-syntax source in, a flat binary or a static ELF32 executable out.
 *
 * <pre>
 *   source ──Preprocessor──▶ PLines ──Parser──▶ Stmts ──Pass 1..n──▶ sections ──▶ bin image / ElfWriter
 *                 (%include, %define,      (labels, operands,   (until no label or
 *                  %macro, %if, %rep)       directives)          section moves)
 * </pre>
 *
 * <p>Passes: every pass evaluates every statement with the symbols of the previous pass for forward references,
 * and the sections are laid out again after it. The assembly is done when a pass (the second or later) leaves
 * every symbol value and section address as the pass before it: then its bytes are consistent. Instructions
 * start long and shrink as values become known, branches start short and grow when out of reach, so the result
 * is NASM's (-Ox). After {@link #MAX_PASSES} passes without convergence it is an error.
 *
 * <p>Errors: all input problems are reported together in one {@link AsmErrors} (at most
 * {@link Options#maxErrors()} of them), each as {@code file:line:column: message} with the source line; a bug
 * inside the assembler becomes an error "internal error: ..." rather than another exception.
 */
public final class Assembler {
    /** Output formats. */
    public enum Format { BIN, ELF }

    /**
     * Options of one assembly.
     *
     * @param format      output format
     * @param includeDirs directories searched by {@code %include} and {@code incbin} after the including file's
     * @param maxErrors   stop after this many errors
     */
    public record Options(Format format, List<Path> includeDirs, int maxErrors) {
        public Options {
            includeDirs = List.copyOf(includeDirs);
            if (maxErrors < 1) {
                throw new IllegalArgumentException("maxErrors must be positive");
            }
        }

        /** Flat binary, no include directories, 20 errors. */
        public static Options bin() {
            return new Options(Format.BIN, List.of(), 20);
        }

        /** ELF executable, no include directories, 20 errors. */
        public static Options elf() {
            return new Options(Format.ELF, List.of(), 20);
        }

        public Options withIncludeDirs(List<Path> dirs) {
            return new Options(format, dirs, maxErrors);
        }
    }

    /** Largest output (and largest section) the assembler produces. */
    static final long MAX_OUTPUT = 64L * 1024 * 1024;
    /** Largest reservation ({@code resb}) in nobits or absolute space: the 32-bit address space. */
    static final long MAX_ADDRESS = 1L << 32;
    static final int MAX_PASSES = 40;

    private final Options options;
    private final InsnEncoder encoder;

    private Assembler(Options options, InsnEncoder encoder) {
        this.options = options;
        this.encoder = encoder;
    }

    /** Assembles the file {@code file}; throws {@link AsmErrors} for any problem, including an unreadable file. */
    public static Assembly assembleFile(Path file, Options options) {
        Sources sources = new Sources(options.includeDirs());
        SourceFile main;
        String name = file.toString();
        try {
            main = sources.main(file, name);
        } catch (NoSuchFileException e) {
            throw new AsmErrors(List.of(new AsmError(name, 0, 0, "no such file", "", false)));
        } catch (IOException | RuntimeException e) {
            throw new AsmErrors(List.of(new AsmError(name, 0, 0, "cannot read: " + e.getMessage(), "", false)));
        }
        return new Assembler(options, Encoder::encode).run(main, sources);
    }

    /**
     * Assembles {@code source} given as text under the name {@code name}; {@code %include} and {@code incbin}
     * names are looked up in the working directory and the include directories.
     */
    public static Assembly assemble(String name, String source, Options options) {
        return assemble(name, source, options, Encoder::encode);
    }

    /** As {@link #assemble(String, String, Options)} with another instruction encoder (tests). */
    static Assembly assemble(String name, String source, Options options, InsnEncoder encoder) {
        Sources sources = new Sources(options.includeDirs());
        return new Assembler(options, encoder).run(Sources.fromText(name, source, Path.of("")), sources);
    }

    /** The whole assembly, with every exception turned into {@link AsmErrors}. */
    private Assembly run(SourceFile main, Sources sources) {
        Diag front = new Diag(options.maxErrors());
        try {
            return assemble(main, sources, front);
        } catch (AsmErrors e) {
            throw e;
        } catch (Diag.Limit e) {
            throw fail(front.all(), main);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            List<AsmError> all = front.all();
            all.add(new AsmError(main.name(), 0, 0, "internal error: " + e, "", false));
            throw new AsmErrors(all);
        }
    }

    /** Preprocesses, parses and runs passes until the layout settles; builds the result or throws the errors. */
    private Assembly assemble(SourceFile main, Sources sources, Diag front) {
        List<PLine> lines = new Preprocessor(sources, front).run(main);
        List<Stmt> stmts = new Parser(front, sources).parse(lines);
        if (stmts.isEmpty()) {
            stmts = List.of(new Stmt(0, new PLine(List.of(), new SrcPos(main, 1, 1), null, 0, true), null, null,
                null, null));
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put(".text", new Section(".text", 0));
        Map<String, Sym> prev = new HashMap<>();
        long[] lastSizes = new long[stmts.size()];
        Pass pass = null;
        boolean converged = false;
        for (int n = 1; n <= MAX_PASSES && !converged; n++) {
            pass = new Pass(n, new Diag(Integer.MAX_VALUE), sections, prev, encoder, lastSizes,
                options.format() == Format.BIN);
            pass.run(stmts);
            pass.reportUndefined();
            Map<String, Long> before = bases(sections);
            if (options.format() == Format.BIN) {
                Layout.placeBin(sections.values(), pass.origin != null ? pass.origin : 0);
            } else {
                Layout.placeElf(sections.values(), pass.origin);
            }
            converged = n >= 2 && before.equals(bases(sections)) && sameSymbols(pass.syms, prev);
            prev = pass.syms;
            lastSizes = pass.sizes;
        }
        List<AsmError> all = Diag.merge(front, pass.diag);
        if (!converged) {
            all.add(new AsmError(main.name(), 0, 0, "the assembly does not settle after " + MAX_PASSES
                + " passes: some size depends on a label it moves (a `times' or `align' before that label?)", "",
                false));
        }
        if (all.stream().anyMatch(e -> !e.warning())) {
            throw fail(all, main);
        }
        return Output.build(pass, sections, options.format(), all, stmts.size());
    }

    private static Map<String, Long> bases(Map<String, Section> sections) {
        Map<String, Long> m = new HashMap<>();
        for (Section s : sections.values()) {
            m.put(s.name, s.base);
        }
        return m;
    }

    /** True when both passes define the same symbols at the same section offsets. */
    private static boolean sameSymbols(Map<String, Sym> a, Map<String, Sym> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, Sym> e : a.entrySet()) {
            if (!e.getValue().sameAs(b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The errors, cut after {@code maxErrors} errors, as the exception to throw. */
    private AsmErrors fail(List<AsmError> all, SourceFile main) {
        List<AsmError> out = new ArrayList<>();
        int errors = 0;
        for (AsmError e : all) {
            if (!e.warning() && errors == options.maxErrors()) {
                out.add(new AsmError(main.name(), 0, 0, "too many errors, stopping after " + errors, "", false));
                break;
            }
            out.add(e);
            if (!e.warning()) {
                errors++;
            }
        }
        return new AsmErrors(out);
    }
}
