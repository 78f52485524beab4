package org.xenoscope.asm.nasm;

import java.util.Locale;

/**
 * Register names as NASM spells them, with their encoding number and size. The number is what goes into ModRM
 * and SIB fields (and the low bits of "+r" opcodes): EAX=0 ECX=1 EDX=2 EBX=3 ESP=4 EBP=5 ESI=6 EDI=7, byte
 * registers AL CL DL BL AH CH DH BH = 0..7, segment registers ES CS SS DS FS GS = 0..5.
 */
public enum Register {
    EAX(Kind.GPR, 4, 0), ECX(Kind.GPR, 4, 1), EDX(Kind.GPR, 4, 2), EBX(Kind.GPR, 4, 3),
    ESP(Kind.GPR, 4, 4), EBP(Kind.GPR, 4, 5), ESI(Kind.GPR, 4, 6), EDI(Kind.GPR, 4, 7),
    AX(Kind.GPR, 2, 0), CX(Kind.GPR, 2, 1), DX(Kind.GPR, 2, 2), BX(Kind.GPR, 2, 3),
    SP(Kind.GPR, 2, 4), BP(Kind.GPR, 2, 5), SI(Kind.GPR, 2, 6), DI(Kind.GPR, 2, 7),
    AL(Kind.GPR, 1, 0), CL(Kind.GPR, 1, 1), DL(Kind.GPR, 1, 2), BL(Kind.GPR, 1, 3),
    AH(Kind.GPR, 1, 4), CH(Kind.GPR, 1, 5), DH(Kind.GPR, 1, 6), BH(Kind.GPR, 1, 7),
    ES(Kind.SEG, 2, 0), CS(Kind.SEG, 2, 1), SS(Kind.SEG, 2, 2), DS(Kind.SEG, 2, 3), FS(Kind.SEG, 2, 4),
    GS(Kind.SEG, 2, 5),
    CR0(Kind.CR, 4, 0), CR2(Kind.CR, 4, 2), CR3(Kind.CR, 4, 3), CR4(Kind.CR, 4, 4),
    DR0(Kind.DR, 4, 0), DR1(Kind.DR, 4, 1), DR2(Kind.DR, 4, 2), DR3(Kind.DR, 4, 3), DR6(Kind.DR, 4, 6),
    DR7(Kind.DR, 4, 7);

    /** General-purpose, segment, control or debug register. */
    public enum Kind { GPR, SEG, CR, DR }

    public final Kind kind;
    /** Size in bytes. */
    public final int size;
    /** Encoding number. */
    public final int num;

    Register(Kind kind, int size, int num) {
        this.kind = kind;
        this.size = size;
        this.num = num;
    }

    /** The register named {@code name} (any case), or null. */
    public static Register byName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** NASM's spelling (lower case). */
    public String nasmName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
