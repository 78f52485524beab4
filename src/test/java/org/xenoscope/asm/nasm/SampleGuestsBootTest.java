package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenoscope.asm.elf.BareMetalBoot;
import org.xenoscope.guests.GuestBuilds;
import org.xenoscope.guests.GuestBuilds.Guest;
import org.xenoscope.machine.PcMachine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;

/**
 * The toolchain-free path end to end: every assembly guest of sample-guests/bare-metal, assembled by Xenoscope's
 * own assembler into an ELF executable ({@code xenoscope asm -f elf}, no nasm, no ld), boots as a multiboot kernel
 * on Xenoscope's PC and prints exactly what its header expects, ending with the expected status.
 */
class SampleGuestsBootTest {
    static List<Guest> asmGuests() {
        return GuestBuilds.guests().stream().filter(g -> g.source().toString().endsWith(".asm")).toList();
    }

    @ParameterizedTest(name = "{0}.asm assembled by Xenoscope")
    @MethodSource("asmGuests")
    void bootsAndPrintsWhatItsHeaderExpects(Guest g) {
        Assembly a = Assembler.assembleFile(g.source(), Assembler.Options.elf());
        PcMachine m = new PcMachine(64 << 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.setConsole(out::write);
        BareMetalBoot.boot(m, g.name() + ".elf", a.image(), "");
        RunResult r = m.run(g.expected().maxInstructions());
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).as("COM1 output (%s)", r)
            .isEqualTo(g.expected().output());
        assertThat(r.reason()).isIn(StopReason.DEBUG_EXIT, StopReason.HALTED);
        int status = r.reason() == StopReason.DEBUG_EXIT ? r.exitStatus() : 0;
        assertThat(status).isEqualTo(g.expected().exitStatus());
    }
}
