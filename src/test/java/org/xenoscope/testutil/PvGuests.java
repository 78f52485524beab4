package org.xenoscope.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.debug.SystemSpec;

/** Small PAE PV guests for tests, assembled in-process (no external tools). */
public final class PvGuests {
    private PvGuests() {
    }

    /**
     * A guest that sets up a trap table, calls a function 3 times (each adds to a counter and writes the first two
     * bytes of {@code msg} + newline with console_io), touches an unmapped page (the #PF handler maps nothing; it
     * skips the 5-byte instruction and irets), then shuts down with poweroff. Labels: func, after_calls,
     * fault_insn, handler, counter, msg.
     */
    public static String threeCalls(String msg) {
        return """
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
                mov eax, [0x00700000]               ; 5 bytes: A1 imm32 -> #PF, the handler skips it
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
            """ + "msg: db \"" + msg + "\", 10\n";
    }

    /**
     * The NASM source of a PAE guest whose code is {@code body} (which must define _start): Xen ELF notes, a
     * hypercall page and a 4 KiB stack ending at stack_top.
     */
    public static String source(String body) {
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

    /** The ELF image of {@link #source(String) source(body)}. */
    public static byte[] elf(String body) {
        return Assembler.assemble("guest.asm", source(body), Assembler.Options.elf()).image();
    }

    /** A one-guest system of 4 MiB running {@code body}. */
    public static SystemSpec spec(String body) {
        return SystemSpec.pv("guest.elf", elf(body), 4, "");
    }

    /** The address of label {@code name} in the guest built from {@code body}. */
    public static int symbol(String body, String name) {
        return (int) ElfImage.parse("guest.elf", elf(body)).symbol(name).orElseThrow().value();
    }
}
