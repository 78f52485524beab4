package org.xenoscope.machine.cpu;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Test fixture: a machine whose protected-mode structures are real tables in guest memory, built the way an OS
 * builds them: a GDT with ring-0, ring-1 and ring-3 code and data plus some deliberately odd descriptors, a
 * 32-bit TSS with ring-0/ring-1 stacks and a full I/O permission bitmap, an IDT whose 256 gates lead to stubs
 * that record each exception, and (on request) identity-mapping 2-level or PAE page tables.
 *
 * <pre>
 *  physical layout                                 GDT (selector: descriptor)
 *   0x001000  kernel test code  (ring 0)            0x08 KCODE   flat code DPL0      0x50 NPDATA  data, not present
 *   0x002000  user test code    (ring 3)            0x10 KDATA   flat data DPL0      0x58 NPCODE  code, not present
 *   0x003000  user data page                        0x18 R1CODE  flat code DPL1      0x60 CONFCODE conforming, DPL0
 *   0x010000  GDT                                   0x20 R1DATA  flat data DPL1      0x68 CALLGATE 32-bit call gate
 *   0x011000  IDT (256 gates)                       0x28 UCODE   flat code DPL3      0x70 XOCODE  execute-only code
 *   0x012000  stubs: vector v at 0x12000 + 16*v     0x30 UDATA   flat data DPL3      0x78 RODATA  read-only data
 *   0x013000  common handler                        0x38 TSS     32-bit TSS          0x80 EXPDOWN expand-down, limit 0xFFF
 *   0x016000  record: count, +0x100 actions[256],   0x40 LIMDATA base 0x200000,      0x88 KCODE16 16-bit code
 *             +0x200 log (32-byte entries)                   limit 0xFFF             0x90 LIMSTACK stack, limit 0x7FFFF
 *   0x017000  LDT: entry 1 (selector 0x0C) = data,                                   0x98 LDT     the LDT (2 entries)
 *             base 0x200000, limit 0xFFF                                              0xA0, 0xA8   free for tests
 *   0x020000  TSS (+0x68 I/O bitmap, all ports denied)
 *   0x060000  ring-1 stack top   0x070000 ring-3 stack top   0x080000 ring-0 stack top (TSS.ESP0)
 *   0x100000  2-level paging: page directory, then page tables for 0-4 MiB (identity) and 4-8 MiB (empty)
 *   0x103000  PAE: PDPT, page directory, page tables for 0-2, 2-4 MiB (identity) and 4-6 MiB (empty)
 * </pre>
 *
 * Each exception or interrupt appends a log entry (vector, error code or 0, EIP, CS, EFLAGS, ESP and SS when
 * the handler was entered from an outer ring, CR2). Then the handler restores the general registers and DS and
 * either halts with IF=0, ending the run with HALTED (the default), or, when {@link #resume} was asked for that
 * vector, drops vector and error code and IRETs. After a halt the general registers other than ESP are those of
 * the interrupted code, so tests can read results from them.
 */
public final class ProtectedModeSetup {
    public static final int KCODE = 0x08;
    public static final int KDATA = 0x10;
    public static final int R1CODE = 0x19;
    public static final int R1DATA = 0x21;
    public static final int UCODE = 0x2B;
    public static final int UDATA = 0x33;
    public static final int TSS = 0x38;
    public static final int LIMDATA = 0x40;
    public static final int NPDATA = 0x50;
    public static final int NPCODE = 0x58;
    public static final int CONFCODE = 0x60;
    public static final int CALLGATE = 0x68;
    public static final int XOCODE = 0x70;
    public static final int RODATA = 0x78;
    public static final int EXPDOWN = 0x80;
    public static final int KCODE16 = 0x88;
    public static final int LIMSTACK = 0x90;
    public static final int LDT = 0x98;
    public static final int GDT_ENTRIES = 22;

    public static final int KERNEL_CODE = 0x1000;
    public static final int USER_CODE = 0x2000;
    public static final int USER_DATA = 0x3000;
    public static final int GDT = 0x10000;
    public static final int IDT = 0x11000;
    public static final int STUBS = 0x12000;
    public static final int RECORD = 0x16000;
    public static final int LDT_BASE = 0x17000;
    public static final int ACTIONS = RECORD + 0x100;
    public static final int LOG = RECORD + 0x200;
    public static final int LOG_MAX = 64;
    public static final int TSS_BASE = 0x20000;
    public static final int IOMAP = 0x68;
    public static final int TSS_LIMIT = IOMAP + 0x2000;
    public static final int R1STACK = 0x60000;
    public static final int USTACK = 0x70000;
    public static final int KSTACK = 0x80000;
    public static final int LIMDATA_BASE = 0x200000;

    public static final int PD2 = 0x100000;
    public static final int PT2_LOW = 0x101000;
    public static final int PT2_HIGH = 0x102000;
    public static final int PDPT = 0x103000;
    public static final int PAE_PD = 0x104000;
    public static final int PAE_PT0 = 0x105000;
    public static final int PAE_PT1 = 0x106000;
    public static final int PAE_PT2 = 0x107000;

    /** One recorded exception or interrupt. {@code esp}/{@code ss} are 0 unless it came from an outer ring. */
    public record Event(int vector, int error, int eip, int cs, int eflags, int esp, int ss, int cr2) {
        @Override
        public String toString() {
            return String.format("vec=%d err=0x%x eip=0x%x cs=0x%x eflags=0x%x esp=0x%x ss=0x%x cr2=0x%x",
                vector, error, eip, cs, eflags, esp, ss, cr2);
        }
    }

    public final Machine m;
    public final Cpu cpu;
    public final PhysicalMemory mem;
    private Nasm.Program kernelProgram;
    private Nasm.Program userProgram;

    /** A 4 MiB machine at CPL 0 with flat ring-0 segments, GDTR, IDTR and TR loaded, paging off. */
    public ProtectedModeSetup() {
        m = new Machine(4 << 20);
        cpu = m.cpu();
        mem = m.memory();
        writeGdt();
        writeTss();
        for (int v = 0; v < 256; v++) {
            gate(v, v == 0x80 ? 3 : 0, true);
        }
        byte[] stubs = Nasm.program(stubSource()).code();
        mem.load(STUBS, stubs, 0, stubs.length);
        cpu.setGdtr(GDT, GDT_ENTRIES * 8 - 1);
        cpu.setIdtr(IDT, 256 * 8 - 1);
        cpu.setSegmentCache(Cpu.CS, KCODE, 0, -1, 0x9B, true);
        for (int s : new int[] {Cpu.DS, Cpu.ES, Cpu.SS, Cpu.FS, Cpu.GS}) {
            cpu.setSegmentCache(s, KDATA, 0, -1, 0x93, true);
        }
        cpu.loadTr(TSS);
        cpu.setReg(Cpu.ESP, KSTACK);
        cpu.setEflags(0x2);
        cpu.setEip(KERNEL_CODE);
    }

    /** Raw 8-byte segment descriptor; {@code flags} is G (8) | D/B (4), {@code limit} the 20-bit field. */
    public static long descriptor(int base, int limit, int access, int flags) {
        long lo = (limit & 0xFFFF) | ((long) (base & 0xFFFF) << 16);
        long hi = ((base >>> 16) & 0xFF) | ((long) access << 8) | (limit & 0xF0000) | ((long) (flags & 0xF) << 20)
            | (base & 0xFF000000L);
        return (lo & 0xFFFFFFFFL) | (hi << 32);
    }

    /** Writes GDT entry {@code index}. */
    public void setDescriptor(int index, long desc) {
        mem.writeQword(GDT + index * 8L, desc);
    }

    private void writeGdt() {
        setDescriptor(0, 0);
        setDescriptor(1, descriptor(0, 0xFFFFF, 0x9B, 0xC));
        setDescriptor(2, descriptor(0, 0xFFFFF, 0x93, 0xC));
        setDescriptor(3, descriptor(0, 0xFFFFF, 0xBB, 0xC));
        setDescriptor(4, descriptor(0, 0xFFFFF, 0xB3, 0xC));
        setDescriptor(5, descriptor(0, 0xFFFFF, 0xFB, 0xC));
        setDescriptor(6, descriptor(0, 0xFFFFF, 0xF3, 0xC));
        setDescriptor(7, descriptor(TSS_BASE, TSS_LIMIT, 0x89, 0));
        setDescriptor(8, descriptor(LIMDATA_BASE, 0xFFF, 0x93, 0x4));
        setDescriptor(10, descriptor(0, 0xFFFFF, 0x13, 0xC));
        setDescriptor(11, descriptor(0, 0xFFFFF, 0x1B, 0xC));
        setDescriptor(12, descriptor(0, 0xFFFFF, 0x9F, 0xC));
        // call gate: offset 15:0 | selector, then offset 31:16 | P DPL3 type 0xC | 0 parameters
        mem.writeDword(GDT + 13 * 8, (KERNEL_CODE & 0xFFFF) | (KCODE << 16));
        mem.writeDword(GDT + 13 * 8 + 4, (KERNEL_CODE & 0xFFFF0000) | 0xEC00);
        setDescriptor(14, descriptor(0, 0xFFFFF, 0x99, 0xC));
        setDescriptor(15, descriptor(0, 0xFFFFF, 0x91, 0xC));
        setDescriptor(16, descriptor(0, 0xFFF, 0x97, 0x4));
        setDescriptor(17, descriptor(0, 0xFFFF, 0x9B, 0));
        setDescriptor(18, descriptor(0, 0x7FFFF, 0x93, 0x4));
        setDescriptor(19, descriptor(LDT_BASE, 0xF, 0x82, 0));
        mem.writeQword(LDT_BASE + 8, descriptor(LIMDATA_BASE, 0xFFF, 0x93, 0x4));
    }

    private void writeTss() {
        mem.zero(TSS_BASE, IOMAP);
        mem.writeDword(TSS_BASE + 4, KSTACK);
        mem.writeDword(TSS_BASE + 8, KDATA);
        mem.writeDword(TSS_BASE + 0xC, R1STACK);
        mem.writeDword(TSS_BASE + 0x10, R1DATA);
        mem.writeWord(TSS_BASE + 0x66, IOMAP);
        for (int k = 0; k <= 0x2000; k++) {
            mem.writeByte(TSS_BASE + IOMAP + k, 0xFF);
        }
    }

    /** Lets CPL 3 use I/O port {@code port} through the TSS bitmap (clears its bit). */
    public void allowPort(int port) {
        int a = TSS_BASE + IOMAP + (port >>> 3);
        mem.writeByte(a, mem.readByte(a) & ~(1 << (port & 7)));
    }

    /** IDT gate {@code v}: a 32-bit interrupt gate to the recording stub, with the given DPL and P bit. */
    public void gate(int v, int dpl, boolean present) {
        int off = STUBS + v * 16;
        mem.writeDword(IDT + v * 8, (off & 0xFFFF) | (KCODE << 16));
        mem.writeDword(IDT + v * 8 + 4, (off & 0xFFFF0000) | (present ? 0x8000 : 0) | (dpl << 13) | 0x0E00);
    }

    /** After recording vector {@code v}, the handler returns with IRET instead of halting. */
    public void resume(int v) {
        mem.writeByte(ACTIONS + v, 1);
    }

    /** %defines for every constant above, so snippets can say KDATA, USER_DATA, PT2_HIGH... */
    public static String prelude() {
        StringBuilder sb = new StringBuilder();
        for (var f : ProtectedModeSetup.class.getFields()) {
            if (f.getType() == int.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                try {
                    sb.append("%define ").append(f.getName()).append(" 0x")
                        .append(Integer.toHexString(f.getInt(null))).append('\n');
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return sb.toString();
    }

    /** Assembles ring-0 test code at {@link #KERNEL_CODE} and starts there. */
    public ProtectedModeSetup kernel(String asm) {
        kernelProgram = Nasm.program32(KERNEL_CODE, prelude() + asm);
        byte[] b = kernelProgram.code();
        mem.load(KERNEL_CODE, b, 0, b.length);
        cpu.setEip(KERNEL_CODE);
        return this;
    }

    /** Assembles ring-3 test code at {@link #USER_CODE} (does not start it). */
    public ProtectedModeSetup user(String asm) {
        userProgram = Nasm.program32(USER_CODE, prelude() + asm);
        byte[] b = userProgram.code();
        mem.load(USER_CODE, b, 0, b.length);
        return this;
    }

    /** Address of a label of the kernel snippet, or of the user snippet when the kernel has none by that name. */
    public int sym(String label) {
        if (kernelProgram != null && kernelProgram.symbols().containsKey(label)) {
            return kernelProgram.sym(label);
        }
        if (userProgram == null) {
            return kernelProgram.sym(label);
        }
        return userProgram.sym(label);
    }

    /** Starts at {@link #USER_CODE} in ring 3 (segment caches set as a loader would), ESP = USTACK. */
    public ProtectedModeSetup startUser(int eflags) {
        cpu.setSegmentCache(Cpu.CS, UCODE, 0, -1, 0xFB, true);
        for (int s : new int[] {Cpu.DS, Cpu.ES, Cpu.SS, Cpu.FS, Cpu.GS}) {
            cpu.setSegmentCache(s, UDATA, 0, -1, 0xF3, true);
        }
        cpu.setReg(Cpu.ESP, USTACK);
        cpu.setEflags(eflags);
        cpu.setEip(USER_CODE);
        return this;
    }

    public RunResult run() {
        return m.run(1_000_000);
    }

    /** The exceptions and interrupts recorded so far, oldest first. */
    public List<Event> events() {
        int n = Math.min(mem.readDword(RECORD), LOG_MAX);
        List<Event> l = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int a = LOG + k * 32;
            l.add(new Event(mem.readDword(a), mem.readDword(a + 4), mem.readDword(a + 8), mem.readDword(a + 12),
                mem.readDword(a + 16), mem.readDword(a + 20), mem.readDword(a + 24), mem.readDword(a + 28)));
        }
        return l;
    }

    /** The single recorded event (fails when there is not exactly one). */
    public Event onlyEvent() {
        List<Event> l = events();
        if (l.size() != 1) {
            throw new AssertionError("expected exactly one exception, got " + l);
        }
        return l.get(0);
    }

    // ---------------------------------------------------------------- paging

    /**
     * Builds 2-level tables (not yet enabled): 0-4 MiB identity-mapped, supervisor read/write; the 4-8 MiB table
     * present but empty. Directory entries allow everything (P W U), so page-table entries decide.
     */
    public void build2Level() {
        mem.zero(PD2, 0x3000);
        mem.writeDword(PD2, PT2_LOW | 7);
        mem.writeDword(PD2 + 4, PT2_HIGH | 7);
        for (int k = 0; k < 1024; k++) {
            mem.writeDword(PT2_LOW + k * 4L, (k << 12) | 3);
        }
    }

    /** Physical address of the 2-level PTE that maps {@code lin} (below 8 MiB). */
    public static int pte2(int lin) {
        return (lin < 0x400000 ? PT2_LOW : PT2_HIGH) + ((lin >>> 12) & 0x3FF) * 4;
    }

    /** Builds PAE tables: 0-4 MiB identity-mapped supervisor read/write; the 4-6 MiB table empty. */
    public void buildPae() {
        mem.zero(PDPT, 0x5000);
        mem.writeQword(PDPT, PAE_PD | 1);
        mem.writeQword(PAE_PD, PAE_PT0 | 7);
        mem.writeQword(PAE_PD + 8, PAE_PT1 | 7);
        mem.writeQword(PAE_PD + 16, PAE_PT2 | 7);
        for (int k = 0; k < 1024; k++) {
            mem.writeQword((k < 512 ? PAE_PT0 : PAE_PT1) + (k % 512) * 8L, ((long) k << 12) | 3);
        }
    }

    /** Physical address of the PAE PTE that maps {@code lin} (below 6 MiB). */
    public static int paePte(int lin) {
        int[] pts = {PAE_PT0, PAE_PT1, PAE_PT2};
        return pts[lin >>> 21] + ((lin >>> 12) & 0x1FF) * 8;
    }

    /** Sets the U/S bit on the 2-level PTEs of [lin, lin + bytes). */
    public void userPages2(int lin, int bytes) {
        for (int a = lin; a < lin + bytes; a += 4096) {
            mem.writeDword(pte2(a), mem.readDword(pte2(a)) | 4);
        }
    }

    /** User code, data and stack pages become user-accessible (2-level tables). */
    public void userAreas2() {
        userPages2(USER_CODE, 0x2000);
        userPages2(USTACK - 0x1000, 0x1000);
    }

    /** Turns on 2-level paging with the tables of {@link #build2Level} (CR3, then CR0.PG). */
    public void enable2Level() {
        cpu.writeCr(3, PD2);
        cpu.writeCr(0, cpu.cr(0) | Cpu.CR0_PG);
    }

    /** The recording stubs and the common handler, in NASM syntax. */
    private static String stubSource() {
        return "bits 32\norg 0x" + Integer.toHexString(STUBS) + "\n" + prelude() + String.join("\n",
            "%assign v 0",
            "%rep 256",
            "align 16",
            "%if v == 8 || (v >= 10 && v <= 14) || v == 17",
            "    push dword v",
            "%else",
            "    push dword 0",
            "    push dword v",
            "%endif",
            "    jmp record_event",
            "%assign v v+1",
            "%endrep",
            "align 16",
            "record_event:                    ; stack: ebx eax ds vector error eip cs eflags [esp ss]",
            "    push ds",
            "    push eax",
            "    push ebx",
            "    mov ax, KDATA",
            "    mov ds, ax",
            "    mov ebx, [RECORD]",
            "    inc dword [RECORD]",
            "    cmp ebx, LOG_MAX",
            "    jae .act",
            "    lea ebx, [ebx*8]             ; no shifts: keep the fixture to MOV/ALU/LEA",
            "    lea ebx, [LOG+ebx*4]",
            "    mov eax, [esp+12]",
            "    mov [ebx], eax",
            "    mov eax, [esp+16]",
            "    mov [ebx+4], eax",
            "    mov eax, [esp+20]",
            "    mov [ebx+8], eax",
            "    mov eax, [esp+24]",
            "    mov [ebx+12], eax",
            "    mov eax, [esp+28]",
            "    mov [ebx+16], eax",
            "    test byte [esp+24], 3",
            "    jz .same",
            "    mov eax, [esp+32]",
            "    mov [ebx+20], eax",
            "    mov eax, [esp+36]",
            "    mov [ebx+24], eax",
            ".same:",
            "    mov eax, cr2",
            "    mov [ebx+28], eax",
            ".act:",
            "    mov eax, [esp+12]",
            "    movzx eax, byte [ACTIONS+eax]",
            "    test eax, eax",
            "    pop ebx",
            "    pop eax",
            "    pop ds",
            "    jnz .resume",
            "    hlt                          ; IF=0 (interrupt gate): the run ends with HALTED",
            ".resume:",
            "    add esp, 8",
            "    iret",
            "");
    }
}
