package org.xenoscope.xen;

/**
 * NASM fragments for fixture guests that exercise bouncing: hypercalls through the hypercall page, mapping
 * shared_info (as XTF does, with update_va_mapping of start_info.shared_info), and handlers that record what they
 * saw in the scratch buffer and power the domain off.
 *
 * <pre>
 *  scratch + 0x0000..0x0FFF   ring-1 stack for traps from ring 3 (stack_switch to scratch + 0x1000)
 *  scratch + 0x0100           ESP at handler entry         + 0x104  vcpu_info.arch.cr2 seen by the handler
 *  scratch + 0x108            address of the interesting instruction (set by the body)
 *  scratch + 0x10C            evtchn_upcall_mask seen by the handler   + 0x110  which handler ran (its vector)
 *  scratch + 0x2000..0x2FFF   ring-3 stack page (made user-accessible by make_user)
 *  scratch + 0x3000           shared_info (vcpu_info[0] first)
 * </pre>
 */
final class GuestAsm {
    static final int ESP = 0x100;
    static final int CR2 = 0x104;
    static final int MARK = 0x108;
    static final int MASK = 0x10C;
    static final int WHO = 0x110;
    static final int SHARED = 0x3000;

    private GuestAsm() {
    }

    /** EBP = start_info; shared_info mapped at scratch + 0x3000. */
    static final String MAP_SHARED_INFO = """
            mov ebp, esi
            mov ebx, scratch + 0x3000
            mov ecx, [ebp + 36]
            or ecx, 0x63
            xor edx, edx
            mov esi, 2
            call hypercall_page + 14*32
        """;

    /** set_trap_table(traps): the body must define the table at label {@code traps}. */
    static final String SET_TRAPS = """
            mov ebx, traps
            call hypercall_page + 0*32
        """;

    /**
     * A handler for vector {@code v} at label h{@code v}: reloads DS (an IRET to ring 3 nulled it, and a direct
     * gate does not restore it), records and powers off.
     */
    static String handler(int v) {
        return "h" + v + ":\n    mov ax, 0xe021\n    mov ds, ax\n    mov dword [scratch + 0x110], " + v
            + "\n    jmp record\n";
    }

    /** The recording tail every handler jumps to, the make_user subroutine and the poweroff argument. */
    static final String COMMON = """
        record:
            mov [scratch + 0x100], esp
            mov eax, [scratch + 0x3000 + 8]
            mov [scratch + 0x104], eax
            movzx eax, byte [scratch + 0x3000 + 1]
            mov [scratch + 0x10C], eax
            mov ebx, 2
            mov ecx, poweroff
            call hypercall_page + 29*32
            jmp $
        make_user:
            mov eax, ebx
            shr eax, 12
            mov ecx, [ebp + 68]
            mov ecx, [ecx + eax*4]
            shl ecx, 12
            or ecx, 0x67
            xor edx, edx
            mov esi, 2
            call hypercall_page + 14*32
            ret
        poweroff: dd 0
        """;

    /** Makes the user page and the ring-3 stack page user-accessible, sets the ring-1 stack, irets to user_code. */
    static final String TO_RING3 = """
            mov ebx, user_page
            call make_user
            mov ebx, scratch + 0x2000
            call make_user
            mov ebx, 0xe021
            mov ecx, scratch + 0x1000
            call hypercall_page + 3*32
            push 0xe033
            push scratch + 0x2ff0
            push 0x202
            push 0xe02b
            push user_code
            jmp hypercall_page + 23*32
        """;

    /** {@code code} at labels user_page/user_code, alone in a page of its own section; back to .text after. */
    static String userSection(String code) {
        return "section .text.user progbits alloc exec write align=4096\nuser_page:\nuser_code:\n" + code
            + "section .text\n";
    }

    /** A trap_info_t line. */
    static String trap(int vector, int flags, String handler) {
        return "    db " + vector + ", " + flags + "\n    dw 0xe019\n    dd " + handler + "\n";
    }

    /** The table terminator. */
    static final String END_TRAPS = "    dd 0, 0\n";
}
