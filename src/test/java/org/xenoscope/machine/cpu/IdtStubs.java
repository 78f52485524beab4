package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.Vector;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Test helper: a GDT and an IDT whose 32 exception vectors are interrupt gates to tiny stubs, so a test can run
 * code that faults and then ask which vector the CPU delivered and what frame it pushed.
 *
 * <pre>
 *   0x0500  GDT: null, 0x08 flat ring-0 code, 0x10 flat ring-0 data  (what FlatMachine's caches describe)
 *   0x0600  IDT: 32 interrupt gates (type 0xE, DPL 0, selector 0x08), gate v -> stub v
 *   0x0700  stub v at 0x0700 + 16 * v:   mov dword [0x0900], v   ; C7 05 00 09 00 00 vv 00 00 00
 *                                        hlt                     ; F4   (IF = 0 in the handler: the run ends)
 *   0x0900  slot: the vector of the last stub that ran, -1 before any
 * </pre>
 *
 * The stubs change no register, so after the run the registers are those the faulting instruction left (a
 * fault must leave them as before the instruction) and ESP points at the frame: [error code,] EIP, CS, EFLAGS.
 */
final class IdtStubs {
    static final int GDT = 0x500;
    static final int IDT = 0x600;
    static final int STUBS = 0x700;
    static final int SLOT = 0x900;
    static final int VECTORS = 32;
    static final int CODE_SEL = 0x08;

    private final FlatMachine fm;

    private IdtStubs(FlatMachine fm) {
        this.fm = fm;
    }

    /** Writes the tables and stubs into {@code fm}'s memory and loads GDTR and IDTR. */
    static IdtStubs install(FlatMachine fm) {
        PhysicalMemory m = fm.m.memory();
        m.writeQword(GDT, 0);
        m.writeQword(GDT + 8, 0x00CF9B000000FFFFL);
        m.writeQword(GDT + 16, 0x00CF93000000FFFFL);
        fm.cpu.setGdtr(GDT, 3 * 8 - 1);
        for (int v = 0; v < VECTORS; v++) {
            int stub = STUBS + 16 * v;
            m.writeDword(IDT + 8 * v, CODE_SEL << 16 | (stub & 0xFFFF));
            m.writeDword(IDT + 8 * v + 4, (stub & 0xFFFF0000) | 0x8E00);
            byte[] code = {(byte) 0xC7, 0x05, (byte) SLOT, (byte) (SLOT >> 8), 0, 0, (byte) v, 0, 0, 0, (byte) 0xF4};
            m.load(stub, code, 0, code.length);
        }
        fm.cpu.setIdtr(IDT, VECTORS * 8 - 1);
        m.writeDword(SLOT, -1);
        return new IdtStubs(fm);
    }

    /** The vector delivered, or -1 when no exception happened. */
    int vector() {
        return fm.m.memory().readDword(SLOT);
    }

    private int esp() {
        return fm.cpu.reg(Cpu.ESP);
    }

    private int frameBase() {
        return esp() + (Vector.hasErrorCode(vector()) ? 4 : 0);
    }

    /** The error code pushed with the delivered vector (it must be one that pushes one). */
    int errorCode() {
        if (!Vector.hasErrorCode(vector())) {
            throw new IllegalStateException(Vector.name(vector()) + " pushes no error code");
        }
        return fm.m.memory().readDword(esp());
    }

    /** The return EIP in the frame: for a fault, the address of the faulting instruction. */
    int frameEip() {
        return fm.m.memory().readDword(frameBase());
    }

    int frameCs() {
        return fm.m.memory().readDword(frameBase() + 4) & 0xFFFF;
    }

    int frameEflags() {
        return fm.m.memory().readDword(frameBase() + 8);
    }

    /** Bytes the delivery pushed (the frame size), given the stack top before it. */
    int pushedBytes(int espBefore) {
        return espBefore - esp();
    }
}
