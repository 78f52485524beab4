package org.xenoscope.machine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.machine.mem.IoBus;

class Uart16550Test {
    private static final int COM1 = 0x3F8;
    private static final int THR = COM1;
    private static final int IER = COM1 + 1;
    private static final int IIR = COM1 + 2;
    private static final int FCR = COM1 + 2;
    private static final int LCR = COM1 + 3;
    private static final int MCR = COM1 + 4;
    private static final int LSR = COM1 + 5;
    private static final int MSR = COM1 + 6;
    private static final int SCR = COM1 + 7;

    private final IoBus bus = new IoBus();
    private final Pic8259 pic = new Pic8259(() -> { });
    private final Uart16550 uart = new Uart16550(pic, 4);
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        pic.map(bus);
        uart.map(bus, COM1);
        uart.setOutput(sent::write);
        bus.out(0x21, 1, 0xEB);              // unmask IRQ4 (and the cascade): vector 0x0C
    }

    private void out(int port, int v) {
        bus.out(port, 1, v);
    }

    private int in(int port) {
        return bus.in(port, 1);
    }

    @Test
    void transmittedBytesReachTheOutputAtOnce() {
        for (byte b : "Xen\n".getBytes(StandardCharsets.US_ASCII)) {
            out(THR, b & 0xFF);
        }
        out(THR, 0xFF);
        assertThat(sent.toByteArray()).containsExactly('X', 'e', 'n', '\n', 0xFF);
        assertThat(in(LSR)).isEqualTo(0x60);
    }

    @Test
    void receivedBytesSetDataReadyAndRaiseRdaWhenEnabled() {
        out(FCR, 0x07);
        uart.offerInput("hi".getBytes(StandardCharsets.US_ASCII));
        assertThat(uart.hasPendingInput()).isTrue();
        assertThat(in(LSR)).isEqualTo(0x61);
        assertThat(in(IIR)).as("RDA not enabled").isEqualTo(0xC1);
        assertThat(pic.intrAsserted()).isFalse();

        out(IER, 0x01);
        assertThat(pic.intrAsserted()).as("OUT2 still off").isFalse();
        out(MCR, 0x0B);
        assertThat(pic.intrAsserted()).isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x0C);
        assertThat(in(IIR)).isEqualTo(0xC4);

        assertThat(in(THR)).isEqualTo('h');
        assertThat(in(THR)).isEqualTo('i');
        assertThat(uart.hasPendingInput()).isFalse();
        assertThat(in(LSR)).isEqualTo(0x60);
        assertThat(in(IIR)).isEqualTo(0xC1);
        assertThat(in(THR)).as("empty receiver reads 0").isZero();
    }

    @Test
    void dlabSwitchesOffsetsZeroAndOneToTheDivisorLatch() {
        out(IER, 0x05);
        out(LCR, 0x83);
        assertThat(in(THR)).as("power-on divisor 12").isEqualTo(12);
        out(THR, 0x01);
        out(IER, 0x02);
        assertThat(in(THR)).isEqualTo(0x01);
        assertThat(in(IER)).isEqualTo(0x02);
        assertThat(sent.size()).as("a DLL write transmits nothing").isZero();
        out(LCR, 0x03);
        assertThat(in(IER)).isEqualTo(0x05);
        assertThat(in(LCR)).isEqualTo(0x03);
    }

    @Test
    void iirReportsLineStatusThenDataThenThreThenModemStatus() {
        out(MCR, 0x10);                      // loopback: the modem lines drop -> MSR deltas
        out(IER, 0x0F);                      // ETBEI newly set -> THRE pending
        out(LCR, 0x40);                      // break in loopback -> BI and a 0 byte received
        assertThat(in(IIR)).isEqualTo(0x06);
        assertThat(in(LSR)).isEqualTo(0x71);
        assertThat(in(IIR)).isEqualTo(0x04);
        assertThat(in(THR)).isZero();
        assertThat(in(IIR)).isEqualTo(0x02);
        assertThat(in(IIR)).as("reading IIR cleared THRE").isEqualTo(0x00);
        assertThat(in(MSR)).isEqualTo(0x0B);
        assertThat(in(IIR)).isEqualTo(0x01);
    }

    @Test
    void threInterruptAfterEnableAndAfterEachWrite() {
        out(MCR, 0x08);
        out(IER, 0x02);
        assertThat(pic.acknowledge()).isEqualTo(0x0C);
        assertThat(in(IIR)).isEqualTo(0x02);
        bus.out(0x20, 1, 0x20);
        assertThat(pic.intrAsserted()).isFalse();

        out(THR, 'a');
        assertThat(pic.intrAsserted()).isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x0C);
        bus.out(0x20, 1, 0x20);
        out(THR, 'b');                       // THRE never read: the write still gives a fresh edge
        assertThat(pic.intrAsserted()).isTrue();
    }

    @Test
    void loopbackEchoesWritesAndMirrorsModemControl() {
        out(MCR, 0x10 | 0x0F);
        out(THR, 0x5A);
        assertThat(sent.size()).isZero();
        assertThat(in(LSR) & 1).isEqualTo(1);
        assertThat(in(THR)).isEqualTo(0x5A);
        assertThat(in(MSR) & 0xF0).isEqualTo(0xF0);
        out(MCR, 0x10);
        assertThat(in(MSR)).as("all four lines dropped; RI falling sets TERI").isEqualTo(0x0F);
        assertThat(pic.intrAsserted()).as("the IRQ is disconnected in loopback").isFalse();
    }

    @Test
    void modemLinesOfAConnectedTerminal() {
        assertThat(in(MSR)).isEqualTo(0xB0);
    }

    @Test
    void fifoResetDropsReceivedBytes() {
        out(FCR, 0x01);
        uart.offerInput(new byte[] {1, 2, 3});
        out(FCR, 0x03);
        assertThat(uart.hasPendingInput()).isFalse();
        assertThat(in(IIR)).isEqualTo(0xC1);
        out(FCR, 0x00);
        assertThat(in(IIR)).isEqualTo(0x01);
    }

    @Test
    void scratchRegisterHoldsItsValue() {
        out(SCR, 0xA5);
        assertThat(in(SCR)).isEqualTo(0xA5);
    }
}
