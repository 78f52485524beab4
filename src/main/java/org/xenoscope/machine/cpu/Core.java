package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.machine.mmu.SegmentCache;

/**
 * The fetch-decode-execute loop and the decoded-instruction cache.
 *
 * <p>The hot loop ({@link #runFast}) does, per instruction: find the decoded {@link Insn} for the linear EIP in
 * the current code page (one compare when EIP stays in the same page), advance EIP, execute, count a cycle. It
 * makes no allocation and calls no listener. Everything rare — pending interrupts, single-step, the STI/MOV SS
 * interrupt shadow, stop requests, timers — raises {@link #attention}, which drops the loop into
 * {@link #serviceAttention} between instructions.
 *
 * <p>Virtual time: {@link #cycles} counts retired instructions (plus skipped halt time); the machine's clock is
 * advanced from it after every batch, so timers fire between instructions at exact cycle counts.
 */
public final class Core {
    /** Why {@link #run} returned. */
    public enum Exit { LIMIT, HALTED, STOP, EXIT_REQUESTED, TRIPLE_FAULT }

    private static final int BATCH = 1 << 16;

    private final Cpu c;
    private final PhysicalMemory mem;
    private final byte[] ram;
    private final CodePage[] pages;
    long cycles;
    boolean attention;
    private volatile boolean stopRequested;
    private boolean exitRequested;
    boolean halted;
    /** Instructions left during which interrupts are inhibited (after STI, MOV SS, POP SS). */
    int shadow;
    /**
     * Set by a MOV SS / POP SS: the single-step trap after it is held back until after the next instruction,
     * since MOV SS also inhibits debug exceptions (SDM Vol. 3 §6.8.3); STI does not.
     */
    boolean debugShadow;
    /** EIP of the instruction being executed (faults roll back to it). */
    int insnEip;
    private int fetchPageNo = -1;
    private int csBase;
    private boolean csFlat;
    private CodePage fetchPage;
    private String tripleFaultReport;
    private final Interrupts interrupts;
    private ExecHook hook;

    /** Observer of executed instructions, installed only by debuggers and tracers (selects the slow loop). */
    public interface ExecHook {
        /** Called before each instruction; return false to stop before executing it. */
        boolean beforeInstruction(Cpu cpu);
    }

    Core(Cpu c) {
        JitHints.install();
        this.c = c;
        this.mem = c.mem;
        this.ram = mem.array();
        this.pages = new CodePage[mem.frames()];
        this.interrupts = new Interrupts(c);
        mem.setWriteListener(this::codeWritten);
        c.mmu.setFlushListener(this::fetchMiss);
    }

    public long cycles() {
        return cycles;
    }

    public boolean halted() {
        return halted;
    }

    public Interrupts interrupts() {
        return interrupts;
    }

    public String tripleFaultReport() {
        return tripleFaultReport;
    }

    /** Installs (or removes, with null) a per-instruction hook. */
    public void setHook(ExecHook h) {
        this.hook = h;
        attention();
    }

    /**
     * Leaves the halted state: execution continues after the HLT on the next {@link #run}. Real hardware would
     * need an NMI or INIT for this when IF=0; test harnesses and the debugger use it to resume a CPU that
     * stopped on HLT (for example after servicing a request the guest signalled that way).
     */
    public void wake() {
        halted = false;
        attention = true;
    }

    /** Asks the loop to look at interrupts, flags and requests before the next instruction. */
    public void attention() {
        attention = true;
    }

    /** Thread-safe: makes {@link #run} return {@link Exit#STOP} soon. */
    public void requestStop() {
        stopRequested = true;
    }

    /** A device asked to end the run (debug-exit port). */
    public void requestExit() {
        exitRequested = true;
        attention = true;
    }

    /** Forgets the cached fetch translation (TLB flush, CS change). */
    void fetchMiss() {
        fetchPageNo = -1;
    }

    /**
     * Runs at most {@code budget} cycles. Returns why it stopped. Timers due meanwhile fire between instructions.
     * A HLT with IF=0 (and no NMI source) ends the run with HALTED; the CPU stays halted (a later call returns
     * HALTED at once) until an interrupt arrives with IF=1 or {@link #wake()} is called.
     */
    public Exit run(long budget) {
        long end = budget > Long.MAX_VALUE - cycles ? Long.MAX_VALUE : cycles + budget; // no overflow
        stopRequested = false;
        attention = true;
        while (true) {
            if (exitRequested) {
                exitRequested = false;
                return Exit.EXIT_REQUESTED;
            }
            if (tripleFaultReport != null) {
                return Exit.TRIPLE_FAULT;
            }
            if (stopRequested) {
                return Exit.STOP;
            }
            if (cycles >= end) {
                return Exit.LIMIT;
            }
            long deadline = Math.min(end, c.clock.nextDue());
            if (attention && serviceAttention()) {
                continue;
            }
            if (halted) {
                if (!haltWait(deadline, end)) {
                    return Exit.HALTED;
                }
            } else if (hook != null) {
                runHooked(Math.min(deadline, cycles + BATCH));
            } else {
                runFast(Math.min(deadline, cycles + BATCH));
            }
            c.clock.advanceTo(cycles);
            c.clock.fireDue();
        }
    }

    /** While halted: skip to the next timer; false when nothing can ever wake the CPU (IF=0, or no timer). */
    private boolean haltWait(long deadline, long end) {
        if ((c.eflagsRest & Eflags.IF) == 0) {
            return false;
        }
        if (deadline == Long.MAX_VALUE) {
            return false;
        }
        cycles = Math.max(cycles, Math.min(deadline, end));
        attention = true;
        return true;
    }

    /**
     * Handles what {@link #attention} flagged. Returns true when it executed an instruction itself or delivered
     * an interrupt (the caller re-checks its limits).
     */
    private boolean serviceAttention() {
        attention = false;
        boolean ifSet = (c.eflagsRest & Eflags.IF) != 0;
        if (ifSet && shadow == 0 && c.pic.intrAsserted()) {
            int vector = c.pic.acknowledge();
            halted = false;
            guarded(() -> interrupts.external(vector));
            attention = true;
            return true;
        }
        if (halted) {
            return false;
        }
        boolean tf = (c.eflagsRest & Eflags.TF) != 0;
        if (tf || shadow > 0) {
            if (shadow > 0) {
                shadow--;
            }
            debugShadow = false;
            boolean completed = stepOne();
            if (tf && completed && !debugShadow) {
                c.dr[6] |= 1 << 14; // DR6.BS: single-step trap
                guarded(() -> interrupts.trap(Vector.DB, c.eip));
            }
            attention = true;
            return true;
        }
        return false;
    }

    /** Executes one instruction with fault handling; false when it faulted. */
    private boolean stepOne() {
        try {
            step();
            return true;
        } catch (CpuFault f) {
            fault(f);
            return false;
        }
    }

    private void runFast(long until) {
        while (cycles < until && !attention) {
            try {
                while (cycles < until && !attention) {
                    step();
                }
            } catch (CpuFault f) {
                fault(f);
            }
        }
    }

    private void runHooked(long until) {
        while (cycles < until && !attention) {
            if (!hook.beforeInstruction(c)) {
                stopRequested = true;
                return;
            }
            stepOne();
        }
    }

    private void fault(CpuFault f) {
        c.eip = insnEip;
        cycles++;
        guarded(() -> interrupts.exception(f));
    }

    /** Runs a delivery; a shutdown (triple fault) is recorded, never thrown out of the machine. */
    private void guarded(Runnable delivery) {
        try {
            delivery.run();
        } catch (Interrupts.TripleFault t) {
            tripleFaultReport = t.getMessage();
            attention = true;
        }
        fetchMiss();
    }

    /** Fetches, decodes (or finds cached) and executes the instruction at CS:EIP. */
    void step() {
        int eipNow = c.eip;
        insnEip = eipNow;
        int lin = csBase + eipNow;
        Insn i;
        if ((lin >>> 12) == fetchPageNo && fetchPage.valid) {
            i = fetchPage.slots[lin & 0xFFF];
            if (i == null) {
                i = decodeHere(lin);
            }
        } else {
            i = fetchSlow(eipNow);
        }
        if (!csFlat) {
            Segmentation.checkFetch(c, eipNow, i.len);
        }
        c.eip = eipNow + i.len;
        FastOps.execute(c, i);
        cycles++;
    }

    /**
     * Re-reads CS (its base and flatness are cached in {@link #csBase}/{@link #csFlat} between fetch misses: every
     * change to CS's descriptor cache is followed by {@link #fetchMiss}), translates the fetch address and selects
     * its code page (creating it), or decodes uncached.
     */
    private Insn fetchSlow(int eipNow) {
        SegmentCache cs = c.sregs[Cpu.CS];
        csBase = cs.base;
        csFlat = cs.flatRead;
        int lin = csBase + eipNow;
        long phys = c.mmu.translate(lin, false, c.cpl == 3);
        int pfn = (int) (phys >>> 12);
        if (phys + 0x1000 > ram.length) {
            fetchPageNo = -1;
            return decodeSlow(lin);
        }
        CodePage p = pages[pfn];
        boolean code32 = c.sregs[Cpu.CS].big;
        if (p != null && p.code32 != code32) {
            p.valid = false; // the same bytes now run with other default sizes: decode them afresh
            p = null;
        }
        if (p == null) {
            p = new CodePage(pfn, code32);
            pages[pfn] = p;
            mem.setCodeFrame(pfn, true);
            c.mmu.revokeWrites(pfn);
        }
        fetchPage = p;
        fetchPageNo = lin >>> 12;
        Insn i = p.slots[lin & 0xFFF];
        return i != null ? i : decodeHere(lin);
    }

    private static final CpuFault CROSS = new CpuFault(-1, 0);

    /** Decodes at {@code lin} inside {@link #fetchPage}; instructions crossing the page go uncached. */
    private Insn decodeHere(int lin) {
        int off = lin & 0xFFF;
        int base = fetchPage.pfn << 12;
        Insn i;
        try {
            i = Decoder.decode(k -> {
                if (off + k >= 4096) {
                    throw CROSS;
                }
                return ram[base + off + k];
            }, c.sregs[Cpu.CS].big);
        } catch (CpuFault f) {
            if (f != CROSS) {
                throw f;
            }
            return decodeSlow(lin);
        }
        fetchPage.put(off, i);
        return i;
    }

    /** Decodes byte by byte through the MMU (page-crossing or outside-RAM code); not cached. */
    private Insn decodeSlow(int lin) {
        boolean user = c.cpl == 3;
        return Decoder.decode(k -> mem.readByte(c.mmu.translate(lin + k, false, user)), c.sregs[Cpu.CS].big);
    }

    /** Memory write listener: drops code pages whose decoded bytes were overwritten. */
    private void codeWritten(int phys, int len) {
        int first = phys >>> 12;
        int last = (phys + len - 1) >>> 12;
        for (int pfn = first; pfn <= last && pfn < pages.length; pfn++) {
            CodePage p = pages[pfn];
            if (p == null) {
                continue;
            }
            int off = pfn == first ? phys & 0xFFF : 0;
            int n = pfn == first ? len : (phys + len) - (pfn << 12);
            if (p.overlaps(off, n)) {
                p.valid = false;
                pages[pfn] = null;
                mem.setCodeFrame(pfn, false);
            }
        }
    }
}
