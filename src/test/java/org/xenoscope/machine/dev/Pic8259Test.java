package org.xenoscope.machine.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.machine.mem.IoBus;

class Pic8259Test {
    private final IoBus bus = new IoBus();
    private int attention;
    private Pic8259 pic;

    @BeforeEach
    void setUp() {
        pic = new Pic8259(() -> attention++);
        pic.map(bus);
    }

    /** The sequence Linux and xv6 use: master at 0x20, slave at 0x28, cascade on IR2, 8086 mode. */
    private void initialise(int icw4) {
        bus.out(0x20, 1, 0x11);
        bus.out(0x21, 1, 0x20);
        bus.out(0x21, 1, 0x04);
        bus.out(0x21, 1, icw4);
        bus.out(0xA0, 1, 0x11);
        bus.out(0xA1, 1, 0x28);
        bus.out(0xA1, 1, 0x02);
        bus.out(0xA1, 1, icw4);
    }

    private void pulse(int irq) {
        pic.raiseIrq(irq);
        pic.lowerIrq(irq);
    }

    private void eoiMaster() {
        bus.out(0x20, 1, 0x20);
    }

    private void eoiSlave() {
        bus.out(0xA0, 1, 0x20);
    }

    private int isr(int commandPort) {
        bus.out(commandPort, 1, 0x0B);
        return bus.in(commandPort, 1);
    }

    private int irr(int commandPort) {
        bus.out(commandPort, 1, 0x0A);
        return bus.in(commandPort, 1);
    }

    @Test
    void powerOnUsesBiosVectorsWithEverythingButTheCascadeMasked() {
        assertThat(bus.in(0x21, 1)).isEqualTo(0xFB);
        assertThat(bus.in(0xA1, 1)).isEqualTo(0xFF);
        pulse(0);
        pulse(9);
        assertThat(pic.intrAsserted()).isFalse();

        bus.out(0x21, 1, 0xFA);
        assertThat(pic.intrAsserted()).isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x08);
        eoiMaster();
        bus.out(0xA1, 1, 0xFD);
        assertThat(pic.acknowledge()).isEqualTo(0x71);
    }

    @Test
    void initialisationSetsVectorOffsetsAndClearsTheMask() {
        initialise(0x01);
        assertThat(bus.in(0x21, 1)).isZero();
        assertThat(bus.in(0xA1, 1)).isZero();

        pulse(1);
        assertThat(pic.intrAsserted()).isTrue();
        assertThat(attention).isPositive();
        assertThat(pic.acknowledge()).isEqualTo(0x21);
        assertThat(isr(0x20)).isEqualTo(0x02);
        eoiMaster();
        assertThat(isr(0x20)).isZero();
        assertThat(pic.intrAsserted()).isFalse();
    }

    @Test
    void maskedRequestStaysInIrrUntilUnmasked() {
        initialise(0x01);
        bus.out(0x21, 1, 0x08);
        assertThat(bus.in(0x21, 1)).isEqualTo(0x08);
        pulse(3);
        assertThat(pic.intrAsserted()).isFalse();
        assertThat(irr(0x20)).isEqualTo(0x08);

        bus.out(0x21, 1, 0x00);
        assertThat(pic.intrAsserted()).isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x23);
        assertThat(irr(0x20)).isZero();
    }

    @Test
    void lowerNumberWinsAndInServiceLevelBlocksLowerPriority() {
        initialise(0x01);
        pulse(5);
        pulse(3);
        assertThat(pic.acknowledge()).isEqualTo(0x23);
        assertThat(pic.intrAsserted()).as("IRQ5 waits behind IRQ3 in service").isFalse();

        pulse(1);
        assertThat(pic.intrAsserted()).as("IRQ1 preempts IRQ3").isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x21);
        assertThat(isr(0x20)).isEqualTo(0x0A);

        eoiMaster();                         // non-specific: clears IRQ1, the highest in service
        assertThat(isr(0x20)).isEqualTo(0x08);
        assertThat(pic.intrAsserted()).isFalse();
        eoiMaster();
        assertThat(pic.acknowledge()).isEqualTo(0x25);
    }

    @Test
    void specificEoiClearsTheNamedLevel() {
        initialise(0x01);
        pulse(4);
        pic.acknowledge();
        pulse(3);
        pic.acknowledge();
        assertThat(isr(0x20)).isEqualTo(0x18);
        bus.out(0x20, 1, 0x60 | 4);          // specific EOI for IR4, although IR3 ranks higher
        assertThat(isr(0x20)).isEqualTo(0x08);
    }

    @Test
    void edgeTriggeredLineRequestsOncePerRisingEdge() {
        initialise(0x01);
        pic.raiseIrq(1);
        assertThat(pic.acknowledge()).isEqualTo(0x21);
        eoiMaster();
        pic.raiseIrq(1);
        assertThat(pic.intrAsserted()).as("no new edge while the line stays high").isFalse();
        pic.lowerIrq(1);
        pic.raiseIrq(1);
        assertThat(pic.intrAsserted()).isTrue();
    }

    @Test
    void slaveRequestGoesThroughMasterIr2() {
        initialise(0x01);
        pulse(12);
        assertThat(pic.intrAsserted()).isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x2C);
        assertThat(isr(0x20)).isEqualTo(0x04);
        assertThat(isr(0xA0)).isEqualTo(0x10);

        pulse(8);
        assertThat(pic.intrAsserted()).as("IRQ8 waits: master IR2 is in service").isFalse();
        pulse(0);
        assertThat(pic.intrAsserted()).as("IRQ0 outranks the cascade").isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x20);
        eoiMaster();

        eoiSlave();
        eoiMaster();
        assertThat(pic.intrAsserted()).isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x28);
        eoiSlave();
        eoiMaster();
        assertThat(pic.intrAsserted()).isFalse();
    }

    @Test
    void twoSlaveRequestsAreBothDelivered() {
        initialise(0x01);
        pulse(9);
        pulse(14);
        assertThat(pic.acknowledge()).isEqualTo(0x29);
        eoiMaster();
        eoiSlave();
        assertThat(pic.acknowledge()).isEqualTo(0x2E);
        eoiMaster();
        eoiSlave();
        assertThat(pic.intrAsserted()).isFalse();
    }

    @Test
    void vanishedRequestGivesSpuriousIrq7AndIrq15() {
        initialise(0x01);
        pulse(3);
        bus.out(0x21, 1, 0x08);
        assertThat(pic.acknowledge()).isEqualTo(0x27);
        assertThat(isr(0x20)).as("a spurious IRQ7 sets no ISR bit").isZero();

        bus.out(0x21, 1, 0x00);
        pic.acknowledge();
        eoiMaster();
        pulse(10);
        assertThat(pic.intrAsserted()).isTrue();
        bus.out(0xA1, 1, 0x04);              // masked on the slave after the master latched IR2
        assertThat(pic.acknowledge()).isEqualTo(0x2F);
        assertThat(isr(0x20)).as("the master still serves IR2").isEqualTo(0x04);
        assertThat(isr(0xA0)).isZero();
    }

    @Test
    void autoEoiLeavesNothingInService() {
        initialise(0x03);
        pulse(6);
        assertThat(pic.acknowledge()).isEqualTo(0x26);
        assertThat(isr(0x20)).isZero();
        pulse(7);
        assertThat(pic.acknowledge()).isEqualTo(0x27);
    }

    @Test
    void slaveOutputStillHighAfterInterruptAcknowledgeRequestsAgain() {
        initialise(0x03);
        pulse(9);
        pulse(14);
        assertThat(pic.acknowledge()).isEqualTo(0x29);
        assertThat(pic.intrAsserted()).as("the slave's INT rose again after INTA").isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x2E);
        assertThat(pic.intrAsserted()).isFalse();
    }

    @Test
    void setPriorityRotatesTheOrder() {
        initialise(0x01);
        bus.out(0x20, 1, 0xC0 | 3);          // IR3 lowest, so IR4 highest
        pulse(1);
        pulse(5);
        assertThat(pic.acknowledge()).isEqualTo(0x25);
    }

    @Test
    void pollCommandReturnsTheLevelAndAcknowledgesIt() {
        initialise(0x01);
        bus.out(0x21, 1, 0xFF);
        bus.out(0x20, 1, 0x0C);
        assertThat(bus.in(0x20, 1)).isZero();
        bus.out(0x21, 1, 0x00);
        pulse(6);
        bus.out(0x20, 1, 0x0C);
        assertThat(bus.in(0x20, 1)).isEqualTo(0x86);
        assertThat(isr(0x20)).isEqualTo(0x40);
    }

    @Test
    void reinitialisingDropsRequestsAndState() {
        initialise(0x01);
        bus.out(0x21, 1, 0xFF);
        pulse(4);
        initialise(0x01);
        assertThat(irr(0x20)).isZero();
        assertThat(pic.intrAsserted()).isFalse();
    }

    @Test
    void irq2AndOutOfRangeLinesAreRejected() {
        assertThatThrownBy(() -> pic.raiseIrq(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pic.raiseIrq(16)).isInstanceOf(IllegalArgumentException.class);
    }
}
