; l1-via-update-va-mapping.asm (attack b): a writable mapping of our own page tables, asked for with
; update_va_mapping, the one-PTE hypercall that finds the L1 entry for a virtual address itself.
;
; The builder maps the bootstrap page tables read-only into the guest (start_info.pt_base is the top one's
; virtual address). The obvious attack: "upgrade" that mapping to writable. update_va_mapping checks the new
; entry with exactly the L1 rules of mmu_update (xen-abi.md 4.5), so an RW entry naming a frame in use as a page
; table is refused (-EINVAL), whatever virtual address it is asked for at.
;
; 1. the page that maps our L1 read-only (found through the M2P), made RW;  2. a page of ours pointed at the L1,
; RW;  3. ... at our L2, RW;  4. ... at our L3 (CR3), RW;  5. the same L1 page, read-only again: accepted.
;
; expect-output: attack (b): map our own page tables writable with update_va_mapping
; expect-output: update_va_mapping(the L1's own read-only page, RW): -22
; expect-output: update_va_mapping(target -> our L1, RW): -22
; expect-output: update_va_mapping(target -> our L2, RW): -22
; expect-output: update_va_mapping(target -> our L3 (CR3), RW): -22
; expect-output: update_va_mapping(the L1's own page, read-only): 0
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
    mov eax, target
    call l1_of_va
    mov [l1], eax

    mov eax, [l1]                   ; 1. the L1's own mapping, RW
    call va_of_mfn
    mov ebx, eax
    mov eax, [l1]
    mov ecx, PTE_RW_FLAGS
    call map_page
    REFUSED msg_self

    mov ebx, target                 ; 2. target -> L1, RW
    mov eax, [l1]
    mov ecx, PTE_RW_FLAGS
    call map_page
    REFUSED msg_l1

    mov eax, target                 ; 3. target -> L2, RW
    call l2_of_va
    mov ebx, target
    mov ecx, PTE_RW_FLAGS
    call map_page
    REFUSED msg_l2

    call top_mfn                    ; 4. target -> L3, RW
    mov ebx, target
    mov ecx, PTE_RW_FLAGS
    call map_page
    REFUSED msg_l3

    mov eax, [l1]                   ; 5. read-only is allowed
    call va_of_mfn
    mov ebx, eax
    mov eax, [l1]
    mov ecx, PTE_RO_FLAGS
    call map_page
    MUST msg_ro
    jmp all_refused

    ATTACK_LIBRARY

section .rodata
msg_title:  db "attack (b): map our own page tables writable with update_va_mapping", 10, 0
msg_self:   db "update_va_mapping(the L1's own read-only page, RW): ", 0
msg_l1:     db "update_va_mapping(target -> our L1, RW): ", 0
msg_l2:     db "update_va_mapping(target -> our L2, RW): ", 0
msg_l3:     db "update_va_mapping(target -> our L3 (CR3), RW): ", 0
msg_ro:     db "update_va_mapping(the L1's own page, read-only): ", 0

    ATTACK_TAIL
l1:         resd 1
alignb 4096
target:     resb 4096
