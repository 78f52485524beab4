package org.xenoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xenoscope.xen.trace.TraceEvent;

/** The --pte-updates workload does what it claims: every request is a validated, accepted update. */
class PteUpdateBenchTest {
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyRequestIsAValidatedUpdateAndTheCountsStayTrue(boolean pae) {
        PteUpdateBench b = new PteUpdateBench(pae);
        long n = b.run(3);
        assertThat(n).isBetween(2L * PteUpdateBench.BATCH, 3L * PteUpdateBench.BATCH);
        assertThat(b.hypervisor().trace().events()).filteredOn(e -> e instanceof TraceEvent.Validation)
            .hasSizeGreaterThanOrEqualTo((int) n)
            .allSatisfy(e -> assertThat(((TraceEvent.Validation) e).accepted()).isTrue())
            .anySatisfy(e -> assertThat(((TraceEvent.Validation) e).before()).startsWith("L1, count")
                .contains("validated"));
        assertThat(b.hypervisor().checkFrameTable(null)).isEmpty();
    }
}
