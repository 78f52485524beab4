; shared-info-as-table.asm (attack k): turn Xen's shared_info page into one of our page tables.
;
; shared_info is Xen's frame, shared with the guest: the guest may map it, even writable, and Xen writes into it
; at any time (event-channel bits the guest can set by sending itself events, time stamps). If it could become
; one of the guest's page tables, Xen's own unchecked writes would forge page-table entries. Xen shares such a
; frame typed "writable" for good (share_xen_page_with_guest holds one writable type reference that is never
; dropped), so it can never take a page-table or descriptor-table type; and only the owner may pin.
;
; expect-output: attack (k): use Xen's shared_info page as a page table
; expect-output: mmu_update(L2 slot 511 -> shared_info, as an L1): -22
; expect-output: mmuext_op(PIN_L1_TABLE shared_info): -22
; expect-output: mmu_update(L3 slot 1 -> shared_info, as an L2): -22
; expect-output: set_gdt(shared_info): -22
; expect-output: update_va_mapping(shared_info, RW: what it is shared for): 0
; expect-output: refused
; expect-exit: 0
; max-instructions: 100000

%include "attack.inc"

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    mov eax, [start_info]
    mov eax, [eax + SI_SHARED_INFO]
    shr eax, 12
    mov [shared_mfn], eax

    xor eax, eax                    ; 1. as an L1, through an L2 entry
    call l2_of_va
    shl eax, 12
    lea ebx, [eax + 511 * 8]
    mov ecx, [shared_mfn]
    shl ecx, 12
    or ecx, PDE_FLAGS
    xor edx, edx
    call mmu_update1
    REFUSED msg_l2
    mov ebx, MMUEXT_PIN_L1_TABLE    ; 2. pinned as an L1
    mov ecx, [shared_mfn]
    call mmuext1
    REFUSED msg_pin
    call top_mfn                    ; 3. as an L2, through an L3 entry
    shl eax, 12
    lea ebx, [eax + 8]
    mov ecx, [shared_mfn]
    shl ecx, 12
    or ecx, PTE_P
    xor edx, edx
    call mmu_update1
    REFUSED msg_l3
    mov ebx, shared_mfn             ; 4. as a GDT frame
    mov ecx, 1
    hypercall __HYPERVISOR_set_gdt
    REFUSED msg_gdt
    mov ebx, shared_page            ; 5. mapped writable: allowed, that is what sharing is for
    mov eax, [shared_mfn]
    mov ecx, PTE_RW_FLAGS
    call map_page
    MUST msg_rw
    jmp all_refused

    ATTACK_LIBRARY

section .rodata
msg_title:  db "attack (k): use Xen's shared_info page as a page table", 10, 0
msg_l2:     db "mmu_update(L2 slot 511 -> shared_info, as an L1): ", 0
msg_pin:    db "mmuext_op(PIN_L1_TABLE shared_info): ", 0
msg_l3:     db "mmu_update(L3 slot 1 -> shared_info, as an L2): ", 0
msg_gdt:    db "set_gdt(shared_info): ", 0
msg_rw:     db "update_va_mapping(shared_info, RW: what it is shared for): ", 0

    ATTACK_TAIL
shared_mfn: resd 1
alignb 4096
shared_page: resb 4096
