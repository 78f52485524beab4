package org.xenoscope.machine.dev;

import org.xenoscope.machine.clock.VirtualClock;

/**
 * One counter of the 8254. The counter is never decremented step by step: a counting run has an {@code epoch}
 * (the cycle of its tick 0) and everything (the count read back, OUT, the cycle of the next OUT rising edge) is
 * computed from the number of input-clock ticks since the epoch, so reads are exact and periodic deadlines are
 * {@code epoch + cycles(k * period)} with no accumulated rounding.
 *
 * <p>Counts as loaded: 1..65536 (a written 0 means 65536). What a run looks like, with N the count and d the
 * ticks since the epoch (modes 2 and 3: since the start of the current period):
 * <pre>
 *   mode 0  interrupt on terminal count  count N-d (wraps);  OUT low, rises at d = N (once)
 *   mode 1  hardware one-shot            as mode 0, started by a GATE rising edge
 *   mode 2  rate generator               count N..1;  OUT low while count is 1, rises at d = N, period N
 *   mode 3  square wave                  count N, N-2, ..2 twice;  OUT high for ceil(N/2), rises every N
 *   mode 4  software-triggered strobe    count N-d (wraps);  OUT low for the tick at d = N, rises at N+1
 *   mode 5  hardware-triggered strobe    as mode 4, started by a GATE rising edge
 * </pre>
 * SIMPLIFICATION: a count is loaded at the instant it is written (the real part loads it on the next input
 * clock); BCD counting is ignored (counts are binary, the BCD bit is only reported in the status byte); in
 * mode 3 a new count takes effect at the end of the whole period rather than the half period.
 */
final class PitChannel {
    private final VirtualClock clock;
    private final Runnable risingEdge;

    int mode;                  // 0..5 (6 and 7 are stored as 2 and 3)
    int access = 3;            // 1 = LSB only, 2 = MSB only, 3 = LSB then MSB
    boolean bcd;
    private int reload;        // last count written, 1..0x10000
    private boolean armed;     // a count has been written since the control word
    private boolean gate;

    private boolean counting;
    private long epoch;        // cycle of tick 0 of the current run
    private int loaded;        // modes 0,1,4,5: counter value at the epoch
    private boolean tcDone;    // modes 0,1,4,5: the OUT rising edge of this run has happened
    private int period;        // modes 2,3: count of the current period
    private long periodTick;   // modes 2,3: ticks from the epoch to the start of the current period
    private boolean newCountPending;
    private int frozen;        // counter value while not counting
    private boolean idleOut;   // OUT while not counting
    private VirtualClock.Timer timer;

    private boolean writeMsbNext;
    private int writeLsb;
    private boolean readMsbNext;
    private boolean countLatched;
    private int latch;
    private boolean statusLatched;
    private int status;

    PitChannel(VirtualClock clock, boolean gate, Runnable risingEdge) {
        this.clock = clock;
        this.gate = gate;
        this.risingEdge = risingEdge;
        this.idleOut = true;
    }

    /** Control word for this channel (access != 0): new mode, counting stops until a count is written. */
    void control(int newMode, int newAccess, boolean newBcd) {
        mode = newMode > 5 ? newMode - 4 : newMode;
        access = newAccess;
        bcd = newBcd;
        stopCounting(0, mode != 0);
        armed = false;
        tcDone = false;
        newCountPending = false;
        writeMsbNext = false;
        readMsbNext = false;
        countLatched = false;
        statusLatched = false;
    }

    /** Counter latch command: freezes the current count for reading (ignored while a latch is unread). */
    void latchCount() {
        if (!countLatched) {
            latch = count();
            countLatched = true;
            readMsbNext = false;
        }
    }

    /**
     * Read-back status latch.
     * <pre>
     *    7      6       5   4     3   2   1     0
     * +-----+--------+---------+-------------+-----+
     * | OUT | NULL   | RW1 RW0 | M2  M1  M0  | BCD |
     * |     | COUNT  |         |             |     |
     * +-----+--------+---------+-------------+-----+
     * </pre>
     */
    void latchStatus() {
        if (!statusLatched) {
            boolean nullCount = !armed || newCountPending;
            status = (out() ? 0x80 : 0) | (nullCount ? 0x40 : 0) | access << 4 | mode << 1 | (bcd ? 1 : 0);
            statusLatched = true;
        }
    }

    /** A read of the counter port: the latched status, then the latched or live count, byte by byte. */
    int read() {
        if (statusLatched) {
            statusLatched = false;
            return status;
        }
        int value = countLatched ? latch : count();
        boolean msb = access == 2 || (access == 3 && readMsbNext);
        if (access == 3) {
            readMsbNext = !readMsbNext;
        }
        if (access != 3 || !readMsbNext) {
            countLatched = false;
        }
        return msb ? value >> 8 & 0xFF : value & 0xFF;
    }

    /** A write of the counter port: one byte of the count, as the access mode says. */
    void write(int v) {
        int b = v & 0xFF;
        switch (access) {
            case 1 -> countWritten(b);
            case 2 -> countWritten(b << 8);
            default -> {
                if (!writeMsbNext) {
                    writeLsb = b;
                    writeMsbNext = true;
                    if (mode == 0 && counting) {
                        stopCounting(count(), false);   // mode 0: the first byte stops the count
                    }
                } else {
                    writeMsbNext = false;
                    countWritten(writeLsb | b << 8);
                }
            }
        }
    }

    /** A complete count arrived: modes 0 and 4 (re)start, modes 2 and 3 start or take it at the next period. */
    private void countWritten(int value) {
        reload = value == 0 ? 0x10000 : value;
        boolean wasArmed = armed;
        armed = true;
        switch (mode) {
            case 0, 4 -> {
                tcDone = false;
                if (gate) {
                    start();
                } else {
                    stopCounting(reload, mode != 0);
                }
            }
            case 2, 3 -> {
                if (counting && wasArmed) {
                    newCountPending = true;
                } else if (gate) {
                    start();
                } else {
                    frozen = reload;
                }
            }
            default -> { }
        }
    }

    /** GATE input (only counter 2's is wired, to port 0x61 bit 0). */
    void setGate(boolean high) {
        if (high == gate) {
            return;
        }
        gate = high;
        if (!armed) {
            return;
        }
        switch (mode) {
            case 0, 4 -> {
                if (high) {
                    resume();
                } else {
                    stopCounting(count(), out());
                }
            }
            case 2, 3 -> {
                if (high) {
                    start();
                } else {
                    stopCounting(count(), true);
                }
            }
            default -> {
                if (high) {
                    start();
                }
            }
        }
    }

    /** Starts a run from the last count written, now. */
    private void start() {
        epoch = clock.now();
        loaded = reload;
        period = reload;
        periodTick = 0;
        tcDone = false;
        newCountPending = false;
        counting = true;
        schedule();
    }

    /** Modes 0 and 4 after GATE rises again: counting resumes from the frozen count. */
    private void resume() {
        epoch = clock.now();
        loaded = frozen;
        counting = true;
        schedule();
    }

    private void stopCounting(int count, boolean out) {
        clock.cancel(timer);
        timer = null;
        counting = false;
        frozen = count;
        idleOut = out;
    }

    /** Schedules the next OUT rising edge of the current run, if it has one. */
    private void schedule() {
        clock.cancel(timer);
        timer = null;
        long edge = switch (mode) {
            case 0, 1 -> tcDone ? -1 : loaded;
            case 4, 5 -> tcDone ? -1 : loaded + 1L;
            default -> periodTick + period;
        };
        if (edge >= 0) {
            timer = clock.schedule(epoch + Pit8254.cyclesForTicks(edge), this::edge);
        }
    }

    /** Timer action: OUT rises now. */
    private void edge() {
        timer = null;
        if (mode == 2 || mode == 3) {
            periodTick += period;
            if (newCountPending) {
                period = reload;
                newCountPending = false;
            }
        } else {
            tcDone = true;
        }
        schedule();
        risingEdge.run();
    }

    /** Ticks of the current period so far (modes 2, 3). */
    private long intoPeriod(long d) {
        return Math.floorMod(d - periodTick, (long) period);
    }

    /** The counting element's value now (0..0xFFFF; 65536 reads as 0). */
    int count() {
        if (!counting) {
            return frozen & 0xFFFF;
        }
        long d = Pit8254.ticksIn(clock.now() - epoch);
        return switch (mode) {
            case 2 -> (int) (period - intoPeriod(d)) & 0xFFFF;
            case 3 -> (int) (period - 2 * intoPeriod(d) % period) & 0xFFFE;
            default -> (int) (loaded - d) & 0xFFFF;
        };
    }

    /** The OUT pin now. */
    boolean out() {
        if (!counting) {
            return idleOut;
        }
        long d = Pit8254.ticksIn(clock.now() - epoch);
        return switch (mode) {
            case 0, 1 -> tcDone || d >= loaded;
            case 2 -> intoPeriod(d) != period - 1;
            case 3 -> intoPeriod(d) < (period + 1) / 2;
            default -> tcDone || d != loaded;
        };
    }
}
