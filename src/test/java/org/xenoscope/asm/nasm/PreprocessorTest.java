package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @TempDir
    Path dir;

    private static String hex(String src) {
        return Asm.hex(Asm.bin(src));
    }

    @Test
    void singleLineMacros() {
        assertThat(hex("""
            %define ONE 1
            %define add(a, b) a + b
            %define twice(x) add(x, x)
            db ONE, add(2, 3), twice(ONE + 1)
            %undef ONE
            %ifdef ONE
            db 99
            %endif
            """)).isEqualTo("01 05 04");
    }

    @Test
    void recursiveDefineStopsExpanding() {
        assertThat(Asm.headlines("%define x x + 1\ndb x\n")).containsExactly("t.asm:2:4: symbol `x' not defined");
    }

    @Test
    void xdefineExpandsAtDefinitionAndIdefineIgnoresCase() {
        assertThat(hex("""
            %define A 1
            %xdefine B A
            %define A 2
            %idefine Three 3
            db B, A, THREE, three
            """)).isEqualTo("01 02 03 03");
    }

    @Test
    void assignEvaluatesAndRepRepeats() {
        assertThat(hex("""
            %assign i 0
            %rep 4
              db i * i
              %assign i i + 1
              %if i == 3
                %exitrep
              %endif
            %endrep
            %assign n -5
            db n
            """)).isEqualTo("00 01 04 fb");
    }

    @Test
    void conditionals() {
        assertThat(hex("""
            %define MODE 2
            %if MODE == 1
              db 1
            %elif MODE == 2
              db 2
              %if 0
                db 0
              %else
                db 3
              %endif
            %else
              db 4
            %endif
            %ifndef NOPE
              db 5
            %endif
            %ifidn MODE, 2
              db 6
            %endif
            %ifidni abc, ABC
              db 7
            %endif
            %ifnum MODE
              db 8
            %endif
            %ifstr "x"
              db 9
            %endif
            """)).isEqualTo("02 03 05 06 07 08 09");
    }

    @Test
    void falseBranchesMayContainAnything() {
        assertThat(hex("%if 0\n this is not ' valid at all %%% \n%unknown\n%endif\ndb 1\n")).isEqualTo("01");
    }

    @Test
    void multiLineMacrosWithParametersLocalsAndCount() {
        assertThat(hex("""
            %macro pair 2
              db %1, %2, %0
            %endmacro
            %macro spin 0
            %%top: db %%top - $$
            %endmacro
            pair 1, 2
            spin
            spin
            """)).isEqualTo("01 02 02 03 04");
    }

    @Test
    void greedyDefaultsRotateAndBraces() {
        assertThat(hex("""
            %macro all 1+
              db %1
            %endmacro
            %macro opt 1-3 7, 8
              db %1, %2, %3
            %endmacro
            %macro rot 3
              %rotate 1
              db %1, %2, %3
            %endmacro
            %macro one 1
              db %1
            %endmacro
            all 1, 2, 3
            opt 1
            opt 1, 2
            rot 1, 2, 3
            one {4, 5}
            """)).isEqualTo("01 02 03 01 07 08 01 02 08 02 03 01 04 05");
    }

    @Test
    void pastingNextToParameters() {
        assertThat(Asm.bin("""
            %macro lbl 1
            start_%1: db 1
            %1_end: db 2
            x%+%1: db 3
            %endmacro
            lbl foo
            """).symbols()).containsKeys("start_foo", "foo_end", "xfoo");
    }

    @Test
    void macroCallAfterALabel() {
        Assembly a = Asm.bin("%macro two 0\ndb 1, 2\n%endmacro\ndb 0\nhere: two\n");
        assertThat(Asm.hex(a)).isEqualTo("00 01 02");
        assertThat(a.symbols()).containsEntry("here", 1L);
    }

    @Test
    void includeRelativeToTheFileThenIncludeDirs() {
        NasmRef.write(dir, "sub/inner.inc", "db 2\n%include \"deep.inc\"\n");
        NasmRef.write(dir, "sub/deep.inc", "db 3\n");
        NasmRef.write(dir, "lib/libfile.inc", "db 4\n");
        Path main = NasmRef.write(dir, "sub/main.asm", "db 1\n%include \"inner.inc\"\n%include \"libfile.inc\"\n");
        Assembly a = Assembler.assembleFile(main, new Assembler.Options(Assembler.Format.BIN,
            List.of(dir.resolve("lib")), 20));
        assertThat(Asm.hex(a)).isEqualTo("01 02 03 04");
        assertThat(a.listing()).anyMatch(l -> l.file().equals("deep.inc") && l.line() == 1 && l.length() == 1);
    }

    @Test
    void recursiveIncludeIsAnErrorNotAHang() {
        Path f = NasmRef.write(dir, "self.asm", "db 1\n%include \"self.asm\"\n");
        AsmErrors e = org.junit.jupiter.api.Assertions.assertThrows(AsmErrors.class,
            () -> Assembler.assembleFile(f, Assembler.Options.bin()));
        assertThat(e.getMessage()).contains("nested more than");
    }

    @Test
    void runawayMacroIsAnError() {
        assertThat(Asm.errors("%macro r 0\nr\n%endmacro\nr\n").getMessage()).contains("nested more than");
        assertThat(Asm.errors("%rep 1500000\nnop\n%endrep\n").getMessage()).contains("lines after macro expansion");
    }

    @Test
    void errorAndWarningDirectives() {
        assertThat(Asm.headlines("%warning \"careful\"\n%error \"stop here\"\n"))
            .containsExactly("t.asm:1:1: warning: careful", "t.asm:2:1: stop here");
    }

    @Test
    void builtinFileAndLine() {
        assertThat(hex("\ndb __LINE__, __FILE__\n")).isEqualTo("02 74 2e 61 73 6d");
    }

    @Test
    void structuralErrors() {
        assertThat(Asm.headlines("%if 1\ndb 1\n")).containsExactly("t.asm:1:1: `%if' without `%endif' in this file");
        assertThat(Asm.headlines("%endif\n")).containsExactly("t.asm:1:1: `%endif': no matching `%if'");
        assertThat(Asm.headlines("%macro m 1\ndb 1\n")).containsExactly("t.asm:1:1: `%macro' without `%endmacro'");
        assertThat(Asm.headlines("%macro m 1\ndb %1\n%endmacro\nm\n"))
            .containsExactly("t.asm:4:1: macro `m' exists, but not taking 0 parameters");
        assertThat(Asm.headlines("%push ctx\n"))
            .containsExactly("t.asm:1:1: `%push' is not supported by Xenoscope's assembler");
        assertThat(Asm.headlines("%if x\n%endif\n")).hasSize(1).first().asString().contains("`x' is not defined here");
    }
}
