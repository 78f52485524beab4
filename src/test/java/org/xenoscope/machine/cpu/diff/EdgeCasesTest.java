package org.xenoscope.machine.cpu.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeCasesTest {

    @Test
    void theFileParsesIntoNamedCasesWithDistinctIds() {
        List<TestCase> cases = EdgeCases.load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        assertThat(cases).extracting(TestCase::id).doesNotHaveDuplicates()
            .allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(EdgeCases.ID_BASE));
        assertThat(cases.get(0).items().get(0).kind()).isEqualTo("edge:sbb-same-register-then-conditions");
    }

    @Test
    void aMalformedLineGivesOneLineWithFileAndLineNumber() {
        assertThatThrownBy(() -> EdgeCases.parse("case x\nregs 1 2 3\nflags 0\n    nop\n"))
            .hasMessage("edge-cases.txt:2: 'regs' needs EAX ECX EDX EBX EBP ESI EDI in hex");
        assertThatThrownBy(() -> EdgeCases.parse("case x\nregs 0 0 0 0 0 0 0\nflags zz\n"))
            .hasMessage("edge-cases.txt:3: bad hexadecimal number in 'flags zz'");
    }
}
