; recursive-l3.asm (attack d, PAE): recursive ("linear") page tables made writable.
;
; A recursive entry makes a page table appear as a page: an L2 entry naming its own L2 turns the L2 into the L1
; of a 2 MiB window, whose pages are the L1s (and, through a recursive L3 entry, the L2s). If any step of such a
; path were writable, the guest could write its page tables directly. Xen's rules (xen-abi.md 4.4; PAE: L3
; entries name L2s only):
;   - an L3 entry takes an "L2" type reference: the L3 itself (type L3) or a page mapped writable cannot be one;
;   - the L2 that holds Xen's slots (L3 slot 3) may be used by nothing else;
;   - a linear L2 entry (one naming an L2) must be read-only; and the L2, seen as an L1 through it, is no L1 to
;     update_va_mapping, so the window cannot be made writable page by page either.
;
; expect-output: attack (d): recursive page tables (PAE)
; expect-output: mmu_update(L3 slot 1 -> the L3 itself): -22
; expect-output: mmu_update(L3 slot 1 -> a page mapped RW): -22
; expect-output: mmu_update(L3 slot 1 -> the L2 with Xen's slots): -22
; expect-output: mmu_update(L2 slot 511 -> that L2, RW): -22
; expect-output: mmu_update(L2 slot 511 -> that L2, read-only): 0
; expect-output-match: through the window: 0x[0-9a-f]{8} = entry 0 of our first L1, read-only
; expect-output: mmu_update(L2 slot 511 -> that L2, now RW): -22
; expect-output: update_va_mapping(window page 0 -> our first L1, RW): -22
; expect-output: mmu_update(L2 slot 511 = 0): 0
; expect-output: refused
; expect-exit: 0
; max-instructions: 100000

%include "attack.inc"

SLOT        equ 511                 ; the free L2 slot for the linear map: va 0x3FE00000
WINDOW      equ SLOT << 21          ; page k of the window shows the frame L2 entry k names

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    call top_mfn
    mov [l3], eax
    xor eax, eax
    call l2_of_va
    mov [l2], eax                   ; the L2 of L3 slot 0 (va 0 .. 1 GiB)
    mov eax, 0xC0000000
    call l2_of_va
    mov [l2x], eax                  ; the L2 of L3 slot 3: Xen's slots

    mov ecx, [l3]                   ; 1. L3 slot 1 -> the L3
    call set_l3_slot1
    REFUSED msg_l3_self
    mov eax, page
    call mfn_of_va
    mov ecx, eax                    ; 2. L3 slot 1 -> page (ours, mapped writable)
    call set_l3_slot1
    REFUSED msg_l3_rw
    mov ecx, [l2x]                  ; 3. L3 slot 1 -> Xen's L2
    call set_l3_slot1
    REFUSED msg_l3_xen

    mov ecx, PDE_FLAGS              ; 4. L2 slot 511 -> the L2, RW
    call set_l2_slot
    REFUSED msg_l2_rw
    mov ecx, PTE_P | PTE_A          ; 5. the same, read-only: a linear page table
    call set_l2_slot
    MUST msg_l2_ro
    mov edx, msg_window
    call puts
    mov eax, [WINDOW]               ; entry 0 of our first L1 (it maps pfn 0)
    call print_hex
    mov edx, msg_window_end
    call puts

    mov ecx, PTE_P | PTE_RW | PTE_A ; 6. upgrade the linear entry to RW
    call set_l2_slot
    REFUSED msg_l2_upgrade
    xor eax, eax                    ; 7. through the window, the L2 would be the L1 of page 0: make that RW
    call l1_of_va
    mov ebx, WINDOW
    mov ecx, PTE_RW_FLAGS
    call map_page
    REFUSED msg_window_rw

    mov ebx, [l2]                   ; remove the linear map
    shl ebx, 12
    add ebx, SLOT * 8
    xor ecx, ecx
    xor edx, edx
    call mmu_update1
    MUST msg_clear
    jmp all_refused

; set_l3_slot1: mmu_update(L3 entry 1 = ECX << 12 | P). EAX = result.
set_l3_slot1:
    shl ecx, 12
    or ecx, PTE_P
    mov ebx, [l3]
    shl ebx, 12
    add ebx, 8
    xor edx, edx
    jmp mmu_update1

; set_l2_slot: mmu_update(entry SLOT of our L2 = the L2 itself | flags ECX). EAX = result.
set_l2_slot:
    mov eax, [l2]
    shl eax, 12
    or ecx, eax
    mov ebx, eax
    add ebx, SLOT * 8
    xor edx, edx
    jmp mmu_update1

    ATTACK_LIBRARY

section .rodata
msg_title:      db "attack (d): recursive page tables (PAE)", 10, 0
msg_l3_self:    db "mmu_update(L3 slot 1 -> the L3 itself): ", 0
msg_l3_rw:      db "mmu_update(L3 slot 1 -> a page mapped RW): ", 0
msg_l3_xen:     db "mmu_update(L3 slot 1 -> the L2 with Xen's slots): ", 0
msg_l2_rw:      db "mmu_update(L2 slot 511 -> that L2, RW): ", 0
msg_l2_ro:      db "mmu_update(L2 slot 511 -> that L2, read-only): ", 0
msg_window:     db "through the window: ", 0
msg_window_end: db " = entry 0 of our first L1, read-only", 10, 0
msg_l2_upgrade: db "mmu_update(L2 slot 511 -> that L2, now RW): ", 0
msg_window_rw:  db "update_va_mapping(window page 0 -> our first L1, RW): ", 0
msg_clear:      db "mmu_update(L2 slot 511 = 0): ", 0

    ATTACK_TAIL
l3:         resd 1
l2:         resd 1
l2x:        resd 1
alignb 4096
page:       resb 4096               ; an ordinary page of ours, mapped writable
