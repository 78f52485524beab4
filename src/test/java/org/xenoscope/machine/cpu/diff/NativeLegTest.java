package org.xenoscope.machine.cpu.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenoscope.testutil.Tools;

/**
 * The native leg alone, which also checks the generator against the host CPU: the programs assemble, run without
 * a signal (so no generated instruction faults), write one record per case, and every register value, ESP and
 * DF the generator's model claims to know is what the host computed.
 */
class NativeLegTest {

    @Test
    void generatedProgramsRunOnTheHostAndTheModelsClaimsHold() {
        Tools.require("nasm", "ld", "objcopy", "nm");
        CaseGenerator gen = new CaseGenerator(Long.getLong("nl.seed", 42));
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("nl.cases", 600); i++) {
            cases.add(gen.generate(i));
        }
        Batch batch = new Batch(cases, Tools.projectRoot().resolve("target/difftest/native-leg"));
        List<Record> recs = Record.parseAll(batch.runNative(), "native");
        assertThat(recs).hasSize(cases.size());
        for (int i = 0; i < recs.size(); i++) {
            Record rec = recs.get(i);
            TestCase tc = cases.get(i);
            assertThat(rec.id()).isEqualTo(i);
            assertThat(rec.eflags() & 0x202).as("IF and bit 1").isEqualTo(0x202);
            TestCase.Known k = tc.known();
            for (int r = 0; r < 8; r++) {
                if (r != Model.ESP) {
                    assertThat((rec.regs()[r] ^ k.value()[r]) & k.mask()[r])
                        .as("case %d: known bits of %s%n%s", i, Opnd.R32[r], tc.source()).isZero();
                }
            }
            assertThat(rec.regs()[Model.ESP]).as("case %d: esp%n%s", i, tc.source()).isEqualTo(k.esp());
            if (k.df() >= 0) {
                assertThat((rec.eflags() >> 10) & 1).as("case %d: DF%n%s", i, tc.source()).isEqualTo(k.df());
            }
        }
        assertThat(batch.image().length).isGreaterThan(Layout.TEXT_BASE - Layout.DATA_BASE);
    }

    @Test
    void generationIsAFunctionOfSeedAndId() {
        String a = new CaseGenerator(7).generate(123).source();
        String b = new CaseGenerator(7).generate(123).source();
        String c = new CaseGenerator(8).generate(123).source();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aPrefixIsTheStartOfItsCase() {
        TestCase tc = new CaseGenerator(3).generate(5);
        TestCase p = tc.prefix(99, 1);
        assertThat(p.items()).hasSize(1);
        assertThat(tc.source()).startsWith(p.source());
    }
}
