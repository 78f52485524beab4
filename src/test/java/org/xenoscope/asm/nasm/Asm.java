package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;

/** Test helper: assembles sources given as text with the {@link FakeEncoder} (front-end tests). */
final class Asm {
    private Asm() {
    }

    static Assembly bin(String src) {
        return Assembler.assemble("t.asm", src, Assembler.Options.bin(), new FakeEncoder());
    }

    static Assembly bin(String src, List<Path> includeDirs) {
        return Assembler.assemble("t.asm", src, Assembler.Options.bin().withIncludeDirs(includeDirs),
            new FakeEncoder());
    }

    static Assembly elf(String src) {
        return Assembler.assemble("t.asm", src, Assembler.Options.elf(), new FakeEncoder());
    }

    /** The bytes as lower-case hex pairs separated by spaces. */
    static String hex(Assembly a) {
        return hex(a.image());
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }

    /** The errors of a source that must fail. */
    static AsmErrors errors(String src) {
        AsmErrors[] caught = new AsmErrors[1];
        ThrowableAssert.ThrowingCallable call = () -> {
            try {
                bin(src);
            } catch (AsmErrors e) {
                caught[0] = e;
                throw e;
            }
        };
        assertThatThrownBy(call).isInstanceOf(AsmErrors.class);
        return caught[0];
    }

    /** The headlines of the errors of a source that must fail. */
    static List<String> headlines(String src) {
        return errors(src).errors().stream().map(AsmError::headline).toList();
    }
}
