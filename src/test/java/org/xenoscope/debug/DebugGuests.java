package org.xenoscope.debug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.testutil.Tools;

/** Small PV guests for the engine tests, assembled in-process (no external tools). */
final class DebugGuests {
    private DebugGuests() {
    }

    /**
     * A guest that calls a function 3 times (each adds to a counter and makes a console_io hypercall), installs a
     * #PF handler, touches an unmapped page (the handler maps nothing; it skips the 6-byte instruction and irets),
     * then shuts down with poweroff. Labels: func, after_calls, fault_insn, handler.
     */
    static final String MAIN = """
        _start:
            mov esp, stack_top
            mov ebx, traps
            call hypercall_page + 0 * 32        ; set_trap_table
            mov esi, 3
        .again:
            call func
            dec esi
            jnz .again
        after_calls:
            nop
        fault_insn:
            mov eax, [0x00700000]               ; 5 bytes: A1 imm32 -> #PF, handler skips it
            nop
            mov ebx, 2
            mov ecx, poweroff
            call hypercall_page + 29 * 32       ; sched_op(shutdown, poweroff)
            ud2
        func:
            add dword [counter], 1
            mov ebx, 0
            mov ecx, 2
            mov edx, msg
            call hypercall_page + 18 * 32       ; console_io(write, 2, msg)
            ret
        handler:                                ; frame: err, eip, cs, eflags
            add dword [esp + 4], 5              ; skip the faulting mov
            add esp, 4                          ; drop the error code
            jmp hypercall_page + 23 * 32        ; iret hypercall (the stub pushes EAX)
        section .data
        traps:
            db 14, 0
            dw 0xe019
            dd handler
            dd 0, 0
        poweroff: dd 0
        counter: dd 0
        msg: db "x", 10
        """;

    /** The NASM source of a PAE guest whose code is {@code body} (which must define _start). */
    static String source(String body) {
        String notes;
        try {
            notes = Files.readString(Tools.projectRoot().resolve("sample-guests/include/xen-elfnote.inc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return notes + "\nsection .text\nglobal _start\n" + body + "\n"
            + "section .text.hypercall_page progbits alloc exec nowrite align=4096\n"
            + "hypercall_page: times 4096 db 0xC3\n"
            + "section .note.Xen note alloc noexec nowrite align=4\n"
            + "    ELFNOTE \"Xen\", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page\n"
            + "    ELFNOTE \"Xen\", XEN_ELFNOTE_PAE_MODE, db \"yes\", 0\n"
            + "section .bss\nstack: resb 4096\nstack_top:\n";
    }

    static byte[] elf(String body) {
        return Assembler.assemble("guest.asm", source(body), Assembler.Options.elf()).image();
    }

    static SystemSpec spec(String body) {
        return SystemSpec.pv("guest.elf", elf(body), 4, "");
    }

    /** The address of label {@code name} in the guest built from {@code body}. */
    static int symbol(String body, String name) {
        return (int) org.xenoscope.asm.elf.ElfImage.parse("guest.elf", elf(body)).symbol(name).orElseThrow().value();
    }
}
