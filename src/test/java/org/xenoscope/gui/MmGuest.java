package org.xenoscope.gui;

import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.debug.SystemSpec;
import org.xenoscope.testutil.PvGuests;

/**
 * A small PAE PV guest for the memory views' tests, assembled in-process. It finds the machine address of the
 * PTEs that map its data pages {@code page} and {@code page2} the way a PV kernel does (start_info's pt_base, the
 * M2P at MACH2PHYS_VIRT_START, virt_base 0), then sends one mmu_update batch of two requests: remap {@code page}
 * read-only (accepted) and map its own L1 writable through {@code page2}'s PTE (refused: a page table may never
 * be mapped writable). Label {@code after_batch} follows the hypercall; then it powers off.
 */
final class MmGuest {
    static final String BODY = """
        _start:
            mov esp, stack_top
            mov [si_ptr], esi
            mov eax, page
            call pte_ma
            mov [req0], eax                     ; ptr: the PTE of page
            mov [l1_ma], eax
            and edx, ~2                         ; val: the same mapping without RW
            mov [req0 + 8], edx
            mov eax, page2
            call pte_ma
            mov [req1], eax                     ; ptr: the PTE of page2
            mov ecx, [l1_ma]
            and ecx, 0xFFFFF000
            or ecx, 0x63                        ; val: the L1 itself, P RW A D -> refused
            mov [req1 + 8], ecx
            mov ebx, reqs
            mov ecx, 2
            mov edx, done
            mov esi, 0x7FF0                     ; DOMID_SELF
            call hypercall_page + 1 * 32        ; mmu_update
        after_batch:
            nop
            mov ebx, 2
            mov ecx, poweroff
            call hypercall_page + 29 * 32       ; sched_op(shutdown, poweroff)
            ud2
        ; pte_ma: eax = linear address -> eax = machine address of its PTE, edx = the PTE (low dword)
        pte_ma:
            push ebx
            push ecx
            mov ecx, eax
            mov ebx, [si_ptr]
            mov ebx, [ebx + 60]                 ; start_info.pt_base: VA of the L3
            mov eax, ecx
            shr eax, 30
            mov eax, [ebx + eax * 8]            ; L3 entry
            call ma_to_va                       ; eax = VA of the L2
            mov edx, ecx
            shr edx, 21
            and edx, 511
            mov eax, [eax + edx * 8]            ; L2 entry
            and eax, 0xFFFFF000
            mov ebx, eax                        ; machine address of the L1
            call ma_to_va
            mov edx, ecx
            shr edx, 12
            and edx, 511
            lea ebx, [ebx + edx * 8]
            mov edx, [eax + edx * 8]
            mov eax, ebx
            pop ecx
            pop ebx
            ret
        ; ma_to_va: eax = machine address -> eax = the guest's VA of that frame (M2P, virt_base 0)
        ma_to_va:
            shr eax, 12
            mov eax, [0xF5800000 + eax * 4]
            shl eax, 12
            ret
        section .data
        si_ptr: dd 0
        l1_ma: dd 0
        done: dd 0
        poweroff: dd 0
        align 16
        reqs:
        req0: dd 0, 0, 0, 0
        req1: dd 0, 0, 0, 0
        align 4096
        page: times 4096 db 1
        page2: times 4096 db 2
        """;

    private MmGuest() {
    }

    static String source() {
        return PvGuests.source(BODY);
    }

    static byte[] elf() {
        return Assembler.assemble("mmguest.asm", source(), Assembler.Options.elf()).image();
    }

    static SystemSpec spec() {
        return SystemSpec.pv("mmguest.elf", elf(), 4, "");
    }

    /** The address of label {@code name}. */
    static int symbol(String name) {
        return (int) ElfImage.parse("mmguest.elf", elf()).symbol(name).orElseThrow().value();
    }
}
