package org.xenoscope.machine.cpu;

import org.xenoscope.machine.isa.Sem;

/**
 * The string instructions MOVS, STOS, LODS, CMPS, SCAS, INS and OUTS, with their REP, REPE and REPNE prefixes
 * (SDM Vol. 2 "REP/REPE/REPZ/REPNE/REPNZ" and each instruction's page).
 *
 * <pre>
 *   source       seg:[eSI]   seg = DS, or the segment-override prefix      (MOVS LODS CMPS OUTS)
 *   destination  ES:[eDI]    never overridden                              (MOVS STOS CMPS SCAS INS)
 *   count        eCX         only with a REP prefix
 *   eSI/eDI/eCX  SI/DI/CX with a 16-bit address size (0x67 prefix in 32-bit code), else ESI/EDI/ECX;
 *                only the low 16 bits change then.
 *   step         +size when EFLAGS.DF = 0, -size when DF = 1 (size = 1, 2 or 4 bytes)
 * </pre>
 *
 * A repeated instruction with a count of zero does nothing at all (no access, no flag change). CMPS and SCAS set
 * the flags as CMP does (source minus destination for CMPS, eAX minus destination for SCAS); REPE stops after an
 * element that clears ZF, REPNE after one that sets ZF. MOVS, STOS, LODS, INS and OUTS treat F2 like F3, as
 * processors do.
 *
 * <p>Restartability: eCX, eSI and eDI are updated after every element, so when an element faults they describe
 * exactly the work that is left, and the core's roll-back of EIP to the instruction makes the handler's IRET
 * resume the string where it stopped. An element either completes or has no architectural effect: INS checks that
 * its destination is writable before it reads the port, so a fault never loses input.
 *
 * <p>SIMPLIFICATION: a repeated instruction runs as one step of at most {@link #MAX_CHUNK} elements. If work is
 * left after that (or earlier, when something raised the core's attention — an interrupt asserted by a device an
 * INS/OUTS just touched, for example), EIP is left on the instruction so the next step resumes it; interrupts and
 * stop requests are thus served between chunks, as a processor serves them between iterations. Each chunk costs one
 * cycle of virtual time, whatever its length. With EFLAGS.TF set a chunk is one element, so single-stepping traps
 * after every iteration as on hardware.
 */
final class StringOps {
    /** Most elements one step of a repeated string instruction performs before yielding. */
    static final int MAX_CHUNK = 65536;

    private StringOps() {
    }

    /**
     * Executes string instruction {@code i} (EIP already points past it). Without a repeat prefix: one element.
     * With one: elements until eCX reaches 0, a REPE/REPNE condition ends it, or a chunk is done (then EIP goes back
     * to the instruction so that the next step continues).
     */
    static void execute(Cpu c, Insn i) {
        if ((i.prefixes & (Insn.P_REP | Insn.P_REPNE)) == 0) {
            element(c, i);
            return;
        }
        int mask = i.asize == 2 ? 0xFFFF : -1;
        boolean compares = i.sem == Sem.CMPS || i.sem == Sem.SCAS;
        boolean whileNotEqual = (i.prefixes & Insn.P_REPNE) != 0;
        int bound = (c.eflagsRest & Eflags.TF) != 0 ? 1 : MAX_CHUNK;
        int count = c.r[Cpu.ECX] & mask;
        for (int n = 0; count != 0; n++) {
            if (n == bound || (n > 0 && c.core.attention)) {
                c.eip = c.core.insnEip;
                return;
            }
            element(c, i);
            count = (count - 1) & mask;
            c.r[Cpu.ECX] = (c.r[Cpu.ECX] & ~mask) | count;
            if (compares && (c.flags.zf() != 0) == whileNotEqual) {
                return;
            }
        }
    }

    /** One element of {@code i}: its accesses first, then eSI/eDI advance (only once nothing can fault). */
    private static void element(Cpu c, Insn i) {
        int size = i.osize;
        int mask = i.asize == 2 ? 0xFFFF : -1;
        int step = (c.eflagsRest & Eflags.DF) != 0 ? -size : size;
        int si = c.r[Cpu.ESI] & mask;
        int di = c.r[Cpu.EDI] & mask;
        switch (i.sem) {
            case MOVS:
                c.write(size, Cpu.ES, di, c.read(size, i.seg, si));
                advance(c, Cpu.ESI, mask, si + step);
                advance(c, Cpu.EDI, mask, di + step);
                break;
            case STOS:
                c.write(size, Cpu.ES, di, c.getReg(size, Cpu.EAX));
                advance(c, Cpu.EDI, mask, di + step);
                break;
            case LODS:
                c.setReg(size, Cpu.EAX, c.read(size, i.seg, si));
                advance(c, Cpu.ESI, mask, si + step);
                break;
            case CMPS:
                compare(c, size, c.read(size, i.seg, si), c.read(size, Cpu.ES, di));
                advance(c, Cpu.ESI, mask, si + step);
                advance(c, Cpu.EDI, mask, di + step);
                break;
            case SCAS:
                compare(c, size, c.getReg(size, Cpu.EAX), c.read(size, Cpu.ES, di));
                advance(c, Cpu.EDI, mask, di + step);
                break;
            case INS:
                ins(c, size, di);
                advance(c, Cpu.EDI, mask, di + step);
                break;
            default: // OUTS
                outs(c, i, size, si);
                advance(c, Cpu.ESI, mask, si + step);
                break;
        }
    }

    /** Sets the low bits of index register {@code reg} selected by the address-size {@code mask} to {@code v}. */
    private static void advance(Cpu c, int reg, int mask, int v) {
        c.r[reg] = (c.r[reg] & ~mask) | (v & mask);
    }

    /** Flags as CMP a, b. */
    private static void compare(Cpu c, int size, int a, int b) {
        c.flags.set(Flags.SUB, size, a, b, a - b);
    }

    /**
     * INS: port DX to ES:[eDI]. Order: I/O permission, then the destination check (segment and paging) so that
     * a fault happens before the device sees the read, then the port read, then the store (which cannot fault).
     */
    private static void ins(Cpu c, int size, int di) {
        int port = c.r[Cpu.EDX] & 0xFFFF;
        c.checkIo(port, size);
        int lin = c.linWrite(Cpu.ES, di, size);
        c.mmu.probeWrite(lin, size, c.cpl == 3);
        c.writeLin(size, lin, c.io.in(port, size));
    }

    /** OUTS: seg:[eSI] to port DX, after the I/O permission check. */
    private static void outs(Cpu c, Insn i, int size, int si) {
        int port = c.r[Cpu.EDX] & 0xFFFF;
        c.checkIo(port, size);
        int v = c.read(size, i.seg, si);
        c.io.out(port, size, v);
    }
}
