package org.xenoscope.machine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenoscope.machine.clock.VirtualClock;
import org.xenoscope.machine.mem.IoBus;

class Pit8254Test {
    private final IoBus bus = new IoBus();
    private final VirtualClock clock = new VirtualClock();
    private final Pic8259 pic = new Pic8259(() -> { });
    private final Pit8254 pit = new Pit8254(clock, pic);

    @BeforeEach
    void setUp() {
        pic.map(bus);
        pit.map(bus);
        bus.out(0x21, 1, 0xFA);              // BIOS vectors; unmask IRQ0 -> vector 0x08
    }

    /** Cycle of PIT tick n, computed independently of the device: floor(n * 10^9 / 1193182). */
    private static long cyclesOf(long ticks) {
        return BigInteger.valueOf(ticks).multiply(BigInteger.valueOf(1_000_000_000L))
                .divide(BigInteger.valueOf(1_193_182L)).longValueExact();
    }

    /** Ticks completed after {@code cycles}: the largest n with cyclesOf(n) <= cycles, by search. */
    private static long ticksAt(long cycles) {
        long n = BigInteger.valueOf(cycles).multiply(BigInteger.valueOf(1_193_182L))
                .divide(BigInteger.valueOf(1_000_000_000L)).longValueExact();
        while (cyclesOf(n + 1) <= cycles) {
            n++;
        }
        while (cyclesOf(n) > cycles) {
            n--;
        }
        return n;
    }

    private void at(long cycle) {
        clock.advanceTo(cycle);
        clock.fireDue();
    }

    private void program(int channel, int mode, int count) {
        bus.out(0x43, 1, channel << 6 | 0x30 | mode << 1);
        bus.out(0x40 + channel, 1, count & 0xFF);
        bus.out(0x40 + channel, 1, count >> 8 & 0xFF);
    }

    private int readCount(int channel) {
        int lo = bus.in(0x40 + channel, 1);
        return lo | bus.in(0x40 + channel, 1) << 8;
    }

    /** Asserts that IRQ0 arrives exactly at {@code cycle} (not one cycle earlier), then acknowledges it. */
    private void expectIrq0At(long cycle) {
        at(cycle - 1);
        assertThat(pic.intrAsserted()).as("no IRQ0 at %d", cycle - 1).isFalse();
        at(cycle);
        assertThat(pic.intrAsserted()).as("IRQ0 at %d", cycle).isTrue();
        assertThat(pic.acknowledge()).isEqualTo(0x08);
        bus.out(0x20, 1, 0x20);
    }

    @Test
    void rateGeneratorInterruptsAtExactCycles() {
        long t0 = 12_345;
        clock.advanceTo(t0);
        program(0, 2, 1193);
        assertThat(cyclesOf(1193)).isEqualTo(999_847);
        for (int k = 1; k <= 50; k++) {
            expectIrq0At(t0 + cyclesOf(1193L * k));
        }
        assertThat(t0 + cyclesOf(1193L * 3)).isEqualTo(12_345 + 2_999_542);
    }

    @Test
    void squareWaveWithCountZeroHasPeriod65536AndDoesNotDrift() {
        program(0, 3, 0);
        for (int k = 1; k <= 2000; k++) {
            expectIrq0At(cyclesOf(65_536L * k));
        }
        assertThat(cyclesOf(65_536L)).isEqualTo(54_925_401);
    }

    @Test
    void modeZeroInterruptsOnceAtTerminalCount() {
        long t0 = 777;
        clock.advanceTo(t0);
        program(0, 0, 5000);
        assertThat(pit.out(0)).isFalse();
        expectIrq0At(t0 + cyclesOf(5000));
        assertThat(pit.out(0)).isTrue();
        assertThat(clock.nextDue()).isEqualTo(Long.MAX_VALUE);
        at(t0 + cyclesOf(5010));
        assertThat(pic.intrAsserted()).isFalse();
        assertThat(readCount(0)).as("the counter wraps and keeps counting").isEqualTo(0x10000 - 10);
    }

    @Test
    void liveReadComputesTheCountFromVirtualTime() {
        program(0, 2, 1193);
        clock.advanceTo(500_000);
        assertThat(readCount(0)).isEqualTo(1193 - (int) ticksAt(500_000));
        long t = cyclesOf(1193) + cyclesOf(10) + 1;
        clock.advanceTo(t);
        assertThat(readCount(0)).as("second period").isEqualTo(1193 - ((int) ticksAt(t) - 1193));
    }

    @Test
    void latchFreezesTheCountUntilBothBytesAreRead() {
        program(0, 2, 30_000);
        clock.advanceTo(3_000_000);
        int expected = 30_000 - (int) ticksAt(3_000_000);
        bus.out(0x43, 1, 0x00);              // counter latch command, counter 0
        clock.advanceTo(4_000_000);
        bus.out(0x43, 1, 0x00);              // ignored: the first latch is still unread
        assertThat(readCount(0)).isEqualTo(expected);
        assertThat(readCount(0)).isEqualTo(30_000 - (int) ticksAt(4_000_000));
    }

    @Test
    void squareWaveCountsDownByTwo() {
        program(0, 3, 1000);
        clock.advanceTo(cyclesOf(100));
        assertThat(readCount(0)).isEqualTo(1000 - 200);
        clock.advanceTo(cyclesOf(600));
        assertThat(readCount(0)).isEqualTo(1000 - 200);
        assertThat(pit.out(0)).as("second half of the period").isFalse();
    }

    @Test
    void lsbOnlyAccessLoadsOneByte() {
        bus.out(0x43, 1, 0x14);              // counter 0, LSB only, mode 2
        bus.out(0x40, 1, 100);
        clock.advanceTo(cyclesOf(30));
        assertThat(bus.in(0x40, 1)).isEqualTo(70);
        expectIrq0At(cyclesOf(100));
    }

    @Test
    void reprogrammingCancelsTheOldDeadline() {
        program(0, 2, 1193);
        long t1 = 400_000;
        clock.advanceTo(t1);
        program(0, 2, 2000);
        at(cyclesOf(1193));
        assertThat(pic.intrAsserted()).isFalse();
        expectIrq0At(t1 + cyclesOf(2000));
        expectIrq0At(t1 + cyclesOf(4000));
    }

    @Test
    void newCountInRateGeneratorTakesEffectAtTheEndOfThePeriod() {
        program(0, 2, 1193);
        clock.advanceTo(100_000);
        bus.out(0x40, 1, 2386 & 0xFF);       // no control word: just a new count
        bus.out(0x40, 1, 2386 >> 8);
        expectIrq0At(cyclesOf(1193));
        expectIrq0At(cyclesOf(1193 + 2386));
        expectIrq0At(cyclesOf(1193 + 2 * 2386));
    }

    @Test
    void readBackStatusReportsModeAccessAndOut() {
        program(0, 2, 1193);
        bus.out(0x43, 1, 0xE2);              // read-back: status only, counter 0
        assertThat(bus.in(0x40, 1)).isEqualTo(0x80 | 0x30 | 2 << 1);
        bus.out(0x43, 1, 0xC2);              // status and count
        clock.advanceTo(cyclesOf(7));
        assertThat(bus.in(0x40, 1)).isEqualTo(0xB4);
        assertThat(readCount(0)).isEqualTo(1193);
    }

    @Test
    void counter2IsGatedByPort61AndItsOutIsReadableThere() {
        bus.out(0x61, 1, 0x00);
        program(2, 0, 11_932);
        clock.advanceTo(1_000_000);
        assertThat(readCount(2)).as("gate low: not counting").isEqualTo(11_932);

        long t0 = 2_000_000;
        clock.advanceTo(t0);
        bus.out(0x61, 1, 0x01);
        assertThat(bus.in(0x61, 1) & 0x21).isEqualTo(0x01);
        at(t0 + cyclesOf(11_932) - 1);
        assertThat(bus.in(0x61, 1) & 0x20).isZero();
        at(t0 + cyclesOf(11_932));
        assertThat(bus.in(0x61, 1) & 0x20).isEqualTo(0x20);
        assertThat(cyclesOf(11_932)).isEqualTo(10_000_150);
        assertThat(pic.intrAsserted()).as("counter 2 is not wired to the PIC").isFalse();
    }

    @Test
    void refreshBitTogglesWithVirtualTime() {
        clock.advanceTo(cyclesOf(18) - 1);
        assertThat(bus.in(0x61, 1) & 0x10).isZero();
        clock.advanceTo(cyclesOf(18));
        assertThat(bus.in(0x61, 1) & 0x10).isEqualTo(0x10);
        clock.advanceTo(cyclesOf(36));
        assertThat(bus.in(0x61, 1) & 0x10).isZero();
    }

    @Test
    void tickConversionMatchesTheIndependentFormulaFarIntoTheRun() {
        long[] ticks = {0, 1, 1193, 1_193_181, 1_193_182, 1_193_183, 987_654_321_987L};
        for (long n : ticks) {
            assertThat(Pit8254.cyclesForTicks(n)).isEqualTo(cyclesOf(n));
            long c = cyclesOf(n);
            assertThat(Pit8254.ticksIn(c)).isEqualTo(n);
            if (c > 0) {
                assertThat(Pit8254.ticksIn(c - 1)).isEqualTo(ticksAt(c - 1));
            }
        }
    }
}
