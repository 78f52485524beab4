package org.xenoscope.asm.nasm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the errors and warnings of one stage of an assembly (preprocessing and parsing, or one pass). When the
 * error limit is reached it throws {@link Limit}, which the {@link Assembler} catches to stop early. Duplicate
 * diagnostics (the same text at the same place, e.g. from a macro expanded twice) are kept once.
 */
final class Diag {
    /** Thrown when the error limit is reached; carries nothing, the errors are in the {@link Diag}. */
    static final class Limit extends RuntimeException {
        Limit() {
            super("too many errors", null, false, false);
        }
    }

    private final int maxErrors;
    private final Set<AsmError> seen = new LinkedHashSet<>();
    private final List<Entry> entries = new ArrayList<>();
    private int errors;
    /** Sort key of what is reported now (a statement's number in a pass): {@link #all} sorts by it, stably. */
    int key;

    private record Entry(int key, int seq, AsmError error) {
    }

    Diag(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    /** Reports an error at {@code pos}; {@code context} (may be null) is appended, e.g. the macro call site. */
    void error(SrcPos pos, String message, String context) {
        if (add(pos, message, context, false)) {
            errors++;
            if (errors >= maxErrors) {
                throw new Limit();
            }
        }
    }

    void error(SrcPos pos, String message) {
        error(pos, message, null);
    }

    /** Reports a warning at {@code pos}. */
    void warning(SrcPos pos, String message, String context) {
        add(pos, message, context, true);
    }

    /** Reports an error that has no source position (a file that cannot be read, a limit). */
    void error(String file, String message) {
        if (put(new AsmError(file, 0, 0, message, "", false))) {
            errors++;
        }
    }

    private boolean add(SrcPos pos, String message, String context, boolean warning) {
        String msg = context == null ? message : message + " (" + context + ")";
        return put(new AsmError(pos.file().name(), pos.line(), pos.col(), msg, pos.lineText(), warning));
    }

    private boolean put(AsmError e) {
        if (!seen.add(e)) {
            return false;
        }
        entries.add(new Entry(key, entries.size(), e));
        return true;
    }

    boolean hasErrors() {
        return errors > 0;
    }

    int errorCount() {
        return errors;
    }

    /** Errors and warnings ordered by {@link #key}, then in the order they were reported. */
    List<AsmError> all() {
        return merge(this, new Diag(1));
    }

    /**
     * The diagnostics of both, ordered by {@link #key} (the statement they belong to), those of {@code first}
     * before those of {@code second} for the same statement, otherwise in the order they were reported.
     */
    static List<AsmError> merge(Diag first, Diag second) {
        List<Entry> sorted = new ArrayList<>(first.entries);
        int base = sorted.size();
        for (Entry e : second.entries) {
            sorted.add(new Entry(e.key(), base + e.seq(), e.error()));
        }
        sorted.sort(Comparator.comparingInt(Entry::key).thenComparingInt(Entry::seq));
        List<AsmError> out = new ArrayList<>();
        for (Entry e : sorted) {
            out.add(e.error());
        }
        return out;
    }
}
