package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.guests.GuestBuilds.Expectation;
import org.xenoscope.guests.GuestBuilds.HeaderException;

/** The expected-outcome header format of the sample guests (sample-guests/bare-metal/README.md). */
class GuestHeaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsOutputLinesExitStatusAndLimitFromCComments() throws IOException {
        Path p = file("p.c", """
            // p.c: a program. Note: prose with a colon is not a header.
            //
            // expect-output: first line
            // expect-output:
            // expect-output:   indented: kept
            // expect-exit: 85
            // max-instructions: 1000
            int main(void) { return 42; }
            """);
        Expectation e = GuestBuilds.expectation(p);
        assertThat(e.output()).isEqualTo("first line\n\n  indented: kept\n");
        assertThat(e.exitStatus()).isEqualTo(85);
        assertThat(e.linuxStatus()).isEqualTo(42);
        assertThat(e.maxInstructions()).isEqualTo(1000);
    }

    @Test
    void readsAssemblyComments() throws IOException {
        Path p = file("k.asm", "; expect-exit: 0\n;max-instructions: 5\n    hlt\n");
        assertThat(GuestBuilds.expectation(p)).isEqualTo(new Expectation("", 0, 5));
    }

    @Test
    void unknownKeyIsReportedWithFileAndLine() throws IOException {
        Path p = file("bad.c", "// expect-exit: 1\n// max-instructions: 9\n// expect-ouput: typo\n");
        assertThatThrownBy(() -> GuestBuilds.expectation(p)).isInstanceOf(HeaderException.class)
            .hasMessage(p + ":3: unknown header key 'expect-ouput'");
    }

    @Test
    void missingRepeatedAndMalformedValuesAreReported() throws IOException {
        Path none = file("none.c", "// expect-output: x\n// max-instructions: 9\n");
        assertThatThrownBy(() -> GuestBuilds.expectation(none)).hasMessage(none + ": no expect-exit header");
        Path twice = file("twice.c", "// expect-exit: 1\n// expect-exit: 3\n// max-instructions: 9\n");
        assertThatThrownBy(() -> GuestBuilds.expectation(twice)).hasMessage(twice + ":2: second 'expect-exit' header");
        Path nan = file("nan.c", "// expect-exit: one\n");
        assertThatThrownBy(() -> GuestBuilds.expectation(nan)).hasMessage(nan + ":1: expect-exit is not a number: 'one'");
        Path big = file("big.c", "// expect-exit: 256\n");
        assertThatThrownBy(() -> GuestBuilds.expectation(big)).hasMessage(big + ":1: expect-exit out of range 0..255: 256");
    }
}
