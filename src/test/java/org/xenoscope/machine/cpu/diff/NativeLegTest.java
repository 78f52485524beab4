package org.xenoscope.machine.cpu.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenoscope.testutil.Tools;

/** The native leg alone: generated programs assemble, run on the host and write one record per case. */
class NativeLegTest {

    @Test
    void generatedProgramRunsNativelyAndWritesOneRecordPerCase() {
        Tools.require("nasm", "ld", "objcopy", "nm");
        CaseGenerator gen = new CaseGenerator(Long.getLong("nl.seed", 42));
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("nl.cases", 300); i++) {
            cases.add(gen.generate(i));
        }
        Batch batch = new Batch(cases, Tools.projectRoot().resolve("target/difftest/native-leg"));
        List<Record> recs = Record.parseAll(batch.runNative(), "native");
        assertThat(recs).hasSize(cases.size());
        for (int i = 0; i < recs.size(); i++) {
            assertThat(recs.get(i).id()).isEqualTo(i);
            assertThat(recs.get(i).eflags() & 0x202).as("IF and bit 1").isEqualTo(0x202);
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
    void aCaseAndItsPrefixesShareTheirStart() {
        TestCase tc = new CaseGenerator(3).generate(5);
        TestCase p = tc.prefix(99, 1);
        assertThat(p.items()).hasSize(1);
        assertThat(tc.source()).startsWith(p.source());
        assertThat(Path.of("x")).isNotNull();
    }
}
