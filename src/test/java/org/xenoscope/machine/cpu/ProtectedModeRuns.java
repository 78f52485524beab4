package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.xenoscope.machine.StopReason;

/** Runs of {@link ProtectedModeSetup} that must end at HLT, and the check of the one exception they record. */
final class ProtectedModeRuns {
    private ProtectedModeRuns() {
    }

    /** Runs {@code asm} at ring 0 until it halts. */
    static ProtectedModeSetup kernel(String asm) {
        ProtectedModeSetup pm = new ProtectedModeSetup().kernel(asm);
        assertThat(pm.run().reason()).isEqualTo(StopReason.HALTED);
        return pm;
    }

    /** Runs {@code asm} at ring 3 with {@code eflags} until the machine halts. */
    static ProtectedModeSetup user(String asm, int eflags) {
        ProtectedModeSetup pm = new ProtectedModeSetup().user(asm).startUser(eflags);
        assertThat(pm.run().reason()).isEqualTo(StopReason.HALTED);
        return pm;
    }

    /** Asserts that the run recorded exactly one exception: {@code vector}, {@code error}, at label {@code label}. */
    static void assertFault(ProtectedModeSetup pm, int vector, int error, String label) {
        ProtectedModeSetup.Event e = pm.onlyEvent();
        assertThat(e.vector()).as("vector of %s", e).isEqualTo(vector);
        assertThat(e.error()).as("error code of %s", e).isEqualTo(error);
        assertThat(e.eip()).as("faulting EIP of %s", e).isEqualTo(pm.sym(label));
    }
}
