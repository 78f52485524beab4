package org.xenoscope.asm.nasm;

import java.util.List;
import java.util.stream.Collectors;
import org.xenoscope.asm.BadInputException;

/**
 * The one exception type the assembler throws: every error of a failed assembly (up to the error limit), in
 * source order of discovery, with positions. Internal bugs reach the caller as an error "internal error: ..."
 * inside this exception, never as another exception type.
 */
public final class AsmErrors extends RuntimeException {
    private final List<AsmError> errors;

    public AsmErrors(List<AsmError> errors) {
        super(errors.stream().map(AsmError::headline).collect(Collectors.joining("\n")), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** The errors (and the warnings reported before them), never empty. */
    public List<AsmError> errors() {
        return errors;
    }

    /** Every error rendered with its source line and caret, separated by newlines. */
    public String render() {
        return errors.stream().map(AsmError::render).collect(Collectors.joining("\n"));
    }

    /** The first error as a one-line {@link BadInputException}, for callers that show one line. */
    public BadInputException toBadInput() {
        AsmError e = errors.stream().filter(x -> !x.warning()).findFirst().orElse(errors.get(0));
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        String msg = e.column() > 0 ? e.column() + ": " + e.message() + more : e.message() + more;
        return new BadInputException(e.file(), e.line(), msg);
    }
}
