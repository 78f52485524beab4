; xen-area.asm (attack f): reach into Xen's part of the address space.
;
; Xen lives in the top of every address space (PAE: from HYPERVISOR_VIRT_START 0xF5800000; xen-abi.md 4.1).
; Ring 1 counts as supervisor for paging, so Xen's supervisor-only pages there are protected from the guest
; kernel by other means:
;   - the guest may not change the mappings there: update_va_mapping of such an address and mmu_update of one
;     of Xen's L2 slots (entries 428..511 of the L2 in L3 slot 3) are refused;
;   - the only part the guest may read is the M2P table, mapped read-only (a write faults);
;   - every guest segment ends below 0xF5C00000 (GUEST_SEGMENT_MAX_ADDR): the flat DS the guest runs with is
;     clipped there, so an access beyond it is a #GP before paging is even asked.
;
; expect-output: attack (f): reach into Xen's area
; expect-output: update_va_mapping(0xf5800000 = HYPERVISOR_VIRT_START): -22
; expect-output: update_va_mapping(0xff000000, Xen's GDT area): -22
; expect-output: mmu_update(Xen's L2 slot 428 -> a page of ours): -22
; expect-output: mmu_update(Xen's L2 slot 428 = 0): -22
; expect-output: mmu_update(Xen's L2 slot 511 -> a page of ours): -22
; expect-output: write to the M2P at 0xf5800000: vector 14, error code 0x00000003
; expect-output: read at 0xf5c00000 (past the segment limit): vector 13, error code 0x00000000
; expect-output: read at 0xff000000 (Xen's GDT area): vector 13, error code 0x00000000
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
    mov ebx, trap_table
    hypercall __HYPERVISOR_set_trap_table
    test eax, eax
    jnz setup_failed
    mov eax, page
    call mfn_of_va
    mov [page_mfn], eax
    mov eax, 0xC0000000
    call l2_of_va
    mov [l2x], eax                  ; the L2 with Xen's slots

    mov ebx, HYPERVISOR_VIRT_START  ; 1.
    mov eax, [page_mfn]
    mov ecx, PTE_RO_FLAGS
    call map_page
    REFUSED msg_uvm_hvs
    mov ebx, 0xFF000000             ; 2.
    mov eax, [page_mfn]
    mov ecx, PTE_RO_FLAGS
    call map_page
    REFUSED msg_uvm_gdt

    mov ecx, FIRST_XEN_L2_SLOT      ; 3. Xen's first slot -> page (a zeroed page would validate as an L1)
    mov eax, [page_mfn]
    shl eax, 12
    or eax, PDE_FLAGS
    call set_xen_slot
    REFUSED msg_slot
    mov ecx, FIRST_XEN_L2_SLOT      ; 4. clear it
    xor eax, eax
    call set_xen_slot
    REFUSED msg_slot_clear
    mov ecx, 511                    ; 5. the last slot (0xFFE00000)
    mov eax, [page_mfn]
    shl eax, 12
    or eax, PDE_FLAGS
    call set_xen_slot
    REFUSED msg_slot_last

    mov dword [resume], .after_m2p  ; 6. the CPU's own checks
    mov edx, msg_m2p
    call puts
    mov dword [M2P_START], 0
    jmp broken
.after_m2p:
    mov dword [resume], .after_limit
    mov edx, msg_limit
    call puts
    mov eax, [0xF5C00000]
    jmp broken
.after_limit:
    mov dword [resume], .after_gdt
    mov edx, msg_gdt
    call puts
    mov eax, [0xFF000000]
    jmp broken
.after_gdt:
    jmp all_refused

; set_xen_slot: mmu_update(entry ECX of Xen's L2 = EAX). EAX = result.
set_xen_slot:
    mov ebx, [l2x]
    shl ebx, 12
    lea ebx, [ebx + ecx * 8]
    mov ecx, eax
    xor edx, edx
    jmp mmu_update1

; The handler of #GP and #PF (the bounce frame: error code, eip, cs, eflags): report, resume at [resume].
fault_14:
    push dword 14
    jmp fault
fault_13:
    push dword 13
fault:
    mov edx, msg_vector
    call puts
    pop eax
    call print_dec
    mov edx, msg_ec
    call puts
    mov eax, [esp]
    call print_hex
    mov edx, newline
    call puts
    add esp, 4                      ; drop the error code
    mov eax, [resume]
    mov [esp], eax                  ; return to [resume]
    jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_STUB_SIZE

    ATTACK_LIBRARY

section .rodata
trap_table:
    TRAP 13, 0, FLAT_RING1_CS, fault_13
    TRAP 14, 0, FLAT_RING1_CS, fault_14
    TRAP 0, 0, 0, 0
msg_title:      db "attack (f): reach into Xen's area", 10, 0
msg_uvm_hvs:    db "update_va_mapping(0xf5800000 = HYPERVISOR_VIRT_START): ", 0
msg_uvm_gdt:    db "update_va_mapping(0xff000000, Xen's GDT area): ", 0
msg_slot:       db "mmu_update(Xen's L2 slot 428 -> a page of ours): ", 0
msg_slot_clear: db "mmu_update(Xen's L2 slot 428 = 0): ", 0
msg_slot_last:  db "mmu_update(Xen's L2 slot 511 -> a page of ours): ", 0
msg_m2p:        db "write to the M2P at 0xf5800000: ", 0
msg_limit:      db "read at 0xf5c00000 (past the segment limit): ", 0
msg_gdt:        db "read at 0xff000000 (Xen's GDT area): ", 0
msg_vector:     db "vector ", 0
msg_ec:         db ", error code ", 0

    ATTACK_TAIL
page_mfn:   resd 1
l2x:        resd 1
resume:     resd 1
alignb 4096
page:       resb 4096
