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
import org.xenoscope.guests.GuestBuilds.Line;

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

    @Test
    void matchLinesArePatternsForAWholeLine() throws IOException {
        Path p = file("m.c", """
            // expect-output: exact (not a pattern)
            // expect-output-match: nr_pages: [0-9]+
            // expect-exit: 0
            // max-instructions: 9
            """);
        Expectation e = GuestBuilds.expectation(p);
        assertThat(e.lines())
            .containsExactly(new Line("exact (not a pattern)", false), new Line("nr_pages: [0-9]+", true));
        assertThat(e.mismatch("exact (not a pattern)\nnr_pages: 4096\n")).isEmpty();
        assertThat(e.mismatch("exact (not a pattern)\nnr_pages: 4096 pages\n"))
            .contains("line 2: expected /nr_pages: [0-9]+/, got 'nr_pages: 4096 pages'");
        assertThat(e.mismatch("exact (not x pattern)\nnr_pages: 1\n"))
            .contains("line 1: expected 'exact (not a pattern)', got 'exact (not x pattern)'");
        assertThat(e.mismatch("exact (not a pattern)\n")).contains("expected 2 lines, got 1");
        assertThat(e.mismatch("exact (not a pattern)\nnr_pages: 1\nmore\n")).contains("expected 2 lines, got 3");
        assertThat(e.mismatch("exact (not a pattern)\nnr_pages: 1")).contains("the output does not end with a newline");
        assertThatThrownBy(e::output).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exactExpectationsCompareLikeTheirText() {
        Expectation e = new Expectation("a\n\nb\n", 1, 5);
        assertThat(e.output()).isEqualTo("a\n\nb\n");
        assertThat(e.mismatch("a\n\nb\n")).isEmpty();
        assertThat(e.mismatch("a\nb\n")).isPresent();
        assertThat(new Expectation("", 1, 5).mismatch("")).isEmpty();
        assertThat(new Expectation("", 1, 5).mismatch("x\n")).contains("expected 0 lines, got 1");
    }

    @Test
    void badPatternIsReportedWithFileAndLine() throws IOException {
        Path p = file("bad.asm", "; expect-exit: 0\n; max-instructions: 9\n; expect-output-match: [0-9\n");
        assertThatThrownBy(() -> GuestBuilds.expectation(p)).isInstanceOf(HeaderException.class)
            .hasMessageStartingWith(p + ":3: bad expect-output-match pattern: ");
    }
}
