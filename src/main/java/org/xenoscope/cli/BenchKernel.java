package org.xenoscope.cli;

import org.xenoscope.asm.elf.BareMetalBoot;
import org.xenoscope.machine.Machine;

/**
 * The built-in workload of {@code xenoscope bench}: a tight integer loop that never ends, mixing loads and
 * stores, add/xor/shift/imul, compares with taken and untaken branches, and a call with push/pop per element.
 * It walks a 4 KiB array of dwords at {@link #DATA}, rewriting each element from its old value, its index and a
 * running checksum in EBX, so nothing can be skipped.
 *
 * <p>{@link #SOURCE} is the NASM text and {@link #CODE} its machine code (BenchKernelTest assembles the first and
 * compares it with the second, so the two cannot drift apart).
 */
public final class BenchKernel {
    /** Load address of the code (1 MiB, like a multiboot kernel). */
    public static final int ORIGIN = 0x100000;
    /** The array the loop works on. */
    public static final int DATA = 0x200000;
    /** RAM the workload needs. */
    public static final int MEMORY_BYTES = 4 << 20;

    /** The assembly of {@link #CODE}, for {@code nasm -f bin}. */
    public static final String SOURCE = """
        bits 32
        org 0x100000
        start:
            mov esp, 0x180000
            mov esi, 0x200000
            xor ebx, ebx
        outer:
            xor edi, edi
        inner:
            mov eax, [esi+edi*4]
            add eax, edi
            xor eax, ebx
            imul eax, eax, 0x9E3779B1
            mov edx, eax
            shr edx, 15
            xor eax, edx
            shl edx, 3
            add eax, edx
            mov [esi+edi*4], eax
            call mix
            inc edi
            cmp edi, 1024
            jb inner
            jmp outer
        mix:
            push ecx
            mov ecx, eax
            and ecx, 0xFF
            cmp ecx, 0x80
            jae .high
            add ebx, ecx
            pop ecx
            ret
        .high:
            sub ebx, eax
            pop ecx
            ret
        """;

    private static final byte[] CODE = bytes(
        0xBC, 0x00, 0x00, 0x18, 0x00,             // start:  mov esp, 0x180000
        0xBE, 0x00, 0x00, 0x20, 0x00,             //         mov esi, 0x200000
        0x31, 0xDB,                               //         xor ebx, ebx
        0x31, 0xFF,                               // outer:  xor edi, edi
        0x8B, 0x04, 0xBE,                         // inner:  mov eax, [esi+edi*4]
        0x01, 0xF8,                               //         add eax, edi
        0x31, 0xD8,                               //         xor eax, ebx
        0x69, 0xC0, 0xB1, 0x79, 0x37, 0x9E,       //         imul eax, eax, 0x9E3779B1
        0x89, 0xC2,                               //         mov edx, eax
        0xC1, 0xEA, 0x0F,                         //         shr edx, 15
        0x31, 0xD0,                               //         xor eax, edx
        0xC1, 0xE2, 0x03,                         //         shl edx, 3
        0x01, 0xD0,                               //         add eax, edx
        0x89, 0x04, 0xBE,                         //         mov [esi+edi*4], eax
        0xE8, 0x0B, 0x00, 0x00, 0x00,             //         call mix
        0x47,                                     //         inc edi
        0x81, 0xFF, 0x00, 0x04, 0x00, 0x00,       //         cmp edi, 1024
        0x72, 0xD6,                               //         jb inner
        0xEB, 0xD2,                               //         jmp outer
        0x51,                                     // mix:    push ecx
        0x89, 0xC1,                               //         mov ecx, eax
        0x81, 0xE1, 0xFF, 0x00, 0x00, 0x00,       //         and ecx, 0xFF
        0x81, 0xF9, 0x80, 0x00, 0x00, 0x00,       //         cmp ecx, 0x80
        0x73, 0x04,                               //         jae .high
        0x01, 0xCB,                               //         add ebx, ecx
        0x59,                                     //         pop ecx
        0xC3,                                     //         ret
        0x29, 0xC3,                               // .high:  sub ebx, eax
        0x59,                                     //         pop ecx
        0xC3);                                    //         ret

    private BenchKernel() {
    }

    /** A copy of the machine code. */
    public static byte[] code() {
        return CODE.clone();
    }

    /** Loads the code at {@link #ORIGIN} and enters it in flat 32-bit protected mode, ring 0. */
    public static void install(Machine m) {
        m.memory().load(ORIGIN, CODE, 0, CODE.length);
        BareMetalBoot.enterFlat32(m, ORIGIN, 0, 0);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int k = 0; k < v.length; k++) {
            b[k] = (byte) v[k];
        }
        return b;
    }
}
