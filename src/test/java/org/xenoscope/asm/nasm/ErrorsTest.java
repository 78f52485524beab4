package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorsTest {
    @TempDir
    Path dir;

    @Test
    void positionSourceLineAndCaret() {
        AsmErrors e = Asm.errors("bits 32\nstart:\n    push  missing + 1\n");
        assertThat(e.errors()).hasSize(1);
        AsmError x = e.errors().get(0);
        assertThat(x.headline()).isEqualTo("t.asm:3:11: symbol `missing' not defined");
        assertThat(x.render()).isEqualTo("""
            t.asm:3:11: symbol `missing' not defined
                    push  missing + 1
                          ^""");
    }

    @Test
    void tabsInTheSourceLineKeepTheCaretAligned() {
        AsmError x = Asm.errors("\tdb\tnothing\n").errors().get(0);
        assertThat(x.column()).isEqualTo(5);
        assertThat(x.render()).endsWith("\n     db nothing\n        ^");
    }

    @Test
    void goesOnAfterAnErrorAndReportsAll() {
        List<String> h = Asm.headlines("""
            bits 32
            db 1 +
            db )
            ok: db 1
            push ok
            foo bar
            dd ok, nothere
            times -1 db 0
            x: db 1
            x: db 2
            """);
        assertThat(h).containsExactly(
            "t.asm:2:7: expression expected at end of line",
            "t.asm:3:4: expression syntax error at `)'",
            "t.asm:6:1: parser: instruction expected",
            "t.asm:7:8: symbol `nothere' not defined",
            "t.asm:8:7: TIMES value -1 is negative",
            "t.asm:10:1: symbol `x' redefined (first defined at t.asm:9)");
    }

    @Test
    void stopsAfterTwentyErrors() {
        StringBuilder src = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            src.append("dd undefined").append(i).append('\n');
        }
        List<AsmError> e = Asm.errors(src.toString()).errors();
        assertThat(e).hasSize(21);
        assertThat(e.get(20).headline()).isEqualTo("t.asm: too many errors, stopping after 20");
    }

    @Test
    void errorInAnIncludedFileIsBlamedOnThatFile() {
        NasmRef.write(dir, "defs.inc", "; definitions\nK equ 1\nbad equ (2\n");
        Path main = NasmRef.write(dir, "main.asm", "%include \"defs.inc\"\ndb K\n");
        AsmErrors e = assertThrows(AsmErrors.class, () -> Assembler.assembleFile(main, Assembler.Options.bin()));
        assertThat(e.errors()).singleElement().satisfies(x -> {
            assertThat(x.headline()).isEqualTo("defs.inc:3:11: expecting `)'");
            assertThat(x.sourceLine()).isEqualTo("bad equ (2");
        });
        assertThat(e.render()).contains("    bad equ (2\n              ^");
    }

    @Test
    void errorInAMacroBodyNamesTheCall() {
        List<String> h = Asm.headlines("""
            %macro put 1
              db %1
              dd oops
            %endmacro
            put 1
            put nope
            """);
        assertThat(h).containsExactly(
            "t.asm:3:6: symbol `oops' not defined (in macro `put' called at t.asm:5)",
            "t.asm:6:5: symbol `nope' not defined (in macro `put' called at t.asm:6)",
            "t.asm:3:6: symbol `oops' not defined (in macro `put' called at t.asm:6)");
    }

    @Test
    void criticalExpressionsMayNotUseLaterLabels() {
        assertThat(Asm.headlines("times later db 0\nlater:\n"))
            .containsExactly("t.asm:1:7: non-constant argument supplied to TIMES (`later' is defined later)");
        assertThat(Asm.headlines("resb N\nN equ 4\n"))
            .containsExactly("t.asm:1:6: non-constant argument supplied to `resb' (`N' is defined later)");
    }

    @Test
    void encoderErrorsAndInternalErrors() {
        assertThat(Asm.headlines("bits 32\n  push eax\n"))
            .containsExactly("t.asm:2:3: invalid combination of opcode and operands");
        assertThat(Asm.headlines("bits 32\nboom 1\n"))
            .containsExactly("t.asm:2:1: internal error: java.lang.NullPointerException: simulated bug");
    }

    @Test
    void missingFiles() {
        AsmErrors e = assertThrows(AsmErrors.class,
            () -> Assembler.assembleFile(dir.resolve("none.asm"), Assembler.Options.bin()));
        assertThat(e.getMessage()).endsWith("none.asm: no such file");
        assertThat(Asm.headlines("%include \"nowhere.inc\"\n"))
            .containsExactly("t.asm:1:10: unable to open include file `nowhere.inc'");
        assertThat(Asm.headlines("incbin \"nowhere.bin\"\n"))
            .containsExactly("t.asm:1:8: `incbin': unable to open file `nowhere.bin'");
    }

    @Test
    void oneLineForCallersThatShowOne() {
        AsmErrors e = Asm.errors("db x\ndb y\n");
        assertThat(e.toBadInput().oneLine()).isEqualTo("t.asm:1: 4: symbol `x' not defined (and 1 more)");
    }
}
