package org.xenoscope.machine.cpu;

import org.xenoscope.machine.clock.VirtualClock;
import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.intr.InterruptController;
import org.xenoscope.machine.mem.IoBus;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.machine.mmu.Mmu;
import org.xenoscope.machine.mmu.SegmentCache;

/**
 * The IA-32 processor state and its data paths: registers, EFLAGS, segment registers with their descriptor
 * caches, control and debug registers, descriptor-table registers, and the memory accessors every instruction
 * goes through (segmentation, then paging via the {@link Mmu}). Instruction semantics live in the executor
 * classes of this package; the fetch-decode-execute loop lives in {@link Core}.
 *
 * <p>Invariants: only the simulation thread touches a Cpu. Registers are changed by an instruction only after
 * every access that can fault has been made, so a {@link CpuFault} leaves the state as it was before the
 * instruction (faults are restartable). {@link #cpl} always equals the RPL of CS except transiently during
 * far transfers.
 */
public final class Cpu {
    public static final int EAX = 0;
    public static final int ECX = 1;
    public static final int EDX = 2;
    public static final int EBX = 3;
    public static final int ESP = 4;
    public static final int EBP = 5;
    public static final int ESI = 6;
    public static final int EDI = 7;

    public static final int ES = 0;
    public static final int CS = 1;
    public static final int SS = 2;
    public static final int DS = 3;
    public static final int FS = 4;
    public static final int GS = 5;

    public static final String[] REG32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    public static final String[] SREG = {"es", "cs", "ss", "ds", "fs", "gs"};

    // CR0 and CR4 bits (SDM Vol. 3 §2.5)
    public static final int CR0_PE = 1;
    public static final int CR0_MP = 1 << 1;
    public static final int CR0_EM = 1 << 2;
    public static final int CR0_TS = 1 << 3;
    public static final int CR0_ET = 1 << 4;
    public static final int CR0_NE = 1 << 5;
    public static final int CR0_WP = 1 << 16;
    public static final int CR0_AM = 1 << 18;
    public static final int CR0_NW = 1 << 29;
    public static final int CR0_CD = 1 << 30;
    public static final int CR0_PG = 1 << 31;
    public static final int CR4_TSD = 1 << 2;
    public static final int CR4_DE = 1 << 3;
    public static final int CR4_PSE = 1 << 4;
    public static final int CR4_PAE = 1 << 5;
    public static final int CR4_PGE = 1 << 7;

    /** Index of a pseudo-register that always holds 0 (absent base/index in address arithmetic). */
    public static final int ZERO = 8;

    /** General registers, indexed EAX..EDI; r[ZERO] is always 0 and is never written. */
    public final int[] r = new int[9];
    public int eip;
    /** Arithmetic flags (lazily evaluated). */
    public final Flags flags = new Flags();
    /** EFLAGS bits other than the six arithmetic flags (bit 1 always set). */
    public int eflagsRest = Eflags.FIXED1;
    public final SegmentCache[] sregs = new SegmentCache[6];
    public final SegmentCache ldtr = new SegmentCache();
    public final SegmentCache tr = new SegmentCache();
    public int gdtBase;
    public int gdtLimit;
    public int idtBase;
    public int idtLimit;
    public int cpl;
    public int cr0 = CR0_PE | CR0_ET;
    public int cr2;
    public int cr3;
    public int cr4;
    public final int[] dr = new int[8];
    /** TLB permission bits for data accesses at the current CPL (Mmu.R_USR/W_USR at CPL 3, else R_SUP/W_SUP). */
    int rBit = Mmu.R_SUP;
    int wBit = Mmu.W_SUP;

    final Mmu mmu;
    final PhysicalMemory mem;
    final IoBus io;
    final VirtualClock clock;
    InterruptController pic = InterruptController.NONE;
    /** Java code standing in for ring 0, or null (a bare machine: ring-0 gates are delivered by the CPU). */
    RingZeroMonitor monitor;
    final Msrs msrs = new Msrs();
    final Core core;

    public Cpu(PhysicalMemory mem, Mmu mmu, IoBus io, VirtualClock clock) {
        this.mem = mem;
        this.mmu = mmu;
        this.io = io;
        this.clock = clock;
        for (int s = 0; s < 6; s++) {
            sregs[s] = new SegmentCache();
        }
        dr[6] = 0xFFFF0FF0;
        dr[7] = 0x400;
        this.core = new Core(this);
    }

    public void setInterruptController(InterruptController pic) {
        this.pic = pic;
    }

    /** Installs (or, with null, removes) the {@link RingZeroMonitor} that receives every ring-0 event. */
    public void setRingZeroMonitor(RingZeroMonitor m) {
        this.monitor = m;
    }

    /**
     * Contract: leaves the {@link RingZeroMonitor} for the guest context {@code csSel:eip}, {@code ssSel:esp},
     * {@code eflags}, with the checks and loads of an IRET executed at CPL 0 to the outer ring RPL(csSel) &gt; 0
     * (CS: code, present, DPL rules, offset within limit; SS: writable data with RPL = DPL = RPL(csSel), present;
     * data segments the new ring may not use become null). Throws the {@link CpuFault} IRET would raise and then
     * changes nothing — a hypervisor treats that as a fault in its own exit path.
     */
    public void enterGuest(int eip, int csSel, int eflags, int esp, int ssSel) {
        int saved = cpl;
        setCpl(0);
        try {
            FarOps.returnFromMonitor(this, eip, csSel, eflags, esp, ssSel);
        } catch (CpuFault f) {
            setCpl(saved);
            throw f;
        }
        core.fetchMiss();
        core.attention();
    }

    /** What CPUID returns for {@code leaf} on this processor, as {EAX, EBX, ECX, EDX}; changes nothing. */
    public int[] cpuid(int leaf) {
        return Cpuid.leaf(leaf);
    }

    public Core core() {
        return core;
    }

    public Mmu mmu() {
        return mmu;
    }

    public PhysicalMemory memory() {
        return mem;
    }

    public IoBus io() {
        return io;
    }

    public VirtualClock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- registers

    public int reg(int n) {
        return r[n];
    }

    public void setReg(int n, int v) {
        r[n] = v;
    }

    public int eip() {
        return eip;
    }

    public void setEip(int v) {
        eip = v;
        core.fetchMiss();
    }

    /** Register {@code n} of {@code size} bytes; byte registers are AL CL DL BL AH CH DH BH. */
    public int getReg(int size, int n) {
        if (size == 4) {
            return r[n];
        }
        if (size == 2) {
            return r[n] & 0xFFFF;
        }
        return n < 4 ? r[n] & 0xFF : (r[n - 4] >>> 8) & 0xFF;
    }

    public void setReg(int size, int n, int v) {
        if (size == 4) {
            r[n] = v;
        } else if (size == 2) {
            r[n] = (r[n] & 0xFFFF0000) | (v & 0xFFFF);
        } else if (n < 4) {
            r[n] = (r[n] & 0xFFFFFF00) | (v & 0xFF);
        } else {
            r[n - 4] = (r[n - 4] & 0xFFFF00FF) | ((v & 0xFF) << 8);
        }
    }

    public int eflags() {
        return eflagsRest | flags.get();
    }

    /** Sets EFLAGS as a privileged loader would (no checks); VM is forced to 0, bit 1 to 1. */
    public void setEflags(int v) {
        flags.load(v);
        int old = eflagsRest;
        eflagsRest = (v & ~Eflags.ARITH & Eflags.WRITABLE) | Eflags.FIXED1;
        if (((old ^ eflagsRest) & (Eflags.IF | Eflags.TF)) != 0) {
            core.attention();
        }
    }

    public boolean getFlag(int bit) {
        return (eflags() & bit) != 0;
    }

    public int iopl() {
        return (eflagsRest & Eflags.IOPL) >>> Eflags.IOPL_SHIFT;
    }

    public int cpl() {
        return cpl;
    }

    /** Sets the current privilege level (and the TLB permission bits that go with it). */
    public void setCpl(int c) {
        cpl = c;
        rBit = c == 3 ? Mmu.R_USR : Mmu.R_SUP;
        wBit = c == 3 ? Mmu.W_USR : Mmu.W_SUP;
    }

    public SegmentCache seg(int s) {
        return sregs[s];
    }

    public long cycles() {
        return core.cycles;
    }

    // ---------------------------------------------------------------- control registers

    public int cr(int n) {
        switch (n) {
            case 0: return cr0;
            case 2: return cr2;
            case 3: return cr3;
            case 4: return cr4;
            default: throw CpuFault.ud();
        }
    }

    /**
     * MOV to CRn with the architectural checks (SDM Vol. 3 §2.5, §4.1): reserved bits → #GP(0), PG without PE
     * → #GP(0), NW without CD → #GP(0), a PAE PDPT with reserved bits → #GP(0). Paging changes flush the TLB.
     */
    public void writeCr(int n, int v) {
        switch (n) {
            case 0:
                if ((v & CR0_PG) != 0 && (v & CR0_PE) == 0 || (v & CR0_NW) != 0 && (v & CR0_CD) == 0) {
                    throw CpuFault.gp(0);
                }
                if ((v & CR0_PE) == 0) {
                    throw CpuFault.gp(0); // SIMPLIFICATION: no real mode; clearing PE is refused
                }
                applyPaging(v | CR0_ET, cr3, cr4);
                break;
            case 2:
                cr2 = v;
                break;
            case 3:
                applyPaging(cr0, v, cr4);
                break;
            case 4:
                if ((v & ~(CR4_TSD | CR4_DE | CR4_PSE | CR4_PAE | CR4_PGE | 0x200 | 0x400)) != 0) {
                    throw CpuFault.gp(0);
                }
                applyPaging(cr0, cr3, v);
                break;
            default:
                throw CpuFault.ud();
        }
    }

    private void applyPaging(int newCr0, int newCr3, int newCr4) {
        boolean pg = (newCr0 & CR0_PG) != 0;
        mmu.configure(pg, (newCr0 & CR0_WP) != 0, (newCr4 & CR4_PAE) != 0, (newCr4 & CR4_PSE) != 0, newCr3);
        cr0 = newCr0;
        cr3 = newCr3;
        cr4 = newCr4;
    }

    public void setGdtr(int base, int limit) {
        gdtBase = base;
        gdtLimit = limit & 0xFFFF;
    }

    public void setIdtr(int base, int limit) {
        idtBase = base;
        idtLimit = limit & 0xFFFF;
    }

    /** Loads a segment register's cache directly, as a boot loader's far jump would leave it (no checks). */
    public void setSegmentCache(int s, int selector, int base, int limit, int access, boolean big) {
        sregs[s].set(selector, base, limit, access, big);
        if (s == CS) {
            setCpl(selector & 3);
            core.fetchMiss();
        }
    }

    /** MOV/POP to a segment register: a full protected-mode load from the GDT/LDT (all checks). */
    public void loadSegment(int s, int selector) {
        Segmentation.loadDataOrStack(this, s, selector);
    }

    /** LLDT with the usual checks (a null selector leaves no LDT). */
    public void loadLdt(int selector) {
        Segmentation.loadLdt(this, selector);
    }

    /** LTR with the usual checks. */
    public void loadTr(int selector) {
        Segmentation.loadTr(this, selector);
    }

    // ---------------------------------------------------------------- memory through segmentation

    /** Effective address of the memory operand (offset within its segment). */
    public int ea(Insn i) {
        return (i.disp + r[i.eaBase] + (r[i.eaIndex] << i.scale)) & i.eaMask;
    }

    /** Linear address for a read of {@code size} bytes at seg:off, with the limit and type checks. */
    public int linRead(int seg, int off, int size) {
        SegmentCache s = sregs[seg];
        return s.flatRead ? off : Segmentation.checkRead(this, seg, off, size);
    }

    public int linWrite(int seg, int off, int size) {
        SegmentCache s = sregs[seg];
        return s.flatWrite ? off : Segmentation.checkWrite(this, seg, off, size);
    }

    public int read8(int seg, int off) {
        return mmu.read8(linRead(seg, off, 1), rBit);
    }

    public int read16(int seg, int off) {
        return mmu.read16(linRead(seg, off, 2), rBit);
    }

    public int read32(int seg, int off) {
        return mmu.read32(linRead(seg, off, 4), rBit);
    }

    public int read(int size, int seg, int off) {
        return size == 4 ? read32(seg, off) : size == 2 ? read16(seg, off) : read8(seg, off);
    }

    public void write8(int seg, int off, int v) {
        mmu.write8(linWrite(seg, off, 1), v, wBit);
    }

    public void write16(int seg, int off, int v) {
        mmu.write16(linWrite(seg, off, 2), v, wBit);
    }

    public void write32(int seg, int off, int v) {
        mmu.write32(linWrite(seg, off, 4), v, wBit);
    }

    public void write(int size, int seg, int off, int v) {
        if (size == 4) {
            write32(seg, off, v);
        } else if (size == 2) {
            write16(seg, off, v);
        } else {
            write8(seg, off, v);
        }
    }

    /** Reads at a linear address with the current CPL's rights (after segmentation). */
    public int readLin(int size, int lin) {
        return size == 4 ? mmu.read32(lin, rBit) : size == 2 ? mmu.read16(lin, rBit) : mmu.read8(lin, rBit);
    }

    public void writeLin(int size, int lin, int v) {
        if (size == 4) {
            mmu.write32(lin, v, wBit);
        } else if (size == 2) {
            mmu.write16(lin, v, wBit);
        } else {
            mmu.write8(lin, v, wBit);
        }
    }

    /** Supervisor ("system") accesses: descriptor tables, TSS, delivery frames of inner rings. */
    public int readLinear8(int lin) {
        return mmu.read8(lin, Mmu.R_SUP);
    }

    public int readLinear16(int lin) {
        return mmu.read16(lin, Mmu.R_SUP);
    }

    public int readLinear32(int lin) {
        return mmu.read32(lin, Mmu.R_SUP);
    }

    public void writeLinear8(int lin, int v) {
        mmu.write8(lin, v, Mmu.W_SUP);
    }

    public void writeLinear16(int lin, int v) {
        mmu.write16(lin, v, Mmu.W_SUP);
    }

    public void writeLinear32(int lin, int v) {
        mmu.write32(lin, v, Mmu.W_SUP);
    }

    // ---------------------------------------------------------------- operands A and B

    /** Operand A (register or memory) of {@code i}'s operand size. */
    public int readA(Insn i) {
        return i.isMemA() ? read(i.osize, i.seg, ea(i)) : getReg(i.osize, i.a);
    }

    public void writeA(Insn i, int v) {
        if (i.isMemA()) {
            write(i.osize, i.seg, ea(i), v);
        } else {
            setReg(i.osize, i.a, v);
        }
    }

    /** Operand B: a register, memory (K_RM), or the immediate. */
    public int readB(Insn i) {
        switch (i.kind) {
            case Insn.K_RR: case Insn.K_MR: return getReg(i.osize, i.b);
            case Insn.K_RM: return read(i.osize, i.seg, ea(i));
            default: return i.imm;
        }
    }

    // ---------------------------------------------------------------- stack

    /** Offset of the stack top, as wide as SS's B bit says (ESP or SP). */
    public int sp() {
        return sregs[SS].big ? r[ESP] : r[ESP] & 0xFFFF;
    }

    public void setSp(int v) {
        if (sregs[SS].big) {
            r[ESP] = v;
        } else {
            r[ESP] = (r[ESP] & 0xFFFF0000) | (v & 0xFFFF);
        }
    }

    /** Pushes {@code size} bytes (2 or 4); the write happens before ESP changes, so a fault leaves ESP intact. */
    public void push(int size, int v) {
        int nsp = sp() - size;
        if (!sregs[SS].big) {
            nsp &= 0xFFFF;
        }
        write(size, SS, nsp, v);
        setSp(nsp);
    }

    /** PUSH of a dword; a flat 32-bit stack segment needs no segment check. */
    public void push32(int v) {
        SegmentCache ss = sregs[SS];
        if (ss.flatWrite && ss.big) {
            int nsp = r[ESP] - 4;
            mmu.write32(nsp, v, wBit);
            r[ESP] = nsp;
        } else {
            push(4, v);
        }
    }

    /** Reads the value {@code size} bytes at the stack top without popping it. */
    public int peek(int size, int offset) {
        int a = sp() + offset;
        return read(size, SS, sregs[SS].big ? a : a & 0xFFFF);
    }

    public int pop(int size) {
        int v = peek(size, 0);
        setSp(sp() + size);
        return v;
    }

    /** POP of a dword; a flat 32-bit stack segment needs no segment check. */
    public int pop32() {
        SegmentCache ss = sregs[SS];
        if (ss.flatRead && ss.big) {
            int sp = r[ESP];
            int v = mmu.read32(sp, rBit);
            r[ESP] = sp + 4;
            return v;
        }
        return pop(4);
    }

    // ---------------------------------------------------------------- I/O permission

    /**
     * I/O instructions are allowed when CPL <= IOPL; otherwise the TSS I/O permission bitmap decides
     * (SDM Vol. 1 §19.5). A missing or short bitmap denies access. Raises #GP(0) when denied.
     */
    public void checkIo(int port, int size) {
        if (cpl <= iopl()) {
            return;
        }
        SegmentCache t = tr;
        if (t.unusable || t.limit < 0x67) {
            throw CpuFault.gp(0);
        }
        int mapBase = readLinear16(t.base + 0x66);
        int byteOff = mapBase + (port >>> 3);
        if (byteOff + 1 > t.limit) {
            throw CpuFault.gp(0);
        }
        int bits = readLinear16(t.base + byteOff);
        int mask = ((1 << size) - 1) << (port & 7);
        if ((bits & mask) != 0) {
            throw CpuFault.gp(0);
        }
    }
}
