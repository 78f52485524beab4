package org.xenoscope.machine.cpu.diff;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Runs a batch's program on Xenoscope in ring 3 of a real protected-mode setup, and plays Linux for it: INT 0x80
 * goes through a DPL-3 interrupt gate to a ring-0 handler {@code hlt; iret}; the HLT stops the machine (IF=0
 * inside an interrupt gate), the harness performs write(2) or exit(2) from EAX EBX ECX EDX, puts the result in
 * EAX and resumes, and the IRET returns to ring 3. Paging is off: linear = physical.
 *
 * <pre>
 *  0x1000 GDT: 0x00 null, 0x08 code r0, 0x10 data r0, 0x18 null, 0x20 code r3 (sel 0x23),
 *              0x28 data r3 (sel 0x2B), 0x30 32-bit TSS -- the ring-3 selectors are those a 64-bit Linux gives
 *              a 32-bit process (CS 0x23, DS ES SS 0x2B, FS GS null), so MOV r, Sreg reads the same values
 *  0x2000 IDT: 256 interrupt gates; 0x80 (DPL 3) -> 0x5000, every other vector v (DPL 0) -> 0x6000 + 4v
 *  0x3000 TSS: SS0:ESP0 = 0x10:0x9000
 *  0x5000 F4 CF (hlt; iret)           0x6000 + 4v: F4 EB FE (hlt; jmp $): an unexpected exception
 *  0x400000 the program image (objcopy -O binary), entry at Layout.TEXT_BASE
 * </pre>
 *
 * An unexpected exception in a case is reported as that case's failure, and the run goes on with the next case
 * (back in ring 3, at its label), so one bad instruction does not hide the rest of the batch.
 */
public final class XenoscopeRunner {
    static final int GDT = 0x1000;
    static final int IDT = 0x2000;
    static final int TSS = 0x3000;
    static final int SYSCALL = 0x5000;
    static final int FAULTS = 0x6000;
    static final int STACK0 = 0x9000;
    static final int CODE3 = 0x23;
    static final int DATA3 = 0x2B;
    static final int TSS_SEL = 0x30;
    private static final long BUDGET = 50_000_000L;

    /** Result: the record stream, plus one text per case that faulted (keyed by case id) or a fatal stop. */
    public record Outcome(byte[] records, Map<Integer, String> faults, String fatal) {
    }

    private final Batch batch;
    private final Consumer<Cpu> wake;
    private final Machine machine;
    private final Cpu cpu;
    private final PhysicalMemory mem;

    /**
     * @param wake makes a CPU that stopped in HLT with IF=0 continue after the HLT (see the class comment of
     *             DifferentialCpuTest for why this is passed in)
     */
    public XenoscopeRunner(Batch batch, Consumer<Cpu> wake) {
        this.batch = batch;
        this.wake = wake;
        this.machine = new Machine(16 << 20);
        this.cpu = machine.cpu();
        this.mem = machine.memory();
    }

    /**
     * Loads the image and the system tables, runs the program to its exit, returns what it wrote. A Java
     * exception escaping the simulator is a simulator bug: it ends the run as a fatal stop naming it.
     */
    public Outcome run() {
        byte[] image = batch.image();
        mem.load(Layout.DATA_BASE, image, 0, image.length);
        buildTables();
        enterRing3(Layout.TEXT_BASE);
        cpu.setReg(Cpu.ESP, Layout.DUMP_STACK_TOP);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<Integer, String> faults = new TreeMap<>();
        try {
            return loop(out, faults);
        } catch (RuntimeException e) {
            return new Outcome(out.toByteArray(), faults, String.format("simulator threw %s at eip=0x%x", e,
                cpu.eip()));
        }
    }

    private Outcome loop(ByteArrayOutputStream out, Map<Integer, String> faults) {
        List<TestCase> cases = batch.cases();
        while (true) {
            RunResult r = machine.run(BUDGET);
            if (r.reason() != StopReason.HALTED) {
                return new Outcome(out.toByteArray(), faults, r.reason() + ": " + r.detail());
            }
            int at = cpu.eip();
            if (at == SYSCALL + 1) {
                if (syscall(out)) {
                    return new Outcome(out.toByteArray(), faults, null);
                }
                wake.accept(cpu);
                continue;
            }
            int done = out.size() / Layout.RECORD_SIZE;
            if (at < FAULTS || at >= FAULTS + 4 * 256 || done >= cases.size()) {
                return new Outcome(out.toByteArray(), faults, "stopped at eip=0x" + Integer.toHexString(at));
            }
            TestCase victim = cases.get(done);
            faults.put(victim.id(), describeFault((at - FAULTS) / 4));
            out.write(new byte[Layout.RECORD_SIZE], 0, Layout.RECORD_SIZE);
            String next = done + 1 < cases.size() ? "case_" + cases.get(done + 1).id() : "done";
            wake.accept(cpu);
            enterRing3(batch.symbol(next));
        }
    }

    /**
     * Performs the system call in EAX; true when it was exit. First checks that INT 0x80 really went from ring 3
     * to ring 0: CPL 0 now, and the frame on the TSS stack holds the ring-3 SS and CS.
     */
    private boolean syscall(ByteArrayOutputStream out) {
        int frame = STACK0 - 20;
        if (cpu.cpl() != 0 || cpu.reg(Cpu.ESP) != frame || (mem.readDword(frame + 4) & 0xFFFF) != CODE3
            || (mem.readDword(frame + 16) & 0xFFFF) != DATA3) {
            throw new IllegalStateException(String.format("INT 0x80 did not arrive as a ring-3 -> ring-0 interrupt "
                + "(cpl %d, esp %08x, frame cs %04x ss %04x)", cpu.cpl(), cpu.reg(Cpu.ESP),
                mem.readDword(frame + 4) & 0xFFFF, mem.readDword(frame + 16) & 0xFFFF));
        }
        int nr = cpu.reg(Cpu.EAX);
        if (nr == 1) {
            return true;
        }
        if (nr == 125) {
            cpu.setReg(Cpu.EAX, 0); // mprotect: without paging, every byte is writable and executable already
            return false;
        }
        if (nr != 4 || cpu.reg(Cpu.EBX) != 1) {
            throw new IllegalStateException("unexpected system call " + nr);
        }
        int len = cpu.reg(Cpu.EDX);
        out.write(mem.read(cpu.reg(Cpu.ECX) & 0xFFFFFFFFL, len), 0, len);
        cpu.setReg(Cpu.EAX, len);
        return false;
    }

    /** "#GP(0x0) at eip=..." from the frame on the ring-0 stack. */
    private String describeFault(int vector) {
        boolean hasCode = vector == 8 || (vector >= 10 && vector <= 14) || vector == 17;
        int esp = cpu.reg(Cpu.ESP);
        int eip = mem.readDword(esp + (hasCode ? 4 : 0));
        String[] names = {"DE", "DB", "NMI", "BP", "OF", "BR", "UD", "NM", "DF", "09", "TS", "NP", "SS", "GP", "PF"};
        String name = vector < names.length ? "#" + names[vector] : "vector " + vector;
        String code = hasCode ? "(0x" + Integer.toHexString(mem.readDword(esp)) + ")" : "";
        return name + code + " at eip=0x" + Integer.toHexString(eip);
    }

    private void buildTables() {
        long[] gdt = {0, flat(0x9A), flat(0x92), 0, flat(0xFA), flat(0xF2), tssDescriptor()};
        for (int i = 0; i < gdt.length; i++) {
            mem.writeQword(GDT + 8L * i, gdt[i]);
        }
        for (int v = 0; v < 256; v++) {
            boolean sys = v == 0x80;
            mem.writeQword(IDT + 8L * v, gate(sys ? SYSCALL : FAULTS + 4 * v, sys ? 3 : 0));
            if (!sys) {
                mem.load(FAULTS + 4L * v, new byte[] {(byte) 0xF4, (byte) 0xEB, (byte) 0xFE}, 0, 3);
            }
        }
        mem.load(SYSCALL, new byte[] {(byte) 0xF4, (byte) 0xCF}, 0, 2);
        mem.writeDword(TSS + 4, STACK0);
        mem.writeDword(TSS + 8, 0x10);
        mem.writeWord(TSS + 102, 104);
        cpu.setGdtr(GDT, 8 * gdt.length - 1);
        cpu.setIdtr(IDT, 8 * 256 - 1);
        cpu.setSegmentCache(Cpu.CS, 0x08, 0, -1, 0x9B, true);
        cpu.loadTr(TSS_SEL);
    }

    /**
     * Ring 3 at {@code eip}: CS from the cache shortcut (sets CPL 3), SS DS ES through real loads of the flat
     * data selector, FS and GS null.
     */
    private void enterRing3(int eip) {
        cpu.setSegmentCache(Cpu.CS, CODE3, 0, -1, 0xFB, true);
        for (int s : new int[] {Cpu.SS, Cpu.DS, Cpu.ES}) {
            cpu.loadSegment(s, DATA3);
        }
        cpu.loadSegment(Cpu.FS, 0);
        cpu.loadSegment(Cpu.GS, 0);
        cpu.setEflags(0x202);
        cpu.setEip(eip);
    }

    /** A flat 4 GiB 32-bit segment descriptor with access byte {@code access}. */
    private static long flat(int access) {
        return 0x0000FFFFL | ((long) (0x00CF0000 | access << 8) << 32);
    }

    private static long tssDescriptor() {
        long low = ((TSS & 0xFFFFL) << 16) | 0x67;
        long high = ((TSS >>> 16) & 0xFF) | 0x8900 | (TSS & 0xFF000000L);
        return low | high << 32;
    }

    /** A present 32-bit interrupt gate to 0x08:{@code offset} with the given DPL. */
    private static long gate(int offset, int dpl) {
        long low = (0x08L << 16) | (offset & 0xFFFF);
        long high = (offset & 0xFFFF0000L) | 0x8E00 | (dpl << 13);
        return low | high << 32;
    }
}
