package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenoscope.testutil.Tools;

/**
 * Byte-identical to {@code nasm -f bin}: every {@code .asm} file under sample-guests/ that NASM assembles in bin
 * format, and the test sources in {@code compat/} (which cover every directive and the instruction forms).
 */
class NasmCompatTest {
    static final Path COMPAT = compatDir();

    private static Path compatDir() {
        try {
            return Path.of(NasmCompatTest.class.getResource("compat/directives.asm").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path includeDir() {
        return Tools.projectRoot().resolve("sample-guests/include");
    }

    /** The .asm files under sample-guests/ (the test asserts how many there are). */
    static List<Path> sampleGuests() {
        try (Stream<Path> s = Files.walk(Tools.projectRoot().resolve("sample-guests"))) {
            return s.filter(p -> p.toString().endsWith(".asm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> compatSources() {
        try (Stream<Path> s = Files.list(COMPAT)) {
            return s.filter(p -> p.toString().endsWith(".asm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> allSources() {
        return Stream.concat(sampleGuests().stream(), compatSources().stream());
    }

    @Test
    void corpusIsWhereExpected() {
        assertThat(sampleGuests()).extracting(p -> p.getFileName().toString()).contains("hello.asm");
        assertThat(compatSources()).extracting(p -> p.getFileName().toString()).contains("directives.asm");
    }

    @TempDir
    Path tmp;

    /**
     * Assembles {@code src} with both assemblers. A sample guest written for {@code -f elf32} (no {@code bits 32},
     * which NASM's bin format would read as 16-bit code) is compared through a flat variant: a wrapper file
     * {@code bits 32} + {@code %include} of it.
     */
    @ParameterizedTest
    @MethodSource("allSources")
    void sameBytesAsNasm(Path src) throws IOException {
        Path home = src.toAbsolutePath().getParent();
        if (!Files.readString(src).matches("(?s).*^\\s*\\[?bits\\s+32.*") && sampleGuests().contains(src)) {
            src = NasmRef.write(tmp, "flat-" + src.getFileName(), "bits 32\n%include \"" + src.toAbsolutePath()
                + "\"\n");
        }
        NasmRef.Result ref = NasmRef.bin(src, "-I", includeDir() + "/", "-I", home + "/");
        if (ref.exit() != 0 && !src.startsWith(COMPAT)) {
            System.out.println("SKIPPED (nasm -f bin cannot assemble it): " + src + "\n" + ref.errors());
            return;
        }
        assertThat(ref.exit()).as("nasm: " + ref.errors()).isZero();
        Assembly a = Assembler.assembleFile(src, Assembler.Options.bin().withIncludeDirs(List.of(includeDir())));
        assertThat(DataCompatTest.hex(a.image())).as(src.toString()).isEqualTo(DataCompatTest.hex(ref.bin()));
    }
}
