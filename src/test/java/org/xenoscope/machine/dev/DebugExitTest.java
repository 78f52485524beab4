package org.xenoscope.machine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.machine.mem.IoBus;

class DebugExitTest {
    private final IoBus bus = new IoBus();
    private final List<Integer> statuses = new ArrayList<>();

    @BeforeEach
    void setUp() {
        new DebugExit(statuses::add).map(bus);
    }

    @Test
    void byteWriteGivesOddStatusOfTheMaskedValue() {
        bus.out(0xF4, 1, 0x00);
        bus.out(0xF4, 1, 0x01);
        bus.out(0xF4, 1, 0x1FF);
        assertThat(statuses).containsExactly(1, 3, 0x1FF);
    }

    @Test
    void wordAndDwordWritesUseTheWholeValue() {
        bus.out(0xF4, 2, 0xF1234);
        bus.out(0xF4, 4, 0x12345678);
        bus.out(0xF4, 4, 0x80000001);
        assertThat(statuses).containsExactly(0x2469, 0x2468ACF1, 3);
    }

    @Test
    void claimsFourPortsThatReadAsZero() {
        bus.out(0xF7, 1, 0x10);
        bus.out(0xF8, 1, 0x10);
        assertThat(statuses).containsExactly(0x21);
        assertThat(bus.in(0xF5, 1)).isZero();
        assertThat(bus.in(0xF8, 1)).isEqualTo(0xFF);
    }
}
