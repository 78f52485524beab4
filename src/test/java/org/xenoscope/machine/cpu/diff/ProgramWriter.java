package org.xenoscope.machine.cpu.diff;

import java.util.List;

/**
 * Writes one NASM program (i386 Linux, static, no libc) that runs a batch of cases and writes one record per
 * case to stdout with write(2) through INT 0x80, then calls exit(0). See {@link Layout} for the memory map. It
 * starts with mprotect(2) making its code writable, for the self-modifying-code cases.
 *
 * <p>Per case: switch to the dump stack, copy the case's initial arena in (a MOV loop), load EFLAGS with
 * PUSH imm; POPFD, set ESP to the top of the stack area and the other registers with MOV (no flag changes), run
 * the body, then save ESP and EFLAGS first and the other registers next (MOV and PUSHFD do not change flags) and
 * call emit, which appends the arena and writes the record.
 */
public final class ProgramWriter {
    private ProgramWriter() {
    }

    /** NASM source of the program running {@code cases} in order. */
    public static String program(List<TestCase> cases) {
        StringBuilder sb = new StringBuilder(1 << 16);
        header(sb);
        for (TestCase tc : cases) {
            caseCode(sb, tc);
        }
        sb.append("done:\n    mov eax, 1\n    xor ebx, ebx\n    int 0x80\n");
        emitRoutine(sb);
        for (TestCase tc : cases) {
            initialArena(sb, tc);
        }
        sb.append("text_end:\n");
        return sb.toString();
    }

    private static void header(StringBuilder sb) {
        int dumpStack = Layout.DUMP_STACK_TOP - Layout.DATA_BASE;
        sb.append("bits 32\n")
            .append("section .data\n")
            .append("rec: times ").append(Layout.RECORD_SIZE).append(" db 0\n")
            .append("    times ").append(dumpStack - 256).append("-($-$$) db 0\n")
            .append("    times 256 db 0\n")
            .append("dump_top:\n")
            .append("    times ").append(Layout.ARENA - Layout.DATA_BASE).append("-($-$$) db 0\n")
            .append("arena: times ").append(Layout.ARENA_SIZE).append(" db 0\n")
            .append("section .text\n")
            .append("global _start\n")
            .append("_start:\n")
            .append("    mov eax, 125\n")
            .append("    mov ebx, _start\n")
            .append("    mov ecx, (text_end - _start + 4095) & ~4095\n")
            .append("    mov edx, 7\n")
            .append("    int 0x80\n");
    }

    private static void caseCode(StringBuilder sb, TestCase tc) {
        int[] r = tc.regs();
        sb.append("case_").append(tc.id()).append(":\n")
            .append("    mov esp, dump_top\n")
            .append("    mov esi, init_").append(tc.id()).append('\n')
            .append("    mov edi, arena\n")
            .append("    call copy_arena\n")
            .append("    push strict dword ").append(Ctx.hex(tc.flags() | 2, 4)).append('\n')
            .append("    popfd\n")
            .append("    mov esp, ").append(Ctx.hex(Layout.STACK_TOP, 4)).append('\n');
        for (int i = 0; i < 8; i++) {
            if (i != Model.ESP) {
                sb.append("    mov ").append(Opnd.R32[i]).append(", ").append(Ctx.hex(r[i], 4)).append('\n');
            }
        }
        sb.append(tc.source());
        sb.append("    mov [rec+").append(Layout.REC_REGS + 4 * Model.ESP).append("], esp\n")
            .append("    mov esp, dump_top\n")
            .append("    pushfd\n")
            .append("    pop dword [rec+").append(Layout.REC_EFLAGS).append("]\n");
        for (int i = 0; i < 8; i++) {
            if (i != Model.ESP) {
                sb.append("    mov [rec+").append(Layout.REC_REGS + 4 * i).append("], ").append(Opnd.R32[i])
                    .append('\n');
            }
        }
        sb.append("    mov dword [rec+").append(Layout.REC_ID).append("], ").append(tc.id()).append('\n')
            .append("    call emit\n");
    }

    /**
     * emit: copy the arena into the record and write(1, rec, RECORD_SIZE). copy_arena: copy ARENA_SIZE bytes
     * from ESI to EDI with a plain loop (no string instruction, so the harness itself does not depend on them).
     */
    private static void emitRoutine(StringBuilder sb) {
        sb.append("copy_arena:\n")
            .append("    mov ecx, ").append(Layout.ARENA_SIZE / 4).append('\n')
            .append(".next:\n")
            .append("    mov eax, [esi]\n")
            .append("    mov [edi], eax\n")
            .append("    add esi, 4\n")
            .append("    add edi, 4\n")
            .append("    dec ecx\n")
            .append("    jnz .next\n")
            .append("    ret\n")
            .append("emit:\n")
            .append("    mov esi, arena\n")
            .append("    mov edi, rec+").append(Layout.REC_ARENA).append('\n')
            .append("    call copy_arena\n")
            .append("    mov eax, 4\n")
            .append("    mov ebx, 1\n")
            .append("    mov ecx, rec\n")
            .append("    mov edx, ").append(Layout.RECORD_SIZE).append('\n')
            .append("    int 0x80\n")
            .append("    ret\n");
    }

    private static void initialArena(StringBuilder sb, TestCase tc) {
        sb.append("init_").append(tc.id()).append(":");
        byte[] a = tc.arena();
        for (int i = 0; i < a.length; i++) {
            sb.append(i % 32 == 0 ? "\n    db " : ",").append(a[i] & 0xFF);
        }
        sb.append('\n');
    }
}
