package org.xenoscope.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.xenoscope.guests.GuestBuilds.Guest;

/**
 * The CLI's bundled demo, {@code src/main/resources/org/xenoscope/demo/hello.elf}, is the only committed binary.
 * It must be exactly what {@code sample-guests/bare-metal/hello.asm} builds to, so it can never drift from
 * its source. After changing hello.asm or hello.ld: {@code make -C sample-guests/bare-metal} and copy
 * {@code build/hello.elf} over the resource.
 */
class DemoBinaryTest {
    static final String DEMO = "/org/xenoscope/demo/hello.elf";

    @Test
    void committedDemoIsTheBuildOfHelloAsm() throws IOException {
        Guest hello = GuestBuilds.guest(GuestBuilds.sourceDir().resolve("hello.asm"));
        byte[] rebuilt = Files.readAllBytes(hello.elf(GuestBuilds.build()));
        byte[] committed;
        try (InputStream in = DemoBinaryTest.class.getResourceAsStream(DEMO)) {
            assertThat(in).as("classpath resource %s", DEMO).isNotNull();
            committed = in.readAllBytes();
        }
        assertThat(committed)
            .as("%s differs from a fresh build of hello.asm: run make in sample-guests/bare-metal and copy "
                + "build/hello.elf to src/main/resources%s", DEMO, DEMO)
            .isEqualTo(rebuilt);
    }

    @Test
    void demoHeaderStatesItsOutcome() {
        Guest hello = GuestBuilds.guest(GuestBuilds.sourceDir().resolve("hello.asm"));
        assertThat(hello.expected().output()).isEqualTo("Hello from bare metal!\nbooted with EAX=0x2BADB002\n");
        assertThat(hello.expected().exitStatus()).isEqualTo(1);
    }
}
