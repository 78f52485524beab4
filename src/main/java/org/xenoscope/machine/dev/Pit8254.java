package org.xenoscope.machine.dev;

import org.xenoscope.machine.clock.VirtualClock;
import org.xenoscope.machine.mem.IoBus;
import org.xenoscope.machine.mem.IoDevice;

/**
 * The 8254 programmable interval timer (Intel 8254 data sheet) and the PIT bits of the PC's port 0x61.
 *
 * <pre>
 *   port 0x40  counter 0   GATE high   OUT -> IRQ0 (a request on every rising edge)
 *   port 0x41  counter 1   GATE high   OUT not connected (the PC's DRAM refresh)
 *   port 0x42  counter 2   GATE = port 0x61 bit 0, OUT readable as port 0x61 bit 5 (the PC speaker)
 *   port 0x43  control word (write only; reads 0xFF)
 *   port 0x61  system control port B: the counter 2 and refresh bits below
 * </pre>
 *
 * The input clock runs at {@link #INPUT_HZ}. Tick n after a counter's epoch happens at cycle
 * {@code epoch + floor(n * HZ / INPUT_HZ)} ({@link #cyclesForTicks}), and the tick count at a cycle is the inverse
 * ({@link #ticksIn}). Every deadline is computed from the epoch and a tick count, so periodic interrupts never
 * drift. Power-on: no counter counts and no timer is scheduled until the guest programs one (there is no BIOS
 * to start counter 0 at 18.2 Hz).
 *
 * <p>SIMPLIFICATION: the speaker is silent; port 0x61 bits 6-7 (parity and channel check) always read 0; a
 * wider-than-byte access acts on the addressed port only.
 */
public final class Pit8254 {
    /** Frequency of the 8254's input clock, in ticks per second of guest time. */
    public static final long INPUT_HZ = 1_193_182L;
    /** Counter 0's port; counters 1 and 2 follow, then the control port. */
    public static final int PORT_COUNTER0 = 0x40;
    /** The control-word port. */
    public static final int PORT_CONTROL = 0x43;
    /** System control port B (counter 2 gate and output, refresh toggle). */
    public static final int PORT_B = 0x61;
    /** Input ticks per DRAM refresh request: a PC BIOS programs counter 1 with 18 (one every 15.09 us). */
    static final int REFRESH_TICKS = 18;

    private final VirtualClock clock;
    private final PitChannel[] channels = new PitChannel[3];
    private int portB;        // bits 0-3 as written

    /** Counter 0's rising edges become IRQ0 edges on {@code pic}. */
    public Pit8254(VirtualClock clock, Pic8259 pic) {
        this.clock = clock;
        channels[0] = new PitChannel(clock, true, () -> {
            pic.raiseIrq(0);
            pic.lowerIrq(0);
        });
        channels[1] = new PitChannel(clock, true, () -> { });
        channels[2] = new PitChannel(clock, false, () -> { });
    }

    /** Claims ports 0x40-0x43 and 0x61. */
    public void map(IoBus bus) {
        bus.map(PORT_COUNTER0, 4, new IoDevice() {
            @Override
            public int in(int port, int size) {
                return port == PORT_CONTROL ? 0xFF : channels[port - PORT_COUNTER0].read();
            }

            @Override
            public void out(int port, int size, int value) {
                if (port == PORT_CONTROL) {
                    controlWord(value & 0xFF);
                } else {
                    channels[port - PORT_COUNTER0].write(value);
                }
            }
        });
        bus.map(PORT_B, 1, new IoDevice() {
            @Override
            public int in(int port, int size) {
                return readPortB();
            }

            @Override
            public void out(int port, int size, int value) {
                portB = value & 0x0F;
                channels[2].setGate((value & 1) != 0);
            }
        });
    }

    /** The current count of counter {@code n} (0..2), as a read would see it, without disturbing the latches. */
    public int count(int n) {
        return channels[n].count();
    }

    /** The OUT pin of counter {@code n} (0..2) now. */
    public boolean out(int n) {
        return channels[n].out();
    }

    /**
     * A control word.
     * <pre>
     *    7     6     5     4     3    2    1     0
     * +-----+-----+-----+-----+----+----+----+-----+
     * | SC1 | SC0 | RW1 | RW0 | M2 | M1 | M0 | BCD |
     * +-----+-----+-----+-----+----+----+----+-----+
     *  SC  = counter 0..2, or 3 = read-back command
     *  RW  = 0 counter latch command, 1 LSB only, 2 MSB only, 3 LSB then MSB
     *
     *  read-back:  1  1  /COUNT  /STATUS  CNT2  CNT1  CNT0  0
     * </pre>
     */
    private void controlWord(int v) {
        int sc = v >> 6;
        int rw = v >> 4 & 3;
        if (sc == 3) {
            readBack(v);
        } else if (rw == 0) {
            channels[sc].latchCount();
        } else {
            channels[sc].control(v >> 1 & 7, rw, (v & 1) != 0);
        }
    }

    /** Read-back command: latches the status and/or count of every selected counter. */
    private void readBack(int v) {
        for (int n = 0; n < 3; n++) {
            if ((v & 2 << n) == 0) {
                continue;
            }
            if ((v & 0x10) == 0) {
                channels[n].latchStatus();
            }
            if ((v & 0x20) == 0) {
                channels[n].latchCount();
            }
        }
    }

    /**
     * Port 0x61 as read.
     * <pre>
     *    7    6     5      4        3       2        1        0
     * +----+----+------+--------+--------+-------+---------+-------+
     * | 0  | 0  | OUT2 | REFRSH | IOCHK  | PCK   | SPKR EN | GATE2 |
     * |    |    |      |        | off    | off   |         |       |
     * +----+----+------+--------+--------+-------+---------+-------+
     * </pre>
     * Bits 0-3 read back as written.
     * REFRSH toggles every {@link #REFRESH_TICKS} input ticks of virtual time (BIOS delay loops poll it).
     */
    private int readPortB() {
        int refresh = (int) (ticksIn(clock.now()) / REFRESH_TICKS & 1);
        return portB | refresh << 4 | (channels[2].out() ? 0x20 : 0);
    }

    /** Cycles from a counter's epoch to its tick {@code ticks}: floor(ticks * HZ / INPUT_HZ), without overflow. */
    static long cyclesForTicks(long ticks) {
        long q = ticks / INPUT_HZ;
        long r = ticks % INPUT_HZ;
        return q * VirtualClock.HZ + r * VirtualClock.HZ / INPUT_HZ;
    }

    /**
     * Ticks completed {@code cycles} after an epoch: the largest n with cyclesForTicks(n) &lt;= cycles, which is
     * floor(((cycles + 1) * INPUT_HZ - 1) / HZ), computed per whole second so it cannot overflow.
     */
    static long ticksIn(long cycles) {
        long q = cycles / VirtualClock.HZ;
        long r = cycles % VirtualClock.HZ;
        return q * INPUT_HZ + ((r + 1) * INPUT_HZ - 1) / VirtualClock.HZ;
    }
}
